package io.marquee.predict.table;

/**
 * The type of a column of a {@link Table}, which decides how its text is parsed and how the
 * {@link io.marquee.predict.features.FeaturePipeline} turns it into features.
 */
public enum ColumnType {
    /** A real number ({@code 1.5}, {@code -3}, {@code 1e3}); held as {@code double}, NaN when missing. */
    NUMERIC,
    /** A label from a set of levels; held as {@code String}, {@code null} when missing. */
    CATEGORICAL,
    /**
     * {@code true/false}, {@code yes/no}, {@code y/n} or {@code 1/0} (any case); held as {@code double}
     * 1 or 0, NaN when missing.
     */
    BOOLEAN,
    /**
     * A point in time: an ISO-8601 instant ({@code 2024-03-01T20:15:00Z}), a local date-time or date
     * (read as UTC), or whole epoch seconds; held as epoch seconds ({@code long}),
     * {@link Table#MISSING_TIME} when missing.
     */
    TIMESTAMP
}
