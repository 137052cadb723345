package io.marquee.segment.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A foreign key of an audited table: a relationship to another table.
 *
 * @param name       constraint name (may be empty: SQLite has none)
 * @param columns    the referring columns, in key order
 * @param refTable   the referenced table (display name)
 * @param refColumns the referenced columns, in key order
 * @param orphans    rows whose (non-NULL) key matches no row of the referenced table; null when
 *                   the count failed
 */
public record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns, Long orphans) {
    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }

    /** e.g. {@code user_id → users.id}. */
    public String describe() {
        return String.join(", ", columns) + " → " + refTable + "." + String.join(", ", refColumns);
    }

    /** The key as a map (for JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("columns", columns);
        m.put("references_table", refTable);
        m.put("references_columns", refColumns);
        m.put("orphan_rows", orphans);
        return m;
    }
}
