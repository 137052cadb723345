package io.marquee.predict.table;

import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reading {@link Table}s from CSV files with a header row, and inferring a schema from one.
 *
 * <p>Inference rules, per column (missing cells ignored, see {@link Values#isMissing}):
 * <ul>
 *   <li>no value at all: dropped;</li>
 *   <li>a single distinct value: dropped (constant);</li>
 *   <li>every value a boolean word ({@code yes/no}, {@code true/false}, {@code y/n}): BOOLEAN;</li>
 *   <li>every value a number: NUMERIC;</li>
 *   <li>every value an ISO date or date-time: TIMESTAMP;</li>
 *   <li>otherwise CATEGORICAL, except that a categorical column whose values are all distinct
 *       (at least 20 rows) is an identifier such as {@code customerID} and is dropped.</li>
 * </ul>
 * Every inferred column is optional: a missing value is imputed by the feature pipeline.
 */
public final class CsvTables {
    private static final int ID_MIN_ROWS = 20;

    private CsvTables() {
    }

    /**
     * Reads the schema's columns from a CSV file. The header must name every required column;
     * an optional column absent from the header is missing in every row; other header columns are
     * ignored. A value that does not fit its column fails with a {@link DataFormatException}
     * naming the file, the line, the field and the value.
     */
    public static Table read(Path csv, Schema schema) {
        try (CsvSource src = CsvSource.open(csv)) {
            int[] pos = headerPositions(src, schema);
            Table.Builder b = Table.builder(schema);
            String[] cells = new String[schema.size()];
            for (CsvSource.Row row : src) {
                if (row.fields().size() != src.header().size()) {
                    throw src.error(row.line(), "expected " + src.header().size() + " fields as in the header, found "
                            + row.fields().size());
                }
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = pos[c] < 0 ? null : row.fields().get(pos[c]);
                }
                try {
                    b.addRow(cells, row.line());
                } catch (InvalidInputException e) {
                    throw src.error(row.line(), e.getMessage());
                }
            }
            return b.build();
        }
    }

    /**
     * Positions of the schema's columns in the header, -1 for an absent optional column; a
     * required column absent from the header fails naming it.
     */
    public static int[] headerPositions(CsvSource src, Schema schema) {
        int[] pos = new int[schema.size()];
        for (int c = 0; c < pos.length; c++) {
            pos[c] = src.header().indexOf(schema.column(c).name());
            if (pos[c] < 0 && schema.column(c).required()) {
                throw src.error(1, "the header has no column '" + schema.column(c).name() + "' (required)");
            }
        }
        return pos;
    }

    /**
     * Infers the schema of a CSV file's columns, leaving out {@code exclude} (such as the target).
     *
     * @throws DataFormatException when a record's width differs from the header's
     */
    public static SchemaInference infer(Path csv, Set<String> exclude) {
        try (CsvSource src = CsvSource.open(csv)) {
            for (String e : exclude) {
                if (!src.header().contains(e)) {
                    throw InvalidInputException.of("column", "'" + e + "'", "one of the CSV header " + src.header());
                }
            }
            int n = src.header().size();
            ColumnStats[] stats = new ColumnStats[n];
            for (int c = 0; c < n; c++) {
                stats[c] = new ColumnStats();
            }
            long rows = 0;
            for (CsvSource.Row row : src) {
                if (row.fields().size() != n) {
                    throw src.error(row.line(), "expected " + n + " fields as in the header, found " + row.fields().size());
                }
                rows++;
                for (int c = 0; c < n; c++) {
                    if (!exclude.contains(src.header().get(c))) {
                        stats[c].add(row.fields().get(c));
                    }
                }
            }
            List<ColumnSpec> cols = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                String name = src.header().get(c);
                if (exclude.contains(name)) {
                    continue;
                }
                ColumnStats s = stats[c];
                if (s.present == 0) {
                    dropped.add(name);
                    notes.add("dropped column " + name + ": no values");
                    continue;
                }
                if (s.distinct.size() == 1) {
                    dropped.add(name);
                    notes.add("dropped column " + name + ": a single value '" + s.distinct.iterator().next() + "'");
                    continue;
                }
                ColumnType type;
                if (s.allBooleanWords && s.distinct.size() <= 2) {
                    type = ColumnType.BOOLEAN;
                } else if (s.allNumeric) {
                    type = ColumnType.NUMERIC;
                } else if (s.allTimestamp) {
                    type = ColumnType.TIMESTAMP;
                } else {
                    type = ColumnType.CATEGORICAL;
                    if (s.present >= ID_MIN_ROWS && s.distinct.size() == s.present) {
                        dropped.add(name);
                        notes.add("dropped column " + name + ": " + s.present + " distinct values in " + s.present
                                + " rows (an identifier)");
                        continue;
                    }
                }
                if (s.present < rows) {
                    notes.add("column " + name + " (" + type.name().toLowerCase(Locale.ROOT) + "): " + (rows - s.present)
                            + " missing values, imputed");
                }
                cols.add(ColumnSpec.optional(name, type));
            }
            if (cols.isEmpty()) {
                throw new InvalidInputException("CSV file " + csv + " has no usable feature column");
            }
            return new SchemaInference(new Schema(cols), dropped, notes, rows);
        }
    }

    private static final class ColumnStats {
        long present;
        boolean allNumeric = true;
        boolean allBooleanWords = true;
        boolean allTimestamp = true;
        final Set<String> distinct = new HashSet<>();

        void add(String text) {
            if (Values.isMissing(text)) {
                return;
            }
            String t = text.strip();
            present++;
            distinct.add(t);
            if (allNumeric && Double.isNaN(Values.tryNumber(t))) {
                allNumeric = false;
            }
            if (allBooleanWords) {
                String l = t.toLowerCase(Locale.ROOT);
                allBooleanWords = l.equals("yes") || l.equals("no") || l.equals("true") || l.equals("false")
                        || l.equals("y") || l.equals("n");
            }
            if (allTimestamp && (allNumeric || Values.tryTimestamp(t) == Table.MISSING_TIME)) {
                allTimestamp = false;
            }
        }
    }
}
