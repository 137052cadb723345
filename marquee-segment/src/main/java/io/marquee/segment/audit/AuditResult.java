package io.marquee.segment.audit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an {@link Audit} found and wrote. Immutable.
 *
 * @param url             the JDBC URL audited (password hidden)
 * @param product         database product name
 * @param productVersion  database product version
 * @param tables          every table, in name order
 * @param mainTable       display name of the main interaction table, or null when none looks like one
 * @param mainTableReason why it was named (or why none was)
 * @param files           files written, relative to the output directory
 * @param outDir          the output directory
 * @param seconds         wall time
 */
public record AuditResult(String url, String product, String productVersion, List<TableAudit> tables,
                          String mainTable, String mainTableReason, List<String> files, Path outDir, double seconds) {
    public AuditResult {
        tables = List.copyOf(tables);
        files = List.copyOf(files);
    }

    /** The table of that display name, or null. */
    public TableAudit table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** Total rows over all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableAudit::rows).sum();
    }

    /** Everything as a map, for {@code marquee audit --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("product", product);
        m.put("product_version", productVersion);
        m.put("table_count", tables.size());
        m.put("total_rows", totalRows());
        m.put("main_table", mainTable);
        m.put("main_table_reason", mainTableReason);
        m.put("tables", tables.stream().map(TableAudit::toMap).toList());
        m.put("out_dir", outDir.toString());
        m.put("files", files);
        m.put("seconds", seconds);
        return m;
    }
}
