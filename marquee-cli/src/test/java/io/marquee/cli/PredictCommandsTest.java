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
    void train_classifier_register_serves_the_endpoint_to_predict_and_gates_a_retrain() throws Exception {
        Path csv = labelledCsv(400);
        Path db = dir.resolve("reg.db");
        CliRunner.Result first = CliRunner.run("train", "classifier", "--csv", csv.toString(), "--target", "churn",
                "--positive", "Yes", "--algo", "logreg", "--register", "--endpoint", "churn", "--db", db.toString(),
                "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.json().get("registered").get("promoted").asBoolean()).isTrue();
        assertThat(first.json().get("registered").get("stage").asText()).isEqualTo("production");

        // the same data and seed: an identical model, which the gate keeps out of production
        CliRunner.Result again = CliRunner.run("train", "classifier", "--csv", csv.toString(), "--target", "churn",
                "--positive", "Yes", "--algo", "logreg", "--register", "--endpoint", "churn", "--db", db.toString(),
                "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.json().get("registered").get("promoted").asBoolean()).isFalse();
        assertThat(again.json().get("registered").get("version").asInt()).isEqualTo(2);
        assertThat(again.json().get("registered").get("reason").asText()).contains("short of");

        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,x,colour\n1,9.5,red\n2,0.5,blue\n3,abc,red\n");
        Path out = dir.resolve("scored").resolve("out.csv");
        CliRunner.Result predict = CliRunner.run("predict", "--endpoint", "churn", "--db", db.toString(), "--csv",
                in.toString(), "--out", out.toString(), "--json");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.json().get("version").asInt()).isEqualTo(1);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        assertThat(Double.parseDouble(lines.get(1).split(",")[3])).isGreaterThan(Double.parseDouble(lines.get(2).split(",")[3]));
        assertThat(lines.get(3)).contains("line 4");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no temporary file left beside it
        }
        CliRunner.Result staged = CliRunner.run("predict", "--endpoint", "churn", "--version", "2", "--db",
                db.toString(), "--csv", in.toString(), "--out", out.toString(), "--json");
        assertThat(staged.exitCode()).as(staged.err()).isZero();
        assertThat(staged.json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void predict_from_an_unknown_endpoint_or_a_missing_file_writes_nothing() throws Exception {
        Path db = dir.resolve("reg.db");
        CliRunner.Result reg = CliRunner.run("train", "classifier", "--csv", labelledCsv(200).toString(), "--target",
                "churn", "--positive", "Yes", "--algo", "logreg", "--register", "--endpoint", "churn", "--db",
                db.toString());
        assertThat(reg.exitCode()).as(reg.err()).isZero();
        Path out = dir.resolve("out.csv");
        CliRunner.Result unknown = CliRunner.run("predict", "--endpoint", "nosuch", "--db", db.toString(), "--csv",
                dir.resolve("train.csv").toString(), "--out", out.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("nosuch");
        CliRunner.Result missing = CliRunner.run("predict", "--endpoint", "churn", "--db", db.toString(), "--csv",
                dir.resolve("absent.csv").toString(), "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        CliRunner.Result both = CliRunner.run("predict", "--endpoint", "churn", "--model", "m", "--csv", "a", "--out", "b");
        assertThat(both.exitCode()).isNotZero();
        CliRunner.Result noEndpoint = CliRunner.run("train", "classifier", "--csv", "x.csv", "--target", "churn",
                "--positive", "Yes", "--register");
        assertThat(noEndpoint.exitCode()).isNotZero();
        assertThat(noEndpoint.err()).contains("--endpoint");
    }

    @Test
    void train_dropoff_register_promotes_the_first_model_and_gates_the_next() {
        Path db = dir.resolve("syn.db");
        assertThat(CliRunner.run("generate", "--users", "300", "--movies", "100", "--db", db.toString()).exitCode())
                .isZero();
        CliRunner.Result first = CliRunner.run("train", "dropoff", "--db", db.toString(), "--algo", "gbdt", "--param", "rounds=30",
                "--register", "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.json().get("registered").get("endpoint").asText()).isEqualTo("dropoff");
        assertThat(first.json().get("registered").get("promoted").asBoolean()).isTrue();
        CliRunner.Result second = CliRunner.run("train", "dropoff", "--db", db.toString(), "--algo", "gbdt", "--param", "rounds=30",
                "--register", "--metric", "log_loss", "--margin", "0", "--json");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.json().get("registered").get("metric").asText()).isEqualTo("log_loss");
        // identical data and settings: equal log-loss is no improvement, so production stays
        assertThat(second.json().get("registered").get("candidate").asDouble())
                .isEqualTo(second.json().get("registered").get("production").asDouble());
        assertThat(second.json().get("registered").get("promoted").asBoolean()).isFalse();
        CliRunner.Result neither = CliRunner.run("train", "dropoff", "--db", db.toString());
        assertThat(neither.exitCode()).isNotZero();
        assertThat(neither.err()).contains("--register");
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
