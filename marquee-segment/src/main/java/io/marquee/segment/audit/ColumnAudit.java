package io.marquee.segment.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column of an audited table.
 *
 * @param name       column name
 * @param type       the database's type name (as JDBC metadata reports it; may be empty in SQLite)
 * @param nullable   whether the column accepts NULL (false when declared NOT NULL)
 * @param primaryKey whether the column is part of the primary key
 * @param references {@code table.column} the column refers to by a foreign key, or null
 * @param nulls      NULL values (−1 when the count failed)
 * @param distinct   distinct non-NULL values (−1 when the count failed)
 * @param min        smallest value as text (null when empty or not comparable)
 * @param max        largest value as text (null when empty or not comparable)
 */
public record ColumnAudit(String name, String type, boolean nullable, boolean primaryKey, String references,
                          long nulls, long distinct, String min, String max) {

    /** The column as a map (for JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type);
        m.put("nullable", nullable);
        m.put("primary_key", primaryKey);
        m.put("references", references);
        m.put("nulls", nulls);
        m.put("distinct", distinct);
        m.put("min", min);
        m.put("max", max);
        return m;
    }
}
