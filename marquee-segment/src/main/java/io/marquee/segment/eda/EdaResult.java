package io.marquee.segment.eda;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an {@link Eda} run computed and wrote. Immutable.
 *
 * @param figures  headline figures by name (counts, means, shares; see docs/audit-eda.md)
 * @param insights the 4–5 insights, chosen and worded by the data
 * @param files    files written, relative to the output directory
 * @param outDir   the output directory
 * @param seconds  wall time
 */
public record EdaResult(Map<String, Object> figures, List<Insight> insights, List<String> files, Path outDir,
                        double seconds) {
    public EdaResult {
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        insights = List.copyOf(insights);
        files = List.copyOf(files);
    }

    /** Everything as a map, for {@code marquee eda --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figures", figures);
        m.put("insights", insights.stream().map(Insight::toMap).toList());
        m.put("out_dir", outDir.toString());
        m.put("files", files);
        m.put("seconds", seconds);
        return m;
    }
}
