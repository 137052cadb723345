package io.marquee.predict.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.TestData;
import io.marquee.predict.classify.Algo;
import io.marquee.predict.imbalance.Resampling;
import io.marquee.predict.table.CsvTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TabularModelTest {
    @TempDir
    static Path dir;
    static Path csv;

    private static final Map<String, String> FAST_GBDT = Map.of("rounds", "60", "nthread", "1");

    /** A churn-like table: tenure, a contract type, a yes/no flag, a sign-up date; 1,200 rows. */
    @BeforeAll
    static void writeCsv() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("id,tenure,charges,contract,paperless,signed,churn\n");
        String[] contracts = {"monthly", "yearly", "two_year"};
        for (int i = 0; i < 1200; i++) {
            int tenure = rnd.nextInt(72);
            int contract = rnd.nextInt(3);
            boolean paperless = rnd.nextBoolean();
            double charges = 20 + rnd.nextDouble() * 100;
            double z = 1.2 - 0.05 * tenure - 1.2 * contract + 0.6 * (paperless ? 1 : 0) + 0.01 * (charges - 70);
            boolean churn = rnd.nextDouble() < 1 / (1 + Math.exp(-z));
            sb.append("C").append(10_000 + i).append(',').append(tenure).append(',')
                    .append(i % 97 == 0 ? " " : String.format(java.util.Locale.ROOT, "%.2f", charges)).append(',')
                    .append(contracts[contract]).append(',').append(paperless ? "Yes" : "No").append(',')
                    .append("2023-0").append(1 + i % 9).append("-1").append(i % 10).append("T1")
                    .append(i % 10).append(":00:00Z,").append(churn ? "Yes" : "No").append('\n');
        }
        csv = dir.resolve("churn.csv");
        Files.writeString(csv, sb.toString());
    }

    @Test
    void a_csv_is_read_with_an_inferred_schema_and_the_id_column_dropped() {
        LabelledTable data = LabelledTable.read(csv, "churn", "Yes");
        assertThat(data.inference().dropped()).containsExactly("id");
        assertThat(data.table().schema().names()).containsExactly("tenure", "charges", "contract", "paperless", "signed");
        assertThat(data.negative()).isEqualTo("No");
        assertThat(data.positives()).isBetween(200, 800);
        assertThatThrownBy(() -> LabelledTable.read(csv, "churn", "Maybe")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'Maybe'");
    }

    @Test
    void evaluation_reports_every_fold_with_mean_and_std() {
        ExperimentResult r = TabularExperiment.evaluate(csv, "churn", "Yes", Algo.GBDT, FAST_GBDT, 3, 1);
        assertThat(r.folds()).hasSize(3);
        assertThat(r.mean("roc_auc")).isGreaterThan(0.75);
        assertThat(r.summary()).containsKeys("accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "log_loss",
                "brier", "ece", "threshold");
        assertThat(r.toMap()).containsKeys("summary", "per_fold", "pooled_out_of_fold", "notes", "options");
        assertThat(r.notes()).anyMatch(n -> n.contains("id") && n.contains("identifier"));
    }

    @ParameterizedTest
    @EnumSource(Algo.class)
    void a_saved_model_predicts_what_the_trained_one_did(Algo algo) {
        Map<String, String> o = switch (algo) {
            case GBDT -> FAST_GBDT;
            case RF, EXTRATREES -> Map.of("trees", "10");
            default -> Map.of();
        };
        TabularTrainer.Result r = TabularExperiment.train(csv, "churn", "Yes", algo, o, 3, dir.resolve("m-" + algo.id()));
        TabularModel back = TabularModel.load(dir.resolve("m-" + algo.id()));
        LabelledTable data = LabelledTable.read(csv, "churn", "Yes");
        assertThat(back.predictProba(data.table())).containsExactly(r.model().predictProba(data.table()));
        assertThat(back.threshold()).isEqualTo(r.model().threshold());
        assertThat(back.calibrator().kind()).isEqualTo(r.model().calibrator().kind());
        assertThat(back.pipeline()).isEqualTo(r.model().pipeline());
        assertThat(back.info()).containsKeys("options", "validation", "calibration");
    }

    @Test
    void training_twice_with_the_same_seed_gives_identical_probabilities() {
        LabelledTable data = LabelledTable.read(csv, "churn", "Yes");
        TrainOptions o = TrainOptions.defaults(Algo.GBDT).withOverrides(FAST_GBDT).withSeed(9)
                .withResampling(Resampling.SMOTE);
        double[] a = TabularTrainer.train(data.table(), data.y(), o, "churn", "Yes", "No", Map.of()).model()
                .predictProba(data.table());
        double[] b = TabularTrainer.train(data.table(), data.y(), o, "churn", "Yes", "No", Map.of()).model()
                .predictProba(data.table());
        assertThat(a).containsExactly(b);
    }

    @Test
    void a_request_row_is_checked_against_the_schema() {
        TabularModel m = TabularExperiment.train(csv, "churn", "Yes", Algo.LOGREG, Map.of(), 3, dir.resolve("row"))
                .model();
        Map<String, Object> row = new HashMap<>();
        row.put("tenure", 2);
        row.put("charges", 99.5);
        row.put("contract", "monthly");
        row.put("paperless", "Yes");
        row.put("churn", "No"); // a known outcome is ignored
        RowPrediction p = m.predictRow(row);
        assertThat(p.probability()).isBetween(0.0, 1.0);
        assertThat(p.label()).isIn("Yes", "No");
        assertThat(p.positive()).isEqualTo(p.probability() >= m.threshold());
        row.put("contract", "lifetime"); // unseen category: the OTHER bucket, not an error
        assertThat(m.predictRow(row).probability()).isBetween(0.0, 1.0);
        row.put("tenure", "long");
        assertThatThrownBy(() -> m.predictRow(row)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("field tenure").hasMessageContaining("'long'");
        row.put("tenure", 2);
        row.put("colour", "red");
        assertThatThrownBy(() -> m.predictRow(row)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'colour'");
    }

    @Test
    void csv_prediction_reports_bad_lines_in_the_status_column_and_scores_the_rest() throws Exception {
        TabularModel m = TabularExperiment.train(csv, "churn", "Yes", Algo.LOGREG, Map.of(), 3, dir.resolve("batch"))
                .model();
        String in = "id,tenure,charges,contract,paperless,signed\n"
                + "A1,5,70.5,monthly,Yes,2023-01-01T10:00:00Z\n"
                + "A2,abc,70.5,monthly,Yes,2023-01-01T10:00:00Z\n"
                + "A3,60,20,two_year,No,\n"
                + "A4,7,70\n"
                + "A5,3,99,monthly,perhaps,2023-01-01\n"
                + "\"A6\",12,,yearly,No,2023-05-05\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PredictionSummary s = TabularExperiment.predictCsv(m, new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                "in.csv", out);
        assertThat(s.rows()).isEqualTo(6);
        assertThat(s.predicted()).isEqualTo(3);
        assertThat(s.failed()).isEqualTo(3);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,tenure,charges,contract,paperless,signed,probability,label,status");
        assertThat(lines.get(1)).startsWith("A1,").endsWith(",ok");
        assertThat(lines.get(2)).startsWith("A2,").contains("error: line 3").contains("field tenure").contains("'abc'");
        assertThat(lines.get(3)).startsWith("A3,").endsWith(",ok");
        assertThat(lines.get(4)).startsWith("A4,").contains("error: line 5").contains("expected 6 fields");
        assertThat(lines.get(5)).contains("error: line 6").contains("field paperless");
        assertThat(lines.get(6)).startsWith("A6,").endsWith(",ok");
        assertThat(s.firstErrors()).hasSize(3);
        // the probability written is the model's probability for that row
        Map<String, Object> a1 = new HashMap<>();
        a1.put("tenure", 5);
        a1.put("charges", 70.5);
        a1.put("contract", "monthly");
        a1.put("paperless", "Yes");
        a1.put("signed", "2023-01-01T10:00:00Z");
        double p = Double.parseDouble(lines.get(1).split(",")[6]);
        assertThat(p).isCloseTo(m.predictRow(a1).probability(), within(1e-6));
    }

    @Test
    void a_csv_missing_a_required_column_fails_as_a_whole() throws Exception {
        TabularModel m = TabularExperiment.train(csv, "churn", "Yes", Algo.LOGREG, Map.of(), 3, dir.resolve("req"))
                .model();
        // inferred columns are optional: a file without 'signed' still scores, imputing it
        String in = "tenure,charges,contract,paperless\n5,70,monthly,Yes\n";
        PredictionSummary s = TabularExperiment.predictCsv(m, new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)),
                "in.csv", new ByteArrayOutputStream());
        assertThat(s.predicted()).isEqualTo(1);
        // a declared schema with a required column refuses such a header
        var strict = new io.marquee.predict.table.Schema(List.of(
                io.marquee.predict.table.ColumnSpec.required("signed", io.marquee.predict.table.ColumnType.TIMESTAMP)));
        Path f = dir.resolve("nosigned.csv");
        Files.writeString(f, in);
        assertThatThrownBy(() -> CsvTables.read(f, strict)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("'signed'");
    }

    @Test
    void six_decimal_formatting_is_exact() {
        assertThat(TabularExperiment.sixDecimals(0.5)).isEqualTo("0.500000");
        assertThat(TabularExperiment.sixDecimals(1.0)).isEqualTo("1.000000");
        assertThat(TabularExperiment.sixDecimals(0.0000004)).isEqualTo("0.000000");
        assertThat(TabularExperiment.sixDecimals(0.1234567)).isEqualTo("0.123457");
    }

    @Test
    void options_refuse_bad_values_naming_them() {
        assertThatThrownBy(() -> TrainOptions.defaults(Algo.GBDT).withValidationFraction(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("validationFraction");
        assertThatThrownBy(() -> TrainOptions.defaults(Algo.GBDT).withOverrides(Map.of("trees", "5")))
                .hasMessageContaining("'trees'");
        assertThat(TestData.gaussian(new SplittableRandom(1))).isFinite();
    }
}
