package io.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.server.ServerFixture.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every serving route in process: happy paths and each error class. */
class ApiTest {
    static ServerFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    static void assertError(Reply r, int status, String... detailContains) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("title").asText()).isNotBlank();
        assertThat(r.json().get("type").asText()).startsWith("urn:marquee:error:");
        for (String s : detailContains) {
            assertThat(r.json().get("detail").asText()).contains(s);
        }
    }

    @Test
    void health_is_open_and_names_the_served_model() {
        Reply r = f.get("/api/v1/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(r.json().get("recommender").asText()).contains("recommender v1");
    }

    @Test
    void GET_recommendations_returns_n_unseen_films_with_request_id_and_model_version() {
        long user = f.ratedUser(0);
        Reply r = f.get("/api/v1/recommendations/" + user + "?n=7", f.reader);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("request_id").asText()).hasSize(36);
        assertThat(j.get("model_version").asInt()).isEqualTo(f.production.version());
        assertThat(j.get("model_id").asLong()).isEqualTo(f.production.id());
        assertThat(j.get("personal").asBoolean()).isTrue();
        assertThat(j.get("items")).hasSize(7);
        Set<Long> seen = new HashSet<>();
        var ratings = f.data.ratings();
        for (int k = 0; k < ratings.size(); k++) {
            if (ratings.users().id(ratings.user(k)) == user) {
                seen.add(ratings.items().id(ratings.item(k)));
            }
        }
        assertThat(seen).isNotEmpty();
        for (JsonNode item : j.get("items")) {
            assertThat(seen).doesNotContain(item.get("movie_id").asLong());
            assertThat(item.get("title").asText()).isNotBlank();
        }
    }

    @Test
    void GET_recommendations_for_an_unknown_viewer_returns_popular_films_flagged_not_personal() {
        Reply r = f.get("/api/v1/recommendations/987654321", f.reader);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("personal").asBoolean()).isFalse();
        assertThat(r.json().get("items")).hasSize(10);
    }

    @Test
    void GET_recommendations_rejects_n_out_of_range_naming_n_and_the_value() {
        assertError(f.get("/api/v1/recommendations/" + f.ratedUser(0) + "?n=101", f.reader), 400, "n", "101");
        assertError(f.get("/api/v1/recommendations/" + f.ratedUser(0) + "?n=0", f.reader), 400, "n", "0");
        assertError(f.get("/api/v1/recommendations/" + f.ratedUser(0) + "?n=ten", f.reader), 400, "n", "ten");
    }

    @Test
    void GET_recommendations_rejects_a_non_numeric_user_id_naming_the_field() {
        assertError(f.get("/api/v1/recommendations/abc", f.reader), 400, "userId", "abc");
    }

    @Test
    void requests_without_a_token_or_with_an_unknown_token_are_401() {
        Reply r = f.get("/api/v1/recommendations/1", null);
        assertError(r, 401);
        assertThat(r.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertError(f.get("/api/v1/recommendations/1", "mq_not-a-real-token"), 401, "unknown");
        assertError(f.get("/api/v1/models", null), 401);
    }

    @Test
    void a_reader_token_on_an_admin_route_is_403() {
        assertError(f.post("/api/v1/models/" + f.production.id() + "/stage", f.reader, "{\"stage\":\"archived\"}"), 403,
                "admin");
        assertError(f.post("/api/v1/train", f.reader, "{\"algorithm\":\"mf\"}"), 403);
        assertError(f.send("DELETE", "/api/v1/models/" + f.production.id(), f.reader, null), 403);
    }

    @Test
    void POST_predict_returns_a_rating_for_a_known_viewer_and_film() {
        long user = f.ratedUser(3);
        long film = f.data.ratings().items().id(f.data.ratings().item(3));
        Reply r = f.post("/api/v1/predict", f.reader, "{\"user_id\":" + user + ",\"movie_id\":" + film + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("rating").asDouble()).isBetween(-1.0, 7.0);
        assertThat(r.json().get("model_version").asInt()).isEqualTo(f.production.version());
    }

    @Test
    void POST_predict_names_a_missing_field_a_bad_value_and_an_unknown_film() {
        long user = f.ratedUser(3);
        assertError(f.post("/api/v1/predict", f.reader, "{\"user_id\":" + user + "}"), 400, "movie_id");
        assertError(f.post("/api/v1/predict", f.reader, "{\"user_id\":\"x\",\"movie_id\":1}"), 400, "user_id");
        assertError(f.post("/api/v1/predict", f.reader, "{\"user_id\":1,\"movie_id\":1,\"extra\":1}"), 400, "extra");
        assertError(f.post("/api/v1/predict", f.reader, "not json"), 400);
        assertError(f.post("/api/v1/predict", f.reader, "{\"user_id\":" + user + ",\"movie_id\":99999999}"), 404,
                "99999999");
    }

    @Test
    void GET_explain_explains_a_film_and_404s_for_an_unknown_viewer() {
        long user = f.ratedUser(5);
        long film = f.data.items().id(0);
        Reply r = f.get("/api/v1/explain/" + user + "/" + film, f.reader);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("summary").asText()).isNotBlank();
        assertThat(r.json().get("explanation").get("item_id").asLong()).isEqualTo(film);
        assertError(f.get("/api/v1/explain/987654321/" + film, f.reader), 404, "987654321");
    }

    @Test
    void POST_ratings_then_GET_recommendations_reflects_the_rating() {
        long user = f.ratedUser(40);
        Reply before = f.get("/api/v1/recommendations/" + user + "?n=20", f.reader);
        JsonNode top = before.json().get("items").get(0);
        long topFilm = top.get("movie_id").asLong();
        Reply posted = f.post("/api/v1/ratings", f.reader,
                "{\"user_id\":" + user + ",\"movie_id\":" + topFilm + ",\"rating\":0.5}");
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        assertThat(posted.json().get("updated").asBoolean()).isTrue();
        Reply after = f.get("/api/v1/recommendations/" + user + "?n=20", f.reader);
        List<Long> afterIds = new ArrayList<>();
        after.json().get("items").forEach(n -> afterIds.add(n.get("movie_id").asLong()));
        assertThat(afterIds).doesNotContain(topFilm);
        // the viewer was re-solved: the scores of films still listed changed, not only the rated film went
        long common = before.json().get("items").get(1).get("movie_id").asLong();
        double scoreBefore = before.json().get("items").get(1).get("score").asDouble();
        double scoreAfter = 0;
        for (JsonNode n : after.json().get("items")) {
            if (n.get("movie_id").asLong() == common) {
                scoreAfter = n.get("score").asDouble();
            }
        }
        assertThat(scoreAfter).isNotEqualTo(scoreBefore);
        Long stored = f.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ratings WHERE user_id = :u AND movie_id = :m"
                + " AND value = 0.5").bind("u", user).bind("m", topFilm).mapTo(Long.class).one());
        assertThat(stored).isEqualTo(1L);
    }

    @Test
    void POST_ratings_by_a_new_viewer_personalises_their_recommendations() {
        long film = f.data.items().id(3);
        Reply posted = f.post("/api/v1/ratings", f.reader, "{\"user_id\":55555,\"movie_id\":" + film + ",\"rating\":5}");
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        Reply r = f.get("/api/v1/recommendations/55555", f.reader);
        assertThat(r.json().get("personal").asBoolean()).isTrue();
        r.json().get("items").forEach(n -> assertThat(n.get("movie_id").asLong()).isNotEqualTo(film));
    }

    @Test
    void POST_ratings_rejects_an_unknown_film_with_404_and_a_bad_rating_with_400() {
        long user = f.ratedUser(0);
        assertError(f.post("/api/v1/ratings", f.reader, "{\"user_id\":" + user + ",\"movie_id\":99999999,\"rating\":4}"),
                404, "99999999");
        assertError(f.post("/api/v1/ratings", f.reader, "{\"user_id\":" + user + ",\"movie_id\":1,\"rating\":9}"),
                400, "rating", "9");
        assertError(f.post("/api/v1/ratings", f.reader, "{\"user_id\":" + user + ",\"movie_id\":1}"), 400, "rating");
    }

    @Test
    void POST_feedback_is_stored_against_a_served_request_and_404s_for_an_unknown_one() {
        Reply rec = f.get("/api/v1/recommendations/" + f.ratedUser(0), f.reader);
        String id = rec.json().get("request_id").asText();
        long film = rec.json().get("items").get(0).get("movie_id").asLong();
        Reply fb = f.post("/api/v1/feedback", f.reader,
                "{\"request_id\":\"" + id + "\",\"movie_id\":" + film + ",\"watched\":true}");
        assertThat(fb.status()).as(fb.text()).isEqualTo(201);
        assertError(f.post("/api/v1/feedback", f.reader,
                "{\"request_id\":\"00000000-0000-0000-0000-000000000001\",\"watched\":true}"), 404);
        assertError(f.post("/api/v1/feedback", f.reader, "{\"request_id\":\"" + id + "\"}"), 400);
        assertError(f.post("/api/v1/feedback", f.reader, "{\"request_id\":\"nope\",\"watched\":true}"), 400, "request_id");
    }

    @Test
    void every_served_request_is_logged_once_under_a_burst_of_concurrent_GETs() throws Exception {
        f.services.requests().flush(Duration.ofSeconds(10));
        long before = f.services.requests().count();
        int threads = 8;
        int each = 60;
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int tt = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    if (f.get("/api/v1/recommendations/" + f.ratedUser(tt * 31 + i) + "?n=5", f.reader).status() == 200) {
                        ok.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> fu : futures) {
            fu.get();
        }
        pool.shutdown();
        assertThat(f.services.requests().flush(Duration.ofSeconds(10))).isTrue();
        assertThat(ok.get()).isEqualTo(threads * each);
        assertThat(f.services.requests().count() - before).isEqualTo(threads * each);
    }

    @Test
    void unknown_routes_get_a_json_404() {
        assertError(f.get("/api/v1/nothing-here", f.reader), 404, "/api/v1/nothing-here");
    }

    @Test
    void metrics_and_prometheus_report_requests_per_route() {
        f.get("/api/v1/recommendations/" + f.ratedUser(0), f.reader);
        Reply p = f.get("/api/v1/prometheus", f.reader);
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.text()).contains("marquee_http_requests_seconds_count")
                .contains("route=\"/api/v1/recommendations/{userId}\"")
                .contains("marquee_request_log_pending");
        Reply live = f.get("/api/v1/metrics?since=" + Instant.EPOCH, f.reader);
        assertThat(live.status()).as(live.text()).isEqualTo(200);
        assertThat(live.json().get("versions").isArray()).isTrue();
        Reply hist = f.get("/api/v1/metrics/history?metric=rmse", f.reader);
        assertThat(hist.status()).as(hist.text()).isEqualTo(200);
        assertError(f.get("/api/v1/metrics?since=yesterday", f.reader), 400, "since", "yesterday");
    }
}
