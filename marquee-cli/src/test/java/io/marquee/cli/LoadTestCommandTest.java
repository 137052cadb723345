package io.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.marquee.core.store.Database;
import io.marquee.server.App;
import io.marquee.server.Services;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTestCommandTest {
    @TempDir
    static Path dir;
    static ServingDatabase data;
    static Services services;
    static Javalin app;

    @BeforeAll
    static void serve() {
        data = ServingDatabase.create(dir.resolve("serve.db"), 200, 80, 0);
        services = Services.open(Database.open(data.file().toString()), true);
        app = App.create(services).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        services.close();
    }

    @Test
    void loadtest_reports_throughput_latency_and_one_log_row_per_request_served() {
        CliRunner.Result r = CliRunner.run("loadtest", "--db", data.file().toString(), "--url",
                "http://127.0.0.1:" + app.port(), "--connections", "3", "--warmup", "0.5", "--duration", "1",
                "--n", "5", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("requests").asLong()).isPositive();
        assertThat(j.get("errors").asLong()).isZero();
        assertThat(j.get("users").asInt()).isEqualTo(200);
        assertThat(j.get("requests_per_second").asDouble()).isPositive();
        assertThat(j.get("p50_ms").asDouble()).isPositive().isLessThanOrEqualTo(j.get("p99_ms").asDouble());
        assertThat(j.get("p99_ms").asDouble()).isLessThanOrEqualTo(j.get("max_ms").asDouble());
        assertThat(j.get("log_rows_after").asLong() - j.get("log_rows_before").asLong())
                .isEqualTo(j.get("requests").asLong());
        assertThat(j.get("log_rows_match").asBoolean()).isTrue();
    }

    @Test
    void loadtest_counts_refused_requests_as_errors_by_status() {
        CliRunner.Result r = CliRunner.run("loadtest", "--db", data.file().toString(), "--url",
                "http://127.0.0.1:" + app.port(), "--token", "mq_not-a-token", "--connections", "1", "--warmup", "0",
                "--duration", "0.3", "--log-wait", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.json().get("requests").asLong()).isZero();
        assertThat(r.json().get("errors").asLong()).isPositive();
        assertThat(r.json().get("error_kinds").has("status 401")).isTrue();
    }

    @Test
    void loadtest_with_a_bad_option_names_it() {
        CliRunner.Result r = CliRunner.run("loadtest", "--db", data.file().toString(), "--connections", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--connections").contains("0");
        CliRunner.Result url = CliRunner.run("loadtest", "--db", data.file().toString(), "--url", "https://x:1");
        assertThat(url.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(url.err()).contains("--url").contains("https://x:1");
    }
}
