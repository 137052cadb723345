package io.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.marquee.core.store.Database;
import io.marquee.server.App;
import io.marquee.server.Services;
import io.marquee.server.auth.CreatedToken;
import io.marquee.server.auth.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenRevocationTest {
    @TempDir
    Path dir;

    @Test
    void a_token_revoked_with_the_cli_in_the_servers_process_is_refused_by_the_next_request() throws Exception {
        ServingDatabase data = ServingDatabase.create(dir.resolve("t.db"), 100, 50, 0);
        Services services = Services.open(Database.open(data.file().toString()), true);
        Javalin app = App.create(services).start("127.0.0.1", 0);
        try {
            CreatedToken reader = services.tokens().create(Role.READER, "to revoke", "test");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/recommendations/1"))
                    .header("Authorization", "Bearer " + reader.token()).build();
            assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200); // cached now
            CliRunner.Result revoke = CliRunner.run("token", "revoke", reader.prefix(), "--db", data.file().toString());
            assertThat(revoke.exitCode()).as(revoke.err()).isZero();
            HttpResponse<String> after = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(401);
            assertThat(after.body()).contains("revoked");
        } finally {
            app.stop();
            services.close();
        }
    }
}
