package io.marquee.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one segment is: its size, a descriptive name derived from its profile, a sentence on what
 * sets it apart, the features where it differs most from the population, the genres it
 * over-indexes on, engagement figures, and what it means for curation and recommendation.
 *
 * @param id          segment id (0 = largest)
 * @param name        descriptive name, e.g. "Heavy weekend comedy fans"
 * @param size        viewers in the segment
 * @param share       share of segmented viewers
 * @param summary     one sentence on what sets the segment apart, with figures
 * @param traits      the features where the segment differs most (largest |z| first)
 * @param topGenres   the genres with the highest lift (segment share / population share)
 * @param engagement  mean views, views per week, completion rate, mean rating, binge share, days since last view
 * @param actions     what the segment means for content curation and recommendation
 * @param zScores     mean standardised value of every feature (population = 0, in population sd units)
 */
public record SegmentProfile(int id, String name, long size, double share, String summary, List<Trait> traits,
                             List<GenreLift> topGenres, Map<String, Double> engagement, List<String> actions,
                             Map<String, Double> zScores) {

    public SegmentProfile {
        traits = List.copyOf(traits);
        topGenres = List.copyOf(topGenres);
        engagement = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(engagement));
        actions = List.copyOf(actions);
        zScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(zScores));
    }

    /**
     * A feature where the segment stands out.
     *
     * @param feature        feature name
     * @param label          readable label
     * @param segmentMean    mean raw value in the segment
     * @param populationMean mean raw value over all segmented viewers
     * @param z              mean standardised value in the segment (difference in population sd)
     */
    public record Trait(String feature, String label, double segmentMean, double populationMean, double z) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", feature);
            m.put("label", label);
            m.put("segment_mean", Candidate.finite(segmentMean));
            m.put("population_mean", Candidate.finite(populationMean));
            m.put("z", Candidate.finite(z));
            return m;
        }
    }

    /**
     * A genre's share of the segment's views against the population's.
     *
     * @param genre           genre name
     * @param share           share of the segment's views
     * @param populationShare share of all segmented viewers' views (mean of viewer shares)
     * @param lift            share / populationShare
     */
    public record GenreLift(String genre, double share, double populationShare, double lift) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("genre", genre);
            m.put("share", Candidate.finite(share));
            m.put("population_share", Candidate.finite(populationShare));
            m.put("lift", Candidate.finite(lift));
            return m;
        }
    }

    /** The profile as a map (for JSON and the model manifest). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("size", size);
        m.put("share", share);
        m.put("summary", summary);
        m.put("traits", traits.stream().map(Trait::toMap).toList());
        m.put("top_genres", topGenres.stream().map(GenreLift::toMap).toList());
        Map<String, Object> e = new LinkedHashMap<>();
        engagement.forEach((k, v) -> e.put(k, Candidate.finite(v)));
        m.put("engagement", e);
        m.put("actions", actions);
        Map<String, Object> z = new LinkedHashMap<>();
        zScores.forEach((k, v) -> z.put(k, Candidate.finite(v)));
        m.put("z_scores", z);
        return m;
    }
}
