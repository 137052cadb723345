package io.marquee.segment.audit;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.error.StorageException;
import io.marquee.core.store.Database;
import io.marquee.segment.report.AtomicFiles;
import io.marquee.segment.report.Fmt;
import io.marquee.segment.report.MarkdownTable;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Data audit of any SQLite or PostgreSQL database reachable by JDBC, Marquee's own or not
 * ({@code marquee audit --db URL --out DIR}). Reads the schema through
 * {@link java.sql.DatabaseMetaData} (tables, columns with type, primary keys, foreign keys,
 * nullability), counts rows, NULLs and distinct values, takes min/max per column and the orphan rows
 * of each foreign key, and writes:
 *
 * <ul>
 *   <li>{@code data_dictionary.md}: tables, relationships and every column;</li>
 *   <li>{@code table_summary.csv}: one row per table; {@code column_summary.csv}: one row per column;</li>
 *   <li>{@code samples/<table>.csv}: the first rows of each table (by primary key when there is one).</li>
 * </ul>
 *
 * <p>It names the <b>main interaction table</b>: among the tables that look like a viewer×item
 * relationship — at least two foreign keys, or both a viewer-like and an item-like column (by
 * name: {@code user_id}, {@code viewer_id}, {@code customer_id} … and {@code movie_id},
 * {@code film_id}, {@code item_id} …) — those with both kinds of column come first, then the one
 * with the most rows. A pure link table (say film × genre) thus loses to a smaller table of
 * viewers' events.
 *
 * <p>The connection is read-only (a SQLite file is opened read-only and never created). Every
 * file is written to a temporary file and renamed into place.
 */
