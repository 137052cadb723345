package io.marquee.core.store;

import java.util.Map;

/**
 * What one import or generation run wrote.
 *
 * @param importId    row id in the {@code imports} table
 * @param kind        e.g. {@code movielens-100k}, {@code csv:ratings}, {@code synthetic}
 * @param source      where the data came from (path, or the generator's parameters)
 * @param fingerprint sha256 (hex) of the source
 * @param rowCounts   rows written per table
 * @param seconds     wall time of the whole run, commit included
 */
public record ImportResult(long importId, String kind, String source, String fingerprint,
                           Map<String, Long> rowCounts, double seconds) {
    public ImportResult {
        rowCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowCounts));
    }

    /** All rows written, over every table. */
    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows per second over the whole run. */
    public double rowsPerSecond() {
        return seconds > 0 ? totalRows() / seconds : 0;
    }
}
