package io.marquee.predict.table;

import java.util.List;

/**
 * What {@link CsvTables#infer} found in a CSV file: the schema of the kept feature columns, the
 * columns it dropped and why, and notes for the report.
 *
 * @param schema  the inferred schema (every column optional: missing values are imputed)
 * @param dropped names of the dropped columns
 * @param notes   one line per decision worth reporting ("dropped customerID: an identifier …")
 * @param rows    number of data rows read
 */
public record SchemaInference(Schema schema, List<String> dropped, List<String> notes, long rows) {
    public SchemaInference {
        dropped = List.copyOf(dropped);
        notes = List.copyOf(notes);
    }
}
