package io.marquee.predict.table;

import io.marquee.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A declared input schema: an ordered list of named, typed columns, each required or optional.
 * Immutable. Saved with every tabular model (see {@link #toList()} / {@link #fromList(List)}) so
 * that serving checks requests against the columns the model was trained on.
 */
public final class Schema {
    private final List<ColumnSpec> columns;
    private final Map<String, Integer> index;

    /** A schema of the given columns, whose names must be unique. */
    public Schema(List<ColumnSpec> columns) {
        if (columns == null || columns.isEmpty()) {
            throw InvalidInputException.of("schema columns", columns, "at least one column");
        }
        this.columns = List.copyOf(columns);
        Map<String, Integer> m = new HashMap<>();
        for (int c = 0; c < this.columns.size(); c++) {
            if (m.put(this.columns.get(c).name(), c) != null) {
                throw InvalidInputException.of("column name", this.columns.get(c).name(), "unique in the schema");
            }
        }
        this.index = Map.copyOf(m);
    }

    /** A schema of the given columns. */
    public static Schema of(ColumnSpec... columns) {
        return new Schema(List.of(columns));
    }

    /** The columns in order. */
    public List<ColumnSpec> columns() {
        return columns;
    }

    /** Number of columns. */
    public int size() {
        return columns.size();
    }

    /** The column at a position. */
    public ColumnSpec column(int position) {
        return columns.get(position);
    }

    /** Position of a column, or -1 when the schema has none of that name. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /** Whether the schema has a column of that name. */
    public boolean has(String name) {
        return index.containsKey(name);
    }

    /** The column of that name; an {@link InvalidInputException} listing the columns when absent. */
    public ColumnSpec column(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw InvalidInputException.of("column", "'" + name + "'", "one of " + names());
        }
        return columns.get(i);
    }

    /** The column names in order. */
    public List<String> names() {
        List<String> n = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) {
            n.add(c.name());
        }
        return n;
    }

    /** This schema without the named columns (names that are absent are ignored). */
    public Schema without(String... names) {
        List<ColumnSpec> kept = new ArrayList<>();
        outer:
        for (ColumnSpec c : columns) {
            for (String n : names) {
                if (c.name().equals(n)) {
                    continue outer;
                }
            }
            kept.add(c);
        }
        return new Schema(kept);
    }

    /** JSON-friendly form: a list of {@code {name, type, required}}. */
    public List<Map<String, Object>> toList() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ColumnSpec c : columns) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("type", c.type().name().toLowerCase(Locale.ROOT));
            m.put("required", c.required());
            out.add(m);
        }
        return out;
    }

    /** The inverse of {@link #toList()}. */
    public static Schema fromList(List<Map<String, Object>> list) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (Map<String, Object> m : list) {
            String type = String.valueOf(m.get("type"));
            ColumnType t;
            try {
                t = ColumnType.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("type of column " + m.get("name"), type,
                        "one of numeric, categorical, boolean, timestamp");
            }
            cols.add(new ColumnSpec(String.valueOf(m.get("name")), t, Boolean.TRUE.equals(m.get("required"))));
        }
        return new Schema(cols);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && s.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "Schema" + columns;
    }
}
