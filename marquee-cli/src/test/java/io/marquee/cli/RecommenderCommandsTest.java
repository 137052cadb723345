package io.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderCommandsTest {
    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void generateData() {
        db = dir.resolve("syn.db");
        CliRunner.Result r = CliRunner.run("generate", "--users", "400", "--movies", "150", "--seed", "3",
                "--db", db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void train_saves_a_model_that_recommend_uses_excluding_seen_films() throws Exception {
        Path model = dir.resolve("mf-model");
        CliRunner.Result train = CliRunner.run("train", "recommender", "--algo", "mf", "--param", "epochs=5",
                "--param", "n_factors=8", "--db", db.toString(), "--out", model.toString(), "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.json().get("params").get("epochs").asInt()).isEqualTo(5);
        assertThat(model.resolve("manifest.json")).exists();

        CliRunner.Result rec = CliRunner.run("recommend", "--model", model.toString(), "--user", "1", "-n", "5",
                "--db", db.toString(), "--json", "--explain");
        assertThat(rec.exitCode()).as(rec.err()).isZero();
        JsonNode list = rec.json().get("recommendations");
        assertThat(list).hasSize(5);
        assertThat(rec.json().get("personal").asBoolean()).isTrue();
        assertThat(list.get(0).get("title").asText()).isNotBlank();
        assertThat(list.get(0).has("explanation")).isTrue();

        CliRunner.Result rated = CliRunner.run("recommend", "--model", model.toString(), "--user", "1", "-n", "150",
                "--db", db.toString(), "--json");
        JsonNode all = rated.json().get("recommendations");
        // every film not yet rated by viewer 1 is listed; none of the rated ones
        try (var database = io.marquee.core.store.Database.open(db.toString())) {
            var ratedIds = database.withHandle(h -> h.createQuery("SELECT movie_id FROM ratings WHERE user_id = 1")
                    .mapTo(Long.class).list());
            assertThat(all).hasSize(150 - ratedIds.size());
            for (JsonNode r : all) {
                assertThat(ratedIds).doesNotContain(r.get("movie_id").asLong());
            }
        }
    }

    @Test
    void an_unknown_viewer_gets_popular_films_or_a_not_found_error_when_asked_to_reject() {
        Path model = dir.resolve("pop-model");
        assertThat(CliRunner.run("train", "recommender", "--algo", "baseline", "--db", db.toString(),
                "--out", model.toString()).exitCode()).isZero();
        CliRunner.Result fallback = CliRunner.run("recommend", "--model", model.toString(), "--user", "999999",
                "--db", db.toString(), "--json");
        assertThat(fallback.exitCode()).as(fallback.err()).isZero();
        assertThat(fallback.json().get("personal").asBoolean()).isFalse();
        assertThat(fallback.json().get("recommendations")).hasSize(10);
        CliRunner.Result reject = CliRunner.run("recommend", "--model", model.toString(), "--user", "999999",
                "--unknown", "reject", "--db", db.toString());
        assertThat(reject.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(reject.err()).contains("999999");
    }

    @Test
    void evaluate_prints_metrics_with_the_protocol_stated() {
        CliRunner.Result r = CliRunner.run("evaluate", "recommender", "--algo", "baseline", "--split", "kfold:3",
                "--metrics", "rmse,ndcg@10", "--db", db.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode m = r.json().get("metrics");
        assertThat(m.get("rmse").get("folds")).hasSize(3);
        assertThat(m.get("rmse").get("mean").asDouble()).isBetween(0.5, 1.5);
        assertThat(r.json().get("protocol").get("statement").asText()).contains("not rated");
    }

    @Test
    void bad_algorithm_parameter_and_split_are_named_in_the_error() {
        CliRunner.Result algo = CliRunner.run("train", "recommender", "--algo", "magic", "--db", db.toString(),
                "--out", dir.resolve("x").toString());
        assertThat(algo.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(algo.err()).contains("magic").contains("mf");
        CliRunner.Result param = CliRunner.run("train", "recommender", "--algo", "mf", "--param", "n_factors=0",
                "--db", db.toString(), "--out", dir.resolve("y").toString());
        assertThat(param.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(param.err()).contains("n_factors").contains("0");
        assertThat(Files.exists(dir.resolve("y"))).isFalse();
        CliRunner.Result split = CliRunner.run("evaluate", "recommender", "--algo", "mf", "--split", "kfold:one",
                "--db", db.toString());
        assertThat(split.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(split.err()).contains("kfold:one");
    }
}
