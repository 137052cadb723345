package io.marquee.predict.table;

import io.marquee.core.error.InvalidInputException;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A columnar table of typed values following a {@link Schema}: {@code double[]} for numeric and
 * boolean columns (NaN = missing), {@code String[]} for categorical columns ({@code null} =
 * missing), {@code long[]} epoch seconds for timestamp columns ({@link #MISSING_TIME} = missing).
 * Optionally each row remembers the line of the file it came from, for error messages.
 *
 * <p>Immutable in use: the column accessors hand out internal arrays, which callers must not write.
 */
public final class Table {
    /** The value of a missing timestamp. */
    public static final long MISSING_TIME = Long.MIN_VALUE;

    private final Schema schema;
    private final int rows;
    private final Object[] columns;
    private final long[] lines;

    private Table(Schema schema, int rows, Object[] columns, long[] lines) {
        this.schema = schema;
        this.rows = rows;
        this.columns = columns;
        this.lines = lines;
    }

    /**
     * A table made from whole columns given in schema order: {@code double[]} for numeric and
     * boolean, {@code String[]} for categorical, {@code long[]} for timestamp columns. Takes
     * ownership of the arrays. Required columns are checked for missing values.
     */
    public static Table ofColumns(Schema schema, Object... columns) {
        if (columns.length != schema.size()) {
            throw InvalidInputException.of("number of columns", columns.length, "the schema's " + schema.size());
        }
        int n = -1;
        for (int c = 0; c < columns.length; c++) {
            ColumnSpec spec = schema.column(c);
            int len = switch (spec.type()) {
                case NUMERIC, BOOLEAN -> {
                    if (!(columns[c] instanceof double[] d)) {
                        throw InvalidInputException.of("column " + spec.name(), typeName(columns[c]), "a double[]");
                    }
                    if (spec.type() == ColumnType.BOOLEAN) {
                        for (double v : d) {
                            if (!(v == 0 || v == 1 || Double.isNaN(v))) {
                                throw InvalidInputException.of("field " + spec.name(), v, "0, 1 or NaN");
                            }
                        }
                    }
                    yield d.length;
                }
                case CATEGORICAL -> {
                    if (!(columns[c] instanceof String[] s)) {
                        throw InvalidInputException.of("column " + spec.name(), typeName(columns[c]), "a String[]");
                    }
                    yield s.length;
                }
                case TIMESTAMP -> {
                    if (!(columns[c] instanceof long[] l)) {
                        throw InvalidInputException.of("column " + spec.name(), typeName(columns[c]), "a long[]");
                    }
                    yield l.length;
                }
            };
            if (n >= 0 && len != n) {
                throw InvalidInputException.of("length of column " + spec.name(), len, "equal to the others' " + n);
            }
            n = len;
            if (spec.required()) {
                for (int r = 0; r < len; r++) {
                    if (isMissing(spec.type(), columns[c], r)) {
                        throw InvalidInputException.of("field " + spec.name(), "missing", "given (the column is required)");
                    }
                }
            }
        }
        return new Table(schema, n, columns.clone(), null);
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    private static boolean isMissing(ColumnType type, Object column, int r) {
        return switch (type) {
            case NUMERIC, BOOLEAN -> Double.isNaN(((double[]) column)[r]);
            case CATEGORICAL -> ((String[]) column)[r] == null;
            case TIMESTAMP -> ((long[]) column)[r] == MISSING_TIME;
        };
    }

    /** A builder that adds parsed rows. */
    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    /** A one-row table from request fields; see {@link Builder#addRow(Map)}. */
    public static Table ofRow(Schema schema, Map<String, ?> row) {
        return builder(schema).addRow(row).build();
    }

    public Schema schema() {
        return schema;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** The values of a numeric or boolean column. */
    public double[] numeric(String name) {
        return numeric(schema.indexOf(checked(name)));
    }

    /** The values of the numeric or boolean column at a position. */
    public double[] numeric(int column) {
        ColumnType t = schema.column(column).type();
        if (t != ColumnType.NUMERIC && t != ColumnType.BOOLEAN) {
            throw InvalidInputException.of("column " + schema.column(column).name(), t, "numeric or boolean");
        }
        return (double[]) columns[column];
    }

    /** The values of a categorical column. */
    public String[] categorical(String name) {
        return categorical(schema.indexOf(checked(name)));
    }

    /** The values of the categorical column at a position. */
    public String[] categorical(int column) {
        if (schema.column(column).type() != ColumnType.CATEGORICAL) {
            throw InvalidInputException.of("column " + schema.column(column).name(), schema.column(column).type(),
                    "categorical");
        }
        return (String[]) columns[column];
    }

    /** The values of a timestamp column (epoch seconds). */
    public long[] timestamps(String name) {
        return timestamps(schema.indexOf(checked(name)));
    }

    /** The values of the timestamp column at a position (epoch seconds). */
    public long[] timestamps(int column) {
        if (schema.column(column).type() != ColumnType.TIMESTAMP) {
            throw InvalidInputException.of("column " + schema.column(column).name(), schema.column(column).type(),
                    "timestamp");
        }
        return (long[]) columns[column];
    }

    private String checked(String name) {
        schema.column(name);
        return name;
    }

    /** The source line of a row, or -1 when the table was not read from a file. */
    public long line(int row) {
        return lines == null ? -1 : lines[row];
    }

    /** The rows at the given positions, in that order (positions may repeat). */
    public Table select(int[] rowPositions) {
        Object[] out = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            Object col = columns[c];
            if (col instanceof double[] d) {
                double[] s = new double[rowPositions.length];
                for (int k = 0; k < s.length; k++) {
                    s[k] = d[rowPositions[k]];
                }
                out[c] = s;
            } else if (col instanceof String[] d) {
                String[] s = new String[rowPositions.length];
                for (int k = 0; k < s.length; k++) {
                    s[k] = d[rowPositions[k]];
                }
                out[c] = s;
            } else {
                long[] d = (long[]) col;
                long[] s = new long[rowPositions.length];
                for (int k = 0; k < s.length; k++) {
                    s[k] = d[rowPositions[k]];
                }
                out[c] = s;
            }
        }
        long[] l = null;
        if (lines != null) {
            l = new long[rowPositions.length];
            for (int k = 0; k < l.length; k++) {
                l[k] = lines[rowPositions[k]];
            }
        }
        return new Table(schema, rowPositions.length, out, l);
    }

    /** This table without the named columns. */
    public Table drop(String... names) {
        Schema kept = schema.without(names);
        Object[] out = new Object[kept.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = columns[schema.indexOf(kept.column(c).name())];
        }
        return new Table(kept, rows, out, lines);
    }

    /** The cell at (row, column) as text, {@code ""} when missing (for echoing rows). */
    public String text(int row, int column) {
        Object col = columns[column];
        if (col instanceof double[] d) {
            double v = d[row];
            if (Double.isNaN(v)) {
                return "";
            }
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        } else if (col instanceof String[] s) {
            return s[row] == null ? "" : s[row];
        }
        long t = ((long[]) col)[row];
        return t == MISSING_TIME ? "" : java.time.Instant.ofEpochSecond(t).toString();
    }

    @Override
    public String toString() {
        return "Table[" + rows + " rows × " + schema.size() + " columns " + schema.names() + "]";
    }

    /**
     * Adds rows one at a time, parsing cell text by the schema. A cell that does not parse, or a
     * required cell that is missing, is an {@link InvalidInputException} naming the field and the
     * value; the builder is unchanged by a rejected row.
     */
    public static final class Builder {
        private final Schema schema;
        private final DoubleArrayList[] doubles;
        private final List<List<String>> strings;
        private final LongArrayList[] times;
        private final LongArrayList lines = new LongArrayList();
        private final double[] scratchD;
        private final String[] scratchS;
        private final long[] scratchT;
        private boolean anyLine;
        private int rows;

        private Builder(Schema schema) {
            this.schema = schema;
            int n = schema.size();
            doubles = new DoubleArrayList[n];
            times = new LongArrayList[n];
            strings = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                strings.add(null);
                switch (schema.column(c).type()) {
                    case NUMERIC, BOOLEAN -> doubles[c] = new DoubleArrayList();
                    case CATEGORICAL -> strings.set(c, new ArrayList<>());
                    case TIMESTAMP -> times[c] = new LongArrayList();
                }
            }
            scratchD = new double[n];
            scratchS = new String[n];
            scratchT = new long[n];
        }

        /**
         * Adds a row of cell texts in schema order ({@code null} = missing).
         *
         * @param line source line for messages, or -1
         */
        public Builder addRow(String[] cells, long line) {
            if (cells.length != schema.size()) {
                throw InvalidInputException.of("number of fields", cells.length, "the schema's " + schema.size());
            }
            for (int c = 0; c < cells.length; c++) {
                parseInto(c, cells[c]);
            }
            commit(line);
            return this;
        }

        /**
         * Adds a row given as field name → value (a String, Number or Boolean; {@code null} or an
         * absent field = missing). A field the schema does not know is refused, naming it.
         */
        public Builder addRow(Map<String, ?> row) {
            for (String key : row.keySet()) {
                if (!schema.has(key)) {
                    throw InvalidInputException.of("field", "'" + key + "'", "one of the model's input columns "
                            + schema.names());
                }
            }
            for (int c = 0; c < schema.size(); c++) {
                parseInto(c, Values.asText(row.get(schema.column(c).name())));
            }
            commit(-1);
            return this;
        }

        private void parseInto(int c, String text) {
            ColumnSpec spec = schema.column(c);
            boolean missing;
            switch (spec.type()) {
                case NUMERIC -> {
                    scratchD[c] = Values.parseNumeric(spec.name(), text);
                    missing = Double.isNaN(scratchD[c]);
                }
                case BOOLEAN -> {
                    scratchD[c] = Values.parseBoolean(spec.name(), text);
                    missing = Double.isNaN(scratchD[c]);
                }
                case CATEGORICAL -> {
                    scratchS[c] = Values.parseCategorical(text);
                    missing = scratchS[c] == null;
                }
                case TIMESTAMP -> {
                    scratchT[c] = Values.parseTimestamp(spec.name(), text);
                    missing = scratchT[c] == MISSING_TIME;
                }
                default -> throw new IllegalStateException();
            }
            if (missing && spec.required()) {
                throw InvalidInputException.of("field " + spec.name(), text == null ? "missing" : "'" + text + "'",
                        "given (the column is required)");
            }
        }

        private void commit(long line) {
            for (int c = 0; c < schema.size(); c++) {
                switch (schema.column(c).type()) {
                    case NUMERIC, BOOLEAN -> doubles[c].add(scratchD[c]);
                    case CATEGORICAL -> strings.get(c).add(scratchS[c]);
                    case TIMESTAMP -> times[c].add(scratchT[c]);
                }
            }
            lines.add(line);
            anyLine |= line >= 0;
            rows++;
        }

        /** Rows added so far. */
        public int rows() {
            return rows;
        }

        /** The table of the rows added so far. */
        public Table build() {
            Object[] cols = new Object[schema.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = switch (schema.column(c).type()) {
                    case NUMERIC, BOOLEAN -> doubles[c].toDoubleArray();
                    case CATEGORICAL -> strings.get(c).toArray(String[]::new);
                    case TIMESTAMP -> times[c].toLongArray();
                };
            }
            return new Table(schema, rows, cols, anyLine ? lines.toLongArray() : null);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Table t) || t.rows != rows || !t.schema.equals(schema)) {
            return false;
        }
        for (int c = 0; c < columns.length; c++) {
            Object a = columns[c];
            Object b = t.columns[c];
            boolean eq = a instanceof double[] d ? Arrays.equals(d, (double[]) b)
                    : a instanceof String[] s ? Arrays.equals(s, (String[]) b) : Arrays.equals((long[]) a, (long[]) b);
            if (!eq) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return schema.hashCode() * 31 + rows;
    }
}
