package io.marquee.predict.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(
            ColumnSpec.required("age", ColumnType.NUMERIC),
            ColumnSpec.optional("plan", ColumnType.CATEGORICAL),
            ColumnSpec.optional("paperless", ColumnType.BOOLEAN),
            ColumnSpec.optional("joined", ColumnType.TIMESTAMP));

    @Test
    void rows_are_parsed_by_column_type_with_missing_tokens() {
        Table t = Table.builder(SCHEMA)
                .addRow(new String[] {"42", " gold ", "Yes", "2024-03-01T20:15:00Z"}, 2)
                .addRow(new String[] {"7.5", "NA", "", "2024-03-02"}, 3)
                .build();
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.numeric("age")).containsExactly(42, 7.5);
        assertThat(t.categorical("plan")).containsExactly("gold", null);
        assertThat(t.numeric("paperless")[0]).isEqualTo(1);
        assertThat(t.numeric("paperless")[1]).isNaN();
        assertThat(t.timestamps("joined")).containsExactly(1709324100L, 1709337600L);
        assertThat(t.line(1)).isEqualTo(3);
    }

    @Test
    void a_value_that_does_not_fit_its_column_names_the_field_and_the_value() {
        assertThatThrownBy(() -> Table.builder(SCHEMA).addRow(new String[] {"forty", "gold", "yes", ""}, 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("field age").hasMessageContaining("'forty'");
        assertThatThrownBy(() -> Table.builder(SCHEMA).addRow(new String[] {"", "gold", "yes", ""}, 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("field age")
                .hasMessageContaining("required");
        assertThatThrownBy(() -> Table.builder(SCHEMA).addRow(new String[] {"1", "gold", "maybe", ""}, 2))
                .hasMessageContaining("field paperless").hasMessageContaining("'maybe'");
        assertThatThrownBy(() -> Table.builder(SCHEMA).addRow(new String[] {"1", "gold", "no", "last tuesday"}, 2))
                .hasMessageContaining("field joined").hasMessageContaining("'last tuesday'");
    }

    @Test
    void a_request_row_with_an_unknown_field_is_refused() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("age", 30);
        row.put("colour", "red");
        assertThatThrownBy(() -> Table.ofRow(SCHEMA, row)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'colour'");
    }

    @Test
    void csv_with_a_bad_value_fails_with_file_and_line() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "age,plan,paperless,joined\n30,gold,yes,2024-01-01\n\"x\",gold,no,\n");
        assertThatThrownBy(() -> CsvTables.read(csv, SCHEMA)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("bad.csv:3").hasMessageContaining("field age").hasMessageContaining("'x'");
    }

    @Test
    void csv_with_a_short_row_fails_with_its_line() throws Exception {
        Path csv = dir.resolve("short.csv");
        Files.writeString(csv, "age,plan,paperless,joined\n30,gold,yes,2024-01-01\n31,gold\n");
        assertThatThrownBy(() -> CsvTables.read(csv, SCHEMA)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("short.csv:3").hasMessageContaining("expected 4 fields");
    }

    @Test
    void schema_inference_finds_types_and_drops_identifier_and_constant_columns() throws Exception {
        StringBuilder sb = new StringBuilder("id,tenure,contract,partner,signed,country,churn\n");
        for (int i = 0; i < 30; i++) {
            sb.append("C").append(1000 + i).append(',')
                    .append(i == 3 ? " " : String.valueOf(i % 7)).append(',')
                    .append(i % 3 == 0 ? "monthly" : "yearly").append(',')
                    .append(i % 2 == 0 ? "Yes" : "No").append(',')
                    .append("2024-01-").append(String.format("%02d", 1 + i % 28)).append(',')
                    .append("NZ").append(',')
                    .append(i % 4 == 0 ? "Yes" : "No").append('\n');
        }
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, sb.toString());
        SchemaInference inf = CsvTables.infer(csv, Set.of("churn"));
        assertThat(inf.rows()).isEqualTo(30);
        assertThat(inf.dropped()).containsExactly("id", "country");
        assertThat(inf.schema().names()).containsExactly("tenure", "contract", "partner", "signed");
        assertThat(inf.schema().column("tenure").type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(inf.schema().column("contract").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(inf.schema().column("partner").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(inf.schema().column("signed").type()).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(inf.notes()).anyMatch(n -> n.contains("id") && n.contains("identifier"));
        assertThat(inf.notes()).anyMatch(n -> n.contains("tenure") && n.contains("1 missing"));
    }

    @Test
    void schema_survives_its_json_form() {
        assertThat(Schema.fromList(SCHEMA.toList())).isEqualTo(SCHEMA);
    }
}
