package io.marquee.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.marquee.core.data.Dataset;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.store.DatabaseReader;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import io.marquee.recommend.mf.MfModel;
import io.marquee.recommend.mf.MfParams;
import io.marquee.recommend.mf.MfTrainer;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.NewVersion;
import io.marquee.registry.Stage;
import io.marquee.server.auth.Role;
import io.marquee.server.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A server on a free port over a temporary SQLite database with a small synthetic dataset and a
 * trained, registered and promoted {@code mf} recommender.
 */
final class ServerFixture implements AutoCloseable {
    final Path dir;
    final Database db;
    final Dataset data;
    final ModelVersion production;
    final Services services;
    final Javalin app;
    final String base;
    final String admin;
    final String reader;
    /** Batch upload limit of a fixture with classifiers. */
    static final long UPLOAD_LIMIT = 200_000;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServerFixture() throws IOException {
        this(false);
    }

    /**
     * @param classifiers also register (before the server starts) a small drop-off model in
     *                    production, a churn classifier in production (v1, reads {@code tenure},
     *                    {@code monthly}, {@code plan}) and a second one in staging (v2), and limit
     *                    batch uploads to {@value #UPLOAD_LIMIT} bytes
     */
    ServerFixture(boolean classifiers) throws IOException {
        dir = Files.createTempDirectory("marquee-server-test");
        db = Database.open(dir.resolve("marquee.db").toString());
        SyntheticGenerator.generateInto(db, GeneratorParams.defaults().withUsers(300).withMovies(120), Progress.NONE);
        data = DatabaseReader.load(db);
        MfModel model = new MfTrainer(new MfParams(8, 0.01, 0.1, 0.01, 0.1, 15, 0.1, 1.0, 7))
                .train(data.ratings(), Progress.NONE);
        Path modelDir = model.save(dir.resolve("mf-model"));
        var registry = io.marquee.registry.ModelRegistry.open(db);
        ModelVersion v = registry.register(new NewVersion("recommender", modelDir, "test", "fixture mf", null, null));
        registry.transition(v.id(), Stage.STAGING, "test", "fixture");
        registry.promote(v.id(), "test", "fixture");
        production = registry.version(v.id());
        if (classifiers) {
            ClassifierModels.register(registry, data, dir);
        }
        services = classifiers ? Services.open(db, true, UPLOAD_LIMIT) : Services.open(db, true);
        app = App.create(services).start(0);
        base = "http://localhost:" + app.port();
        admin = services.tokens().create(Role.ADMIN, "test admin", "test").token();
        reader = services.tokens().create(Role.READER, "test reader", "test").token();
    }

    /** A viewer with ratings in the data (and so known to the model). */
    long ratedUser(int k) {
        return data.ratings().users().id(data.ratings().user(k));
    }

    record Reply(int status, JsonNode json, String text, HttpResponse<String> raw) {
    }

    Reply send(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (ct.contains("json") && !r.body().isEmpty()) {
                json = Json.mapper().readTree(r.body());
            }
            return new Reply(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes with a content type (multipart or CSV uploads). */
    /**
     * Sends only the request line and headers of a POST announcing {@code contentLength} bytes
     * (negative: a chunked body), and
     * returns the response's status line and body: for requests the server refuses from their
     * headers alone (413 from the Content-Length), without racing a body upload against the answer.
     */
    String headersOnly(String path, String token, String contentType, long contentLength) {
        try (java.net.Socket socket = new java.net.Socket("localhost", app.port())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: " + contentType
                    + (contentLength < 0 ? "\r\nTransfer-Encoding: chunked" : "\r\nContent-Length: " + contentLength)
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Reply sendBytes(String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (ct.contains("json") && !r.body().isEmpty()) {
                json = Json.mapper().readTree(r.body());
            }
            return new Reply(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    Reply post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    @Override
    public void close() throws IOException {
        app.stop();
        services.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
