package io.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of {@code marquee serve}: the server runs as its own JVM on a SQLite file, is
 * killed with SIGKILL ({@link Process#destroyForcibly()}) while it serves, writes ratings and
 * the request log, and while it commits promotions; after every kill the database must pass
 * {@code PRAGMA integrity_check}, every endpoint must have exactly one production version, every
 * write the server acknowledged must be there, and a restarted server must serve that version.
 * Promotions are killed as they are sent, the moment their commit is visible from another
 * connection, and halfway to it (half the time the previous, unkilled promotion took to commit).
 * Tagged {@code crash}: it starts five JVMs (about 30-45 s on a busy 2-core machine); it runs in
 * {@code ./mvnw verify}.
 */
@Tag("crash")
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int starts;

    @Test
    void a_server_killed_during_load_and_during_promotions_restarts_intact_serving_its_one_production_version()
            throws Exception {
        ServingDatabase data = ServingDatabase.create(dir.resolve("crash.db"), 300, 120, 5);
        List<Long> users = query(data.file(), "SELECT id FROM users");
        long film = query(data.file(), "SELECT MIN(id) FROM movies").get(0);
        Set<Long> ackedRatingUsers = ConcurrentHashMap.newKeySet();
        AtomicLong nextNewUser = new AtomicLong(1_000_000);
        long production = data.production();

        // 1. killed while serving recommendations, writing ratings and the request log
        Server server = Server.start(this, data.file());
        Load load = Load.start(http, server.url, data.adminToken(), users, film, nextNewUser, ackedRatingUsers);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((load.served.get() < 50 || ackedRatingUsers.size() < 5) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        server.kill();
        load.stop();
        assertThat(load.served.get()).as("recommendations served before the kill").isPositive();
        assertThat(ackedRatingUsers).as("ratings acknowledged before the kill").isNotEmpty();
        checkDatabase(data.file(), production, ackedRatingUsers);

        // 2. killed as a promotion is sent; 3. killed the moment its commit is visible to another
        // connection (the server is then reloading the model and answering); 4. a promotion timed
        // from sending to its commit without a kill, then another killed half that time in
        for (String when : List.of("at once", "at commit", "halfway")) {
            server = Server.start(this, data.file());
            assertServes(server, production);
            load = Load.start(http, server.url, data.adminToken(), users, film, nextNewUser, ackedRatingUsers);
            Thread.sleep(300);
            long killAfterNanos = 0;
            if (when.equals("halfway")) {
                for (int timed = 0; timed < 2; timed++) { // the first warms the promotion path up
                    long candidate = nextStaging(data.file());
                    long t0 = System.nanoTime();
                    CompletableFuture<HttpResponse<String>> promotion = promote(server, data.adminToken(), candidate);
                    waitForProduction(data.file(), candidate, promotion);
                    killAfterNanos = (System.nanoTime() - t0) / 2; // half the time from sending to the commit
                    assertThat(acknowledged(promotion)).isTrue();
                    production = candidate;
                    assertServes(server, production);
                }
            }
            long candidate = nextStaging(data.file());
            CompletableFuture<HttpResponse<String>> promotion = promote(server, data.adminToken(), candidate);
            if (when.equals("at commit")) {
                waitForProduction(data.file(), candidate, promotion);
            } else {
                TimeUnit.NANOSECONDS.sleep(killAfterNanos);
            }
            server.kill();
            load.stop();
            boolean acknowledged = acknowledged(promotion);
            long now = productionOf(data.file(), "recommender");
            System.out.printf("crash test: killed %s (%.1f ms) into promoting %d: acknowledged %s, production now %d%n",
                    when, killAfterNanos / 1e6, candidate, acknowledged, now);
            assertThat(now).as("production after a kill %s into promoting %d", when, candidate).isIn(production, candidate);
            if (acknowledged || when.equals("at commit")) {
                assertThat(now).as("a committed promotion survives the kill").isEqualTo(candidate);
            }
            production = now;
            checkDatabase(data.file(), production, ackedRatingUsers);
        }

        server = Server.start(this, data.file());
        try {
            assertServes(server, production);
        } finally {
            server.stop();
        }
    }

    /** Integrity, exactly one production version per endpoint, and every acknowledged rating present. */
    private static void checkDatabase(Path file, long production, Set<Long> ackedRatingUsers) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                List<String> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
                assertThat(result).containsExactly("ok");
            }
            Map<String, Long> productionPerEndpoint = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT e.name, (SELECT COUNT(*) FROM model_versions v"
                    + " WHERE v.endpoint = e.name AND v.stage = 'production') FROM registry_endpoints e")) {
                while (rs.next()) {
                    productionPerEndpoint.put(rs.getString(1), rs.getLong(2));
                }
            }
            assertThat(productionPerEndpoint).isNotEmpty().allSatisfy((endpoint, n) ->
                    assertThat(n).as("production versions of %s", endpoint).isEqualTo(1L));
            try (ResultSet rs = s.executeQuery("SELECT id FROM model_versions WHERE stage = 'production'"
                    + " AND endpoint = 'recommender'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(production);
            }
            Set<Long> stored = ConcurrentHashMap.newKeySet();
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT user_id FROM ratings WHERE user_id >= 1000000")) {
                while (rs.next()) {
                    stored.add(rs.getLong(1));
                }
            }
            assertThat(stored).as("ratings acknowledged with 201 before a kill").containsAll(ackedRatingUsers);
        }
    }

    private void assertServes(Server server, long production) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url + "/api/v1/recommendations/1?n=5"))
                .header("Authorization", "Bearer " + server.token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("model_id").asLong()).isEqualTo(production);
    }

    private CompletableFuture<HttpResponse<String>> promote(Server server, String adminToken, long version) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(server.url + "/api/v1/models/" + version + "/stage"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"stage\":\"production\",\"reason\":\"crash test\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls from another connection until {@code version} is production (the promotion committed). */
    private static void waitForProduction(Path file, long version, CompletableFuture<HttpResponse<String>> promotion) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var ps = c.prepareStatement("SELECT COUNT(*) FROM model_versions WHERE id = ? AND stage = 'production'")) {
            ps.setLong(1, version);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 1) {
                        return;
                    }
                }
                if (promotion.isDone()) {
                    throw new AssertionError("the promotion ended without committing: " + promotion.get().body());
                }
                Thread.sleep(1);
            }
            throw new AssertionError("promotion of " + version + " did not commit within 30 s");
        }
    }

    private static long nextStaging(Path file) throws SQLException {
        List<Long> ids = query(file, "SELECT id FROM model_versions WHERE stage = 'staging' ORDER BY id");
        assertThat(ids).as("versions left in staging").isNotEmpty();
        return ids.get(0);
    }

    private static boolean acknowledged(CompletableFuture<HttpResponse<String>> promotion) throws InterruptedException {
        try {
            return promotion.get(10, TimeUnit.SECONDS).statusCode() == 200;
        } catch (ExecutionException | TimeoutException e) {
            return false; // the connection died with the server: not acknowledged
        }
    }

    private static long productionOf(Path file, String endpoint) throws SQLException {
        List<Long> ids = query(file, "SELECT id FROM model_versions WHERE stage = 'production' AND endpoint = '"
                + endpoint + "'");
        assertThat(ids).as("production versions of %s", endpoint).hasSize(1);
        return ids.get(0);
    }

    private static List<Long> query(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        }
    }

    /** {@code marquee serve} in its own JVM, on the built classpath, with a free port. */
    private static final class Server {
        final Process process;
        final String url;
        final String token;

        private Server(Process process, String url, String token) {
            this.process = process;
            this.url = url;
            this.token = token;
        }

        static Server start(CrashRecoveryTest test, Path db) throws Exception {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = test.dir.resolve("server-" + (++test.starts) + ".log");
            Process p = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", classpath, "io.marquee.cli.Main", "serve", "--db", db.toString(), "--host", "127.0.0.1",
                    "--port", "0", "--json")
                    .redirectError(log.toFile())
                    .start();
            CompletableFuture<JsonNode> started = CompletableFuture.supplyAsync(() -> readJson(p));
            JsonNode info;
            try {
                info = started.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("server did not start; its log:\n" + Files.readString(log), e);
            }
            // a reader token per start, created the way an operator would (the CLI, another process's view)
            CliRunner.Result t = CliRunner.run("token", "create", "--role", "reader", "--db", db.toString(), "--json");
            assertThat(t.exitCode()).as(t.err()).isZero();
            return new Server(p, info.get("url").asText(), t.json().get("token").asText());
        }

        /** The pretty-printed JSON object {@code serve --json} prints once it listens. */
        private static JsonNode readJson(Process p) {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder text = new StringBuilder();
                String line;
                while ((line = in.readLine()) != null) {
                    text.append(line).append('\n');
                    if (line.equals("}")) {
                        return JSON.readTree(text.toString());
                    }
                }
                throw new IllegalStateException("server exited before it listened: " + text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        }

        /** SIGTERM: the clean shutdown. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Two threads reading recommendations, one posting a rating by a new viewer at a time. */
    private static final class Load {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong served = new AtomicLong();
        final List<Thread> threads = new ArrayList<>();

        static Load start(HttpClient http, String url, String token, List<Long> users, long film,
                          AtomicLong nextNewUser, Set<Long> ackedRatingUsers) {
            Load load = new Load();
            for (int t = 0; t < 2; t++) {
                SplittableRandom random = new SplittableRandom(t);
                load.threads.add(new Thread(() -> {
                    while (!load.stop.get()) {
                        long user = users.get(random.nextInt(users.size()));
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url
                                    + "/api/v1/recommendations/" + user + "?n=10")).header("Authorization", "Bearer " + token)
                                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                load.served.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            pause();
                        }
                    }
                }, "crash-load-get-" + t));
            }
            load.threads.add(new Thread(() -> {
                while (!load.stop.get()) {
                    long user = nextNewUser.getAndIncrement();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/ratings"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":" + user + ",\"movie_id\":"
                                        + film + ",\"rating\":4}")).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            ackedRatingUsers.add(user);
                        }
                    } catch (IOException | InterruptedException e) {
                        pause();
                    }
                }
            }, "crash-load-rate"));
            load.threads.forEach(Thread::start);
            return load;
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(10_000);
            }
        }

        private static void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