public final class Audit {
    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);
    /** Rows written to each sample CSV by default. */
    public static final int SAMPLE_ROWS = 20;
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast");
    static final Pattern USER_LIKE = Pattern.compile(
            "^(.*_)?(user|viewer|customer|member|account|subscriber|client|profile|person)(_?id|_key|_no)?$");
    static final Pattern ITEM_LIKE = Pattern.compile(
            "^(.*_)?(movie|film|item|product|video|content|show|title|song|track|episode|program|programme|book|article)"
                    + "(_?id|_key|_no)?$");

    private Audit() {
    }

    /** Audits the database at {@code jdbcUrl} (or a SQLite file path) into {@code outDir}. */
    public static AuditResult run(String jdbcUrl, Path outDir) {
        return run(jdbcUrl, outDir, SAMPLE_ROWS);
    }

    /** As {@link #run(String, Path)} with {@code sampleRows} rows per sample CSV. */
    public static AuditResult run(String jdbcUrl, Path outDir, int sampleRows) {
        if (sampleRows < 0 || sampleRows > 100_000) {
            throw InvalidInputException.of("sample_rows", sampleRows, "between 0 and 100000");
        }
        long start = System.nanoTime();
        String url = Database.toJdbcUrl(jdbcUrl);
        try (Connection c = connect(url)) {
            DatabaseMetaData md = c.getMetaData();
            String quote = md.getIdentifierQuoteString();
            if (quote == null || quote.isBlank()) {
                quote = "\"";
            }
            List<TableAudit> tables = readTables(c, md, quote.trim(), sampleRows, outDir);
            String[] main = mainTable(tables);
            List<String> files = new ArrayList<>();
            AuditResult partial = new AuditResult(mask(url), md.getDatabaseProductName(),
                    md.getDatabaseProductVersion(), tables, main[0], main[1], files, outDir.toAbsolutePath(), 0);
            files.add(rel(outDir, AtomicFiles.writeString(outDir.resolve("data_dictionary.md"), dictionary(partial))));
            files.add(rel(outDir, tableSummary(partial, outDir.resolve("table_summary.csv"))));
            files.add(rel(outDir, columnSummary(partial, outDir.resolve("column_summary.csv"))));
            for (TableAudit t : tables) {
                if (t.sampleFile() != null) {
                    files.add(t.sampleFile());
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            LOG.info("audit of {}: {} tables, {} rows, main table {} ({} s)", mask(url), tables.size(),
                    partial.totalRows(), main[0], Fmt.num(secs, 2));
            return new AuditResult(partial.url(), partial.product(), partial.productVersion(), tables, main[0], main[1],
                    files, outDir.toAbsolutePath(), secs);
        } catch (SQLException e) {
            throw new StorageException("cannot audit " + mask(url) + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        if (url.startsWith("jdbc:sqlite:")) {
            Path file = Database.sqliteFile(url);
            if (file != null && !Files.isRegularFile(file)) {
                throw new NotFoundException("database file " + file + " does not exist");
            }
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setReadOnly(true);
            return cfg.createConnection(url);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw InvalidInputException.of("database URL", mask(url), "a jdbc:sqlite: or jdbc:postgresql: URL, or a file");
        }
        Connection c = DriverManager.getConnection(url);
        c.setReadOnly(true);
        c.setAutoCommit(true);
        return c;
    }

    /** The URL with any password replaced by {@code ***}. */
    static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]+:)[^@/]*@", "$1***@");
    }

    // ---------------------------------------------------------------- schema and statistics

    private record TableRef(String catalog, String schema, String name, String display) {
    }

    private static List<TableAudit> readTables(Connection c, DatabaseMetaData md, String q, int sampleRows, Path out)
            throws SQLException {
        List<TableRef> refs = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                if (schema != null && SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                    continue;
                }
                boolean plain = schema == null || schema.isEmpty() || schema.equals("public") || schema.equals("main");
                refs.add(new TableRef(rs.getString("TABLE_CAT"), schema, name, plain ? name : schema + "." + name));
            }
        }
        refs.sort(Comparator.comparing(TableRef::display));
        Map<String, TableRef> byKey = new LinkedHashMap<>();
        for (TableRef r : refs) {
            byKey.put(key(r.schema(), r.name()), r);
        }
        // foreign keys first, so that "referenced by" can be filled in
        Map<String, List<ForeignKey>> fks = new LinkedHashMap<>();
        Map<String, Map<String, String>> colRefs = new LinkedHashMap<>();
        Map<String, List<String>> referencedBy = new TreeMap<>();
        for (TableRef r : refs) {
            // one group per constraint: by name when the driver gives one, else a new group at KEY_SEQ 1
            Map<String, List<String[]>> parts = new LinkedHashMap<>();
            String current = null;
            try (ResultSet rs = md.getImportedKeys(r.catalog(), r.schema(), r.name())) {
                while (rs.next()) {
                    String fkName = nz(rs.getString("FK_NAME"));
                    String refSchema = rs.getString("PKTABLE_SCHEM");
                    String refTable = rs.getString("PKTABLE_NAME");
                    int seq = rs.getInt("KEY_SEQ");
                    String group;
                    if (!fkName.isEmpty()) {
                        group = "name:" + fkName;
                    } else if (seq <= 1 || current == null) {
                        group = "seq:" + parts.size();
                    } else {
                        group = current;
                    }
                    current = group;
                    parts.computeIfAbsent(group, g -> new ArrayList<>()).add(new String[] {rs.getString("FKCOLUMN_NAME"),
                        rs.getString("PKCOLUMN_NAME"), Integer.toString(seq), refSchema, refTable, fkName});
                }
            }
            List<ForeignKey> list = new ArrayList<>();
            Map<String, String> refOfCol = new LinkedHashMap<>();
            for (List<String[]> cols : parts.values()) {
                cols.sort(Comparator.comparingInt(a -> Integer.parseInt(a[2])));
                String[] first = cols.get(0);
                TableRef target = byKey.get(key(first[3], first[4]));
                String targetName = target != null ? target.display() : first[4];
                List<String> from = cols.stream().map(a -> a[0]).toList();
                List<String> to = cols.stream().map(a -> a[1]).toList();
                Long orphans = target == null ? null : orphans(c, q, r, from, target, to);
                list.add(new ForeignKey(first[5], from, targetName, to, orphans));
                for (int i = 0; i < from.size(); i++) {
                    refOfCol.put(from.get(i), targetName + "." + to.get(i));
                }
                referencedBy.computeIfAbsent(targetName, t -> new ArrayList<>());
                if (!referencedBy.get(targetName).contains(r.display())) {
                    referencedBy.get(targetName).add(r.display());
                }
            }
            fks.put(r.display(), list);
            colRefs.put(r.display(), refOfCol);
        }
        List<TableAudit> result = new ArrayList<>();
        for (TableRef r : refs) {
            List<String> pk = new ArrayList<>();
            TreeMap<Integer, String> pkOrder = new TreeMap<>();
            try (ResultSet rs = md.getPrimaryKeys(r.catalog(), r.schema(), r.name())) {
                while (rs.next()) {
                    pkOrder.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            pk.addAll(pkOrder.values());
            List<String[]> cols = new ArrayList<>();
            try (ResultSet rs = md.getColumns(r.catalog(), r.schema(), r.name(), "%")) {
                while (rs.next()) {
                    cols.add(new String[] {rs.getString("COLUMN_NAME"), nz(rs.getString("TYPE_NAME")),
                        Integer.toString(rs.getInt("NULLABLE")), Integer.toString(rs.getInt("ORDINAL_POSITION"))});
                }
            }
            cols.sort(Comparator.comparingInt(a -> Integer.parseInt(a[3])));
            long rows = count(c, "SELECT COUNT(*) FROM " + qualified(q, r));
            Map<String, String> refOfCol = colRefs.getOrDefault(r.display(), Map.of());
            List<ColumnAudit> columns = new ArrayList<>();
            Object[][] stats = columnStats(c, q, r, cols.stream().map(a -> a[0]).toList(), rows);
            for (int i = 0; i < cols.size(); i++) {
                String[] col = cols.get(i);
                boolean nullable = Integer.parseInt(col[2]) != DatabaseMetaData.columnNoNulls;
                boolean isPk = pk.stream().anyMatch(p -> p.equalsIgnoreCase(col[0]));
                columns.add(new ColumnAudit(col[0], col[1], nullable && !isPk, isPk, refOfCol.get(col[0]),
                        (Long) stats[i][0], (Long) stats[i][1], (String) stats[i][2], (String) stats[i][3]));
            }
            String sample = sampleRows == 0 ? null : sample(c, q, r, pk, sampleRows, out);
            result.add(new TableAudit(r.schema(), r.display(), r.name(), rows, columns, pk, fks.get(r.display()),
                    referencedBy.getOrDefault(r.display(), List.of()), sample));
        }
        return result;
    }

    private static String key(String schema, String name) {
        return (schema == null ? "" : schema) + "." + name;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String id(String q, String name) {
        return q + name.replace(q, q + q) + q;
    }

    private static String qualified(String q, TableRef r) {
        return r.schema() == null || r.schema().isEmpty() ? id(q, r.name()) : id(q, r.schema()) + "." + id(q, r.name());
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Per column: {nulls, distinct, min, max}; one query per table, per column when that fails. */
    private static Object[][] columnStats(Connection c, String q, TableRef r, List<String> cols, long rows) {
        Object[][] out = new Object[cols.size()][];
        if (cols.isEmpty()) {
            return out;
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < cols.size(); i++) {
            String col = id(q, cols.get(i));
            if (i > 0) {
                sql.append(", ");
            }
            sql.append("COUNT(").append(col).append("), COUNT(DISTINCT ").append(col).append("), MIN(").append(col)
                    .append("), MAX(").append(col).append(")");
        }
        sql.append(" FROM ").append(qualified(q, r));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            for (int i = 0; i < cols.size(); i++) {
                out[i] = new Object[] {rows - rs.getLong(4 * i + 1), rs.getLong(4 * i + 2), text(rs, 4 * i + 3),
                    text(rs, 4 * i + 4)};
            }
            return out;
        } catch (SQLException e) {
            LOG.debug("column statistics of {} in one query failed ({}); per column", r.display(), e.getMessage());
        }
        for (int i = 0; i < cols.size(); i++) {
            String col = id(q, cols.get(i));
            String from = " FROM " + qualified(q, r);
            long nulls = -1;
            long distinct = -1;
            String min = null;
            String max = null;
            try {
                nulls = rows - count(c, "SELECT COUNT(" + col + ")" + from);
            } catch (SQLException e) {
                LOG.debug("null count of {}.{} failed: {}", r.display(), cols.get(i), e.getMessage());
            }
            try {
                distinct = count(c, "SELECT COUNT(DISTINCT " + col + ")" + from);
            } catch (SQLException e) {
                LOG.debug("distinct count of {}.{} failed: {}", r.display(), cols.get(i), e.getMessage());
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MIN(" + col + "), MAX(" + col + ")" + from)) {
                rs.next();
                min = text(rs, 1);
                max = text(rs, 2);
            } catch (SQLException e) {
                LOG.debug("min/max of {}.{} is not available: {}", r.display(), cols.get(i), e.getMessage());
            }
            out[i] = new Object[] {nulls, distinct, min, max};
        }
        return out;
    }

    private static String text(ResultSet rs, int i) throws SQLException {
        int type = rs.getMetaData().getColumnType(i);
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
            byte[] b = rs.getBytes(i);
            return b == null ? null : "<" + b.length + " bytes>";
        }
        return rs.getString(i);
    }

    private static Long orphans(Connection c, String q, TableRef child, List<String> from, TableRef parent,
                                List<String> to) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(qualified(q, child)).append(" c WHERE ");
        for (String f : from) {
            sql.append("c.").append(id(q, f)).append(" IS NOT NULL AND ");
        }
        sql.append("NOT EXISTS (SELECT 1 FROM ").append(qualified(q, parent)).append(" p WHERE ");
        for (int i = 0; i < from.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            sql.append("p.").append(id(q, to.get(i))).append(" = c.").append(id(q, from.get(i)));
        }
        sql.append(')');
        try {
            return count(c, sql.toString());
        } catch (SQLException e) {
            LOG.debug("orphan count of {} failed: {}", child.display(), e.getMessage());
            return null;
        }
    }

    private static String sample(Connection c, String q, TableRef r, List<String> pk, int rows, Path out) {
        String file = "samples/" + fileName(r.display()) + ".csv";
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(qualified(q, r));
        if (!pk.isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < pk.size(); i++) {
                sql.append(i > 0 ? ", " : "").append(id(q, pk.get(i)));
            }
        }
        sql.append(" LIMIT ").append(rows);
        try (Statement s = c.createStatement()) {
            s.setMaxRows(rows);
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                List<String[]> lines = new ArrayList<>();
                String[] header = new String[n];
                for (int i = 0; i < n; i++) {
                    header[i] = meta.getColumnLabel(i + 1);
                }
                lines.add(header);
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        String v = text(rs, i + 1);
                        row[i] = v == null ? "" : v;
                    }
                    lines.add(row);
                }
                AtomicFiles.write(out.resolve(file), os -> {
                    try (CsvWriter w = CsvWriter.builder().build(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
                        for (String[] line : lines) {
                            w.writeRecord(line);
                        }
                    }
                });
                return file;
            }
        } catch (SQLException e) {
            LOG.warn("sample of {} failed: {}", r.display(), e.getMessage());
            return null;
        }
    }

    /** A safe file name for a table (letters, digits, dot, dash and underscore). */
    static String fileName(String table) {
        String s = table.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    // ---------------------------------------------------------------- the main interaction table

    /** {display name or null, reason}. */
    static String[] mainTable(List<TableAudit> tables) {
        TableAudit best = null;
        boolean bestPair = false;
        int candidates = 0;
        for (TableAudit t : tables) {
            boolean user = t.columns().stream().anyMatch(c -> USER_LIKE.matcher(c.name().toLowerCase(Locale.ROOT)).matches());
            boolean item = t.columns().stream().anyMatch(c -> ITEM_LIKE.matcher(c.name().toLowerCase(Locale.ROOT)).matches());
            boolean pair = user && item;
            if (t.foreignKeys().size() < 2 && !pair) {
                continue;
            }
            candidates++;
            if (best == null || (pair && !bestPair) || (pair == bestPair && t.rows() > best.rows())) {
                best = t;
                bestPair = pair;
            }
        }
        if (best == null) {
            return new String[] {null, "no table has two or more foreign keys or both a viewer-like and an item-like "
                    + "column, so none looks like an interaction table"};
        }
        String why = best.name() + " (" + Fmt.count(best.rows()) + " rows) " + (bestPair
                ? "has both a viewer-like and an item-like column"
                : "has " + best.foreignKeys().size() + " foreign keys") + " and is the largest such table of " + candidates
                + " candidate" + (candidates == 1 ? "" : "s") + " (tables with ≥ 2 foreign keys or viewer-like and "
                + "item-like columns; those with both kinds of column first)";
        return new String[] {best.name(), why};
    }

    // ---------------------------------------------------------------- outputs

    private static String rel(Path out, Path file) {
        return out.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    static String dictionary(AuditResult a) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Data dictionary\n\n");
        sb.append("Database: `").append(a.url()).append("` (").append(a.product()).append(' ')
                .append(a.productVersion()).append("). ").append(a.tables().size()).append(" tables, ")
                .append(Fmt.count(a.totalRows())).append(" rows in all.\n\n");
        sb.append("**Main interaction table:** ").append(a.mainTable() == null ? "none found" : "`" + a.mainTable() + "`")
                .append(" — ").append(a.mainTableReason()).append(".\n\n");
        sb.append("## Tables\n\n");
        MarkdownTable t = new MarkdownTable("table", ">rows", ">columns", "primary key", "foreign keys", "referenced by");
        for (TableAudit ta : a.tables()) {
            t.row(ta.name(), Fmt.count(ta.rows()), ta.columns().size(),
                    ta.primaryKey().isEmpty() ? "—" : String.join(", ", ta.primaryKey()),
                    ta.foreignKeys().isEmpty() ? "—" : String.join("; ", ta.foreignKeys().stream()
                            .map(ForeignKey::describe).toList()),
                    ta.referencedBy().isEmpty() ? "—" : String.join(", ", ta.referencedBy()));
        }
        sb.append(t).append('\n');
        sb.append("## Relationships\n\n");
        boolean any = false;
        for (TableAudit ta : a.tables()) {
            for (ForeignKey fk : ta.foreignKeys()) {
                any = true;
                sb.append("- `").append(ta.name()).append('.').append(String.join(", ", fk.columns())).append("` → `")
                        .append(fk.refTable()).append('.').append(String.join(", ", fk.refColumns())).append("`: ")
                        .append(fk.orphans() == null ? "orphan rows not counted"
                                : fk.orphans() == 0 ? "no orphan rows"
                                : Fmt.count(fk.orphans()) + " orphan rows (key not found in " + fk.refTable() + ")")
                        .append('\n');
            }
        }
        if (!any) {
            sb.append("No foreign keys are declared.\n");
        }
        sb.append('\n');
        Set<String> empty = new HashSet<>();
        for (TableAudit ta : a.tables()) {
            if (ta.rows() == 0) {
                empty.add(ta.name());
            }
        }
        if (!empty.isEmpty()) {
            sb.append("Empty tables: ").append(String.join(", ", new java.util.TreeSet<>(empty))).append(".\n\n");
        }
        for (TableAudit ta : a.tables()) {
            sb.append("## ").append(ta.name()).append("\n\n");
            sb.append(Fmt.count(ta.rows())).append(" rows");
            if (ta.name().equals(a.mainTable())) {
                sb.append(" — the main interaction table");
            }
            if (ta.sampleFile() != null) {
                sb.append("; sample: [`").append(ta.sampleFile()).append("`](").append(ta.sampleFile()).append(')');
            }
            sb.append(".\n\n");
            MarkdownTable ct = new MarkdownTable("column", "type", "nullable", "key", ">nulls", ">null %", ">distinct",
                    "min", "max");
            for (ColumnAudit c : ta.columns()) {
                String keyCell = (c.primaryKey() ? "PK" : "") + (c.references() != null
                        ? (c.primaryKey() ? ", " : "") + "FK → " + c.references() : "");
                ct.row(c.name(), c.type().isEmpty() ? "(none)" : c.type(), c.nullable() ? "yes" : "no", keyCell,
                        c.nulls() < 0 ? "?" : Fmt.count(c.nulls()),
                        c.nulls() < 0 || ta.rows() == 0 ? "—" : Fmt.num(100.0 * c.nulls() / ta.rows(), 1),
                        c.distinct() < 0 ? "?" : Fmt.count(c.distinct()), shorten(c.min()), shorten(c.max()));
            }
            sb.append(ct).append('\n');
        }
        sb.append("Counts are exact (`COUNT`, `COUNT(DISTINCT …)`); min and max compare values as the database does ")
                .append("(text lexicographically); \"—\" where a type has no order or the table is empty.\n");
        return sb.toString();
    }

    private static String shorten(String s) {
        if (s == null) {
            return "—";
        }
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() > 40 ? one.substring(0, 39) + "…" : one;
    }

    private static Path tableSummary(AuditResult a, Path file) {
        return AtomicFiles.write(file, os -> {
            try (CsvWriter w = CsvWriter.builder().build(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
                w.writeRecord("table", "schema", "rows", "columns", "primary_key", "foreign_keys", "referenced_by",
                        "main_interaction_table");
                for (TableAudit t : a.tables()) {
                    w.writeRecord(t.name(), t.schema() == null ? "" : t.schema(), Long.toString(t.rows()),
                            Integer.toString(t.columns().size()), String.join(" ", t.primaryKey()),
                            String.join("; ", t.foreignKeys().stream().map(ForeignKey::describe).toList()),
                            String.join(" ", t.referencedBy()), Boolean.toString(t.name().equals(a.mainTable())));
                }
            }
        });
    }

    private static Path columnSummary(AuditResult a, Path file) {
        return AtomicFiles.write(file, os -> {
            try (CsvWriter w = CsvWriter.builder().build(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
                w.writeRecord("table", "column", "type", "nullable", "primary_key", "references", "nulls", "null_share",
                        "distinct", "min", "max");
                for (TableAudit t : a.tables()) {
                    for (ColumnAudit c : t.columns()) {
                        w.writeRecord(t.name(), c.name(), c.type(), Boolean.toString(c.nullable()),
                                Boolean.toString(c.primaryKey()), c.references() == null ? "" : c.references(),
                                Long.toString(c.nulls()), t.rows() == 0 || c.nulls() < 0 ? ""
                                        : Fmt.num((double) c.nulls() / t.rows(), 4),
                                Long.toString(c.distinct()), c.min() == null ? "" : c.min(),
                                c.max() == null ? "" : c.max());
                    }
                }
            }
        });
    }
}
