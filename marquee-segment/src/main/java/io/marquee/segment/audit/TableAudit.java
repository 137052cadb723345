package io.marquee.segment.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One audited table.
 *
 * @param schema       schema (null for SQLite)
 * @param name         display name ({@code schema.table} outside the default schema)
 * @param rawName      the table's own name
 * @param rows         row count
 * @param columns      columns in declaration order
 * @param primaryKey   primary-key columns in key order (empty without a primary key)
 * @param foreignKeys  foreign keys (relationships to other tables)
 * @param referencedBy display names of the tables whose foreign keys point here
 * @param sampleFile   the sample CSV, relative to the output directory
 */
public record TableAudit(String schema, String name, String rawName, long rows, List<ColumnAudit> columns,
                         List<String> primaryKey, List<ForeignKey> foreignKeys, List<String> referencedBy,
                         String sampleFile) {
    public TableAudit {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        referencedBy = List.copyOf(referencedBy);
    }

    /** The column of that name, or null. */
    public ColumnAudit column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst().orElse(null);
    }

    /** The table as a map (for JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("schema", schema);
        m.put("rows", rows);
        m.put("primary_key", primaryKey);
        m.put("foreign_keys", foreignKeys.stream().map(ForeignKey::toMap).toList());
        m.put("referenced_by", referencedBy);
        m.put("columns", columns.stream().map(ColumnAudit::toMap).toList());
        m.put("sample_file", sampleFile);
        return m;
    }
}
