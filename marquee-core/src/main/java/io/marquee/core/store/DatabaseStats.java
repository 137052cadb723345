package io.marquee.core.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A summary of a Marquee database: rows per table, the rating histogram and the drop-off share of
 * watch events (events not marked completed).
 *
 * @param rowCounts      rows per table, in schema order
 * @param ratingHistogram rating value → count, ascending
 * @param ratingMean     mean rating (NaN without ratings)
 * @param dropoffShare   share of watch events not completed (NaN without events)
 */
public record DatabaseStats(Map<String, Long> rowCounts, Map<Double, Long> ratingHistogram, double ratingMean,
                            double dropoffShare) {
    /** The tables reported, in schema order. */
    public static final String[] TABLES = {"movies", "genres", "movie_genres", "users", "survey_responses",
        "ratings", "watch_events", "dropoff_truth", "imports"};

    public DatabaseStats {
        rowCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
        ratingHistogram = java.util.Collections.unmodifiableMap(new TreeMap<>(ratingHistogram));
    }

    /** Computes the summary with a handful of aggregate queries. */
    public static DatabaseStats of(Database db) {
        return db.inTransaction(h -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String t : TABLES) {
                counts.put(t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one());
            }
            Map<Double, Long> histogram = new TreeMap<>();
            h.createQuery("SELECT value, COUNT(*) FROM ratings GROUP BY value ORDER BY value")
                    .map((rs, ctx) -> Map.entry(rs.getDouble(1), rs.getLong(2)))
                    .forEach(e -> histogram.put(e.getKey(), e.getValue()));
            double mean = h.createQuery("SELECT AVG(value) FROM ratings")
                    .map((rs, ctx) -> {
                        double v = rs.getDouble(1);
                        return rs.wasNull() ? Double.NaN : v;
                    }).one();
            double dropoff = h.createQuery("SELECT AVG(CASE WHEN completed THEN 0.0 ELSE 1.0 END) FROM watch_events")
                    .map((rs, ctx) -> {
                        double v = rs.getDouble(1);
                        return rs.wasNull() ? Double.NaN : v;
                    }).one();
            return new DatabaseStats(counts, histogram, mean, dropoff);
        });
    }
}
