package io.marquee.predict.table;

import io.marquee.core.error.InvalidInputException;

/**
 * One declared input column.
 *
 * @param name     the column's name (a CSV header or a request field)
 * @param type     how values are parsed and featurised
 * @param required whether a row must give a non-missing value
 */
public record ColumnSpec(String name, ColumnType type, boolean required) {
    public ColumnSpec {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("column name", name == null ? null : "'" + name + "'", "non-blank");
        }
        if (type == null) {
            throw InvalidInputException.of("type of column " + name, null, "one of NUMERIC, CATEGORICAL, BOOLEAN, TIMESTAMP");
        }
    }

    /** An optional column. */
    public static ColumnSpec optional(String name, ColumnType type) {
        return new ColumnSpec(name, type, false);
    }

    /** A required column. */
    public static ColumnSpec required(String name, ColumnType type) {
        return new ColumnSpec(name, type, true);
    }
}
