package io.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarqueeCommandTest {
    @TempDir
    Path dir;

    @Test
    void version_names_the_project_version() {
        CliRunner.Result r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("marquee 0.1.0");
    }

    @Test
    void help_lists_the_subcommands_and_exit_codes() {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("generate", "import", "stats", "demo", "Exit codes");
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        CliRunner.Result r = CliRunner.run("stats", "--frobnicate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--frobnicate");
    }

    @Test
    void stats_on_a_missing_database_file_is_bad_input_and_names_the_file() {
        Path missing = dir.resolve("none.db");
        CliRunner.Result r = CliRunner.run("stats", "--db", missing.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("none.db").doesNotContain("Exception");
        assertThat(missing).doesNotExist();
    }

    @Test
    void importing_movielens_then_stats_reports_the_counts_as_json() throws IOException {
        Path ml = writeTinyMovieLens100k(dir.resolve("ml"), "1\t1\t5\t881250949\n2\t2\t3\t891717742\n1\t2\t4\t878887116\n");
        Path db = dir.resolve("t.db");
        CliRunner.Result imp = CliRunner.run("import", "movielens", ml.toString(), "--db", db.toString(), "--json");
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.json().get("rows").get("ratings").asLong()).isEqualTo(3);

        CliRunner.Result stats = CliRunner.run("stats", "--db", db.toString(), "--json");
        assertThat(stats.exitCode()).isZero();
        JsonNode counts = stats.json().get("counts");
        assertThat(counts.get("ratings").asLong()).isEqualTo(3);
        assertThat(counts.get("users").asLong()).isEqualTo(2);
        assertThat(counts.get("movies").asLong()).isEqualTo(2);
        assertThat(stats.json().get("rating_histogram").get("5").asLong()).isEqualTo(1);
    }

    @Test
    void a_bad_line_exits_with_code_2_naming_file_and_line_and_changes_nothing() throws IOException {
        Path ml = writeTinyMovieLens100k(dir.resolve("ml"), "1\t1\t5\t881250949\n2\t2\tfive\t891717742\n");
        Path db = dir.resolve("t.db");
        CliRunner.Result r = CliRunner.run("import", "movielens", ml.toString(), "--db", db.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("u.data").contains(":2");
        CliRunner.Result stats = CliRunner.run("stats", "--db", db.toString(), "--json");
        assertThat(stats.json().get("counts").get("ratings").asLong()).isZero();
        assertThat(stats.json().get("counts").get("movies").asLong()).isZero();
    }

    @Test
    void importing_the_same_data_twice_is_refused_with_code_2() throws IOException {
        Path ml = writeTinyMovieLens100k(dir.resolve("ml"), "1\t1\t5\t881250949\n");
        Path db = dir.resolve("t.db");
        assertThat(CliRunner.run("import", "movielens", ml.toString(), "--db", db.toString()).exitCode()).isZero();
        CliRunner.Result again = CliRunner.run("import", "movielens", ml.toString(), "--db", db.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("already imported");
    }

    @Test
    void movielens_100k_from_shared_data_imports_with_the_published_counts() {
        Path ml = SharedData.require("movielens/ml-100k");
        Path db = dir.resolve("ml.db");
        CliRunner.Result imp = CliRunner.run("import", "movielens", ml.toString(), "--db", db.toString(), "--json");
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        JsonNode counts = CliRunner.run("stats", "--db", db.toString(), "--json").json().get("counts");
        assertThat(counts.get("ratings").asLong()).isEqualTo(100_000);
        assertThat(counts.get("users").asLong()).isEqualTo(943);
        assertThat(counts.get("movies").asLong()).isEqualTo(1_682);
        assertThat(counts.get("genres").asLong()).isEqualTo(19);
    }

    /** A minimal ML-100K directory with two films and two viewers. */
    static Path writeTinyMovieLens100k(Path ml, String uData) throws IOException {
        Files.createDirectories(ml);
        Files.writeString(ml.resolve("u.genre"), "unknown|0\nAction|1\nComedy|2\n\n", StandardCharsets.ISO_8859_1);
        Files.writeString(ml.resolve("u.item"),
                "1|Toy Story (1995)|01-Jan-1995||http://x|0|0|1\n"
                        + "2|Misérables, Les (1995)|01-Jan-1995||http://y|0|1|0\n", StandardCharsets.ISO_8859_1);
        Files.writeString(ml.resolve("u.user"), "1|24|M|technician|85711\n2|53|F|other|94043\n",
                StandardCharsets.ISO_8859_1);
        Files.writeString(ml.resolve("u.occupation"), "technician\nother\n", StandardCharsets.ISO_8859_1);
        Files.writeString(ml.resolve("u.data"), uData, StandardCharsets.ISO_8859_1);
        return ml;
    }
}
