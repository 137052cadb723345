package io.marquee.predict.tabular;

import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.table.ColumnSpec;
import io.marquee.predict.table.ColumnType;
import io.marquee.predict.table.CsvTables;
import io.marquee.predict.table.Schema;
import io.marquee.predict.table.SchemaInference;
import io.marquee.predict.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table of features with binary labels, read from a CSV file with a target column: the feature
 * schema is inferred ({@link CsvTables#infer}), the target's text compared with the positive label.
 *
 * @param table     the feature columns (the target is not among them)
 * @param y         labels, {@code true} where the target equals the positive label
 * @param inference what schema inference found (dropped columns, notes)
 * @param target    the target column's name
 * @param positive  the positive label
 * @param negative  the negative label: the target's other value when it has exactly two, else
 *                  {@code not <positive>}
 */
public record LabelledTable(Table table, boolean[] y, SchemaInference inference, String target, String positive,
                            String negative) {
    /** Number of positive rows. */
    public int positives() {
        int n = 0;
        for (boolean b : y) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /**
     * Reads a CSV file. A row without a target value, or a value that does not fit its inferred
     * column, fails with a {@link DataFormatException} naming the file and line; a positive label
     * that never occurs fails naming it and the values seen.
     */
    public static LabelledTable read(Path csv, String target, String positive) {
        if (target == null || target.isBlank()) {
            throw InvalidInputException.of("target", target, "a column name");
        }
        if (positive == null || positive.isBlank()) {
            throw InvalidInputException.of("positive label", positive, "non-blank");
        }
        SchemaInference inf = CsvTables.infer(csv, Set.of(target));
        List<ColumnSpec> cols = new ArrayList<>(inf.schema().columns());
        cols.add(ColumnSpec.optional(target, ColumnType.CATEGORICAL));
        Table all = CsvTables.read(csv, new Schema(cols));
        String[] t = all.categorical(target);
        boolean[] y = new boolean[t.length];
        Set<String> values = new LinkedHashSet<>();
        String wanted = positive.strip();
        for (int i = 0; i < t.length; i++) {
            if (t[i] == null) {
                throw new DataFormatException(csv.toString(), all.line(i), "the target " + target + " has no value");
            }
            values.add(t[i]);
            y[i] = t[i].equals(wanted);
        }
        if (!values.contains(wanted)) {
            throw InvalidInputException.of("positive label", "'" + positive + "'",
                    "a value of column " + target + " " + (values.size() > 20 ? "(" + values.size() + " values)" : values));
        }
        if (values.size() < 2) {
            throw InvalidInputException.of("values of target " + target, values, "at least two distinct values");
        }
        String negative = "not " + wanted;
        if (values.size() == 2) {
            for (String v : values) {
                if (!v.equals(wanted)) {
                    negative = v;
                }
            }
        }
        return new LabelledTable(all.drop(target), y, inf, target, wanted, negative);
    }
}
