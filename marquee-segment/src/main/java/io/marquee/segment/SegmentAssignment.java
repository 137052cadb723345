package io.marquee.segment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The segment of one viewer.
 *
 * @param userId      external viewer id (0 when features were given directly)
 * @param segment     segment id, or {@link #NONE} for a viewer in no segment (no viewing
 *                    history, or an outlier of a density-based model)
 * @param name        the segment's name, or why there is none
 * @param probability posterior probability of the segment (Gaussian mixtures only; else null)
 */
public record SegmentAssignment(long userId, int segment, String name, Double probability) {
    /** Segment id of a viewer in no segment. */
    public static final int NONE = -1;
    /** Name given to a viewer without any view. */
    public static final String NO_HISTORY = "No viewing history";
    /** Name given to an outlier of a density-based model. */
    public static final String OUTLIER = "Outlier (no segment)";

    /** The assignment as a map (for JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", userId);
        m.put("segment", segment);
        m.put("name", name);
        m.put("probability", probability);
        return m;
    }
}
