package io.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.core.store.Database;
import io.marquee.core.store.DatabaseReader;
import io.marquee.core.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateAndDemoCommandTest {
    @TempDir
    Path dir;

    private Dataset generate(String file, String seed) {
        CliRunner.Result r = CliRunner.run("generate", "--users", "300", "--movies", "120", "--seed", seed,
                "--db", dir.resolve(file).toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (Database db = Database.open(dir.resolve(file).toString())) {
            return DatabaseReader.load(db);
        }
    }

    @Test
    void generate_with_the_same_seed_gives_the_same_data_and_another_seed_does_not() {
        Dataset a = generate("a.db", "7");
        Dataset b = generate("b.db", "7");
        Dataset c = generate("c.db", "8");
        assertThat(a.ratings().fingerprint()).isEqualTo(b.ratings().fingerprint());
        assertThat(Arrays.equals(a.watches().watchedMinutesArray(), b.watches().watchedMinutesArray())).isTrue();
        assertThat(Arrays.equals(a.watches().trueDropoffArray(), b.watches().trueDropoffArray())).isTrue();
        assertThat(a.ratings().fingerprint()).isNotEqualTo(c.ratings().fingerprint());
    }

    @Test
    void generate_reports_counts_and_stats_sees_them() {
        Path db = dir.resolve("s.db");
        CliRunner.Result r = CliRunner.run("generate", "--users", "200", "--movies", "80", "--db", db.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rows = r.json().get("rows");
        assertThat(rows.get("users").asLong()).isEqualTo(200);
        assertThat(rows.get("movies").asLong()).isEqualTo(80);
        JsonNode stats = CliRunner.run("stats", "--db", db.toString(), "--json").json();
        assertThat(stats.get("counts").get("watch_events").asLong()).isEqualTo(rows.get("watch_events").asLong());
        assertThat(stats.get("dropoff_share").asDouble()).isBetween(0.1, 0.5);
    }

    @Test
    void generate_into_a_database_that_holds_data_is_refused_and_changes_nothing() {
        Path db = dir.resolve("s.db");
        assertThat(CliRunner.run("generate", "--users", "50", "--movies", "30", "--db", db.toString()).exitCode()).isZero();
        CliRunner.Result again = CliRunner.run("generate", "--users", "60", "--movies", "30", "--seed", "9",
                "--db", db.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("fresh database");
        assertThat(CliRunner.run("stats", "--db", db.toString(), "--json").json()
                .get("counts").get("users").asLong()).isEqualTo(50);
    }

    @Test
    void generate_with_a_bad_parameter_names_it() {
        CliRunner.Result r = CliRunner.run("generate", "--users", "0", "--db", dir.resolve("x.db").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("users").contains("0");
    }

    @Test
    void demo_creates_a_fresh_database_replacing_an_old_one_and_leaves_no_temporary_file() throws Exception {
        Path file = dir.resolve("demo.db");
        Files.writeString(file, "not a database");
        CliRunner.Result r = CliRunner.run("demo", "--file", file.toString(), "--users", "150", "--movies", "60", "--no-serve");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Marquee demo", "films", "viewers", "watch events", "ratings");
        try (Database db = Database.open(file.toString())) {
            assertThat(db.count("users")).isEqualTo(150);
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }

    @Test
    void the_demo_registers_a_drop_off_predictor_in_production() {
        Path file = dir.resolve("demo-dropoff.db");
        assertThat(CliRunner.run("generate", "--users", "300", "--movies", "100", "--db", file.toString()).exitCode())
                .isZero();
        try (io.marquee.core.store.Database db = io.marquee.core.store.Database.open(file.toString())) {
            io.marquee.registry.ModelRegistry registry = io.marquee.registry.ModelRegistry.open(db);
            io.marquee.registry.ModelVersion v = DemoCommand.registerDropoff(registry,
                    io.marquee.core.store.DatabaseReader.load(db));
            assertThat(v.stage()).isEqualTo(io.marquee.registry.Stage.PRODUCTION);
            assertThat(v.endpoint()).isEqualTo("dropoff");
            assertThat(v.metrics().get("roc_auc")).isBetween(0.5, 1.0);
        }
    }
}
