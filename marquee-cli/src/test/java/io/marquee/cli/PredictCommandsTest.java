package io.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandsTest {
    @TempDir
    Path dir;

    /** A CSV whose label depends on x (noisily), with a categorical column. */
    private Path labelledCsv(int rows) throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("id,x,colour,churn\n");
        for (int i = 0; i < rows; i++) {
            double x = rnd.nextDouble() * 10;
            String colour = rnd.nextBoolean() ? "red" : "blue";
            boolean churn = x + rnd.nextGaussian() * 2 > 6;
            sb.append(i).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", x)).append(',')
                    .append(colour).append(',').append(churn ? "Yes" : "No").append('\n');
        }
        Path csv = dir.resolve("train.csv");
        Files.writeString(csv, sb);
        return csv;
    }

    @Test
    void train_classifier_then_predict_scores_rows_and_reports_a_bad_row_without_failing() throws Exception {
        Path csv = labelledCsv(400);
        Path model = dir.resolve("model");
        CliRunner.Result train = CliRunner.run("train", "classifier", "--csv", csv.toString(), "--target", "churn",
                "--positive", "Yes", "--algo", "logreg", "--out", model.toString(), "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();

        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,x,colour,churn\n1,9.5,red,\n2,0.5,blue,\n3,abc,red,\n");
        Path out = dir.resolve("out.csv");
        CliRunner.Result predict = CliRunner.run("predict", "--model", model.toString(), "--csv", in.toString(),
                "--out", out.toString(), "--json");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("probability", "label", "status");
        assertThat(lines.get(3)).contains("line 4").contains("abc");
        assertThat(predict.json().get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void evaluate_classifier_reports_cross_validated_auc() throws Exception {
        CliRunner.Result r = CliRunner.run("evaluate", "classifier", "--csv", labelledCsv(400).toString(),
                "--target", "churn", "--positive", "Yes", "--algo", "logreg", "--folds", "3", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("roc_auc");
    }

    @Test
    void evaluate_dropoff_on_synthetic_data_compares_with_the_oracle() {
        Path db = dir.resolve("syn.db");
        assertThat(CliRunner.run("generate", "--users", "400", "--movies", "120", "--db", db.toString()).exitCode())
                .isZero();
        CliRunner.Result r = CliRunner.run("evaluate", "dropoff", "--db", db.toString(), "--algo", "logreg", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.json().get("oracle_roc_auc").asDouble()).isBetween(0.5, 1.0);
        assertThat(r.json().get("roc_auc_over_oracle").asDouble()).isGreaterThan(0.7);
    }

    @Test
    void an_unknown_classifier_algorithm_is_named() throws Exception {
        CliRunner.Result r = CliRunner.run("evaluate", "classifier", "--csv", labelledCsv(50).toString(),
                "--target", "churn", "--positive", "Yes", "--algo", "nope");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("nope");
    }
}
