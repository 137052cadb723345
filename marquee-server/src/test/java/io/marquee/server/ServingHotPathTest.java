package io.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.core.data.Interactions;
import io.marquee.recommend.RecommenderModel;
import io.marquee.recommend.Recommendations;
import io.marquee.recommend.TopN;
import io.marquee.registry.requests.RequestLog;
import io.marquee.registry.requests.RequestRecord;
import io.marquee.server.ServerFixture.Reply;
import io.marquee.server.http.HttpException;
import io.marquee.server.recs.RecommendationService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The serving path after its optimisations: same answers, one serialisation, one log row or none. */
class ServingHotPathTest {
    static ServerFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void the_request_log_holds_exactly_the_json_of_each_served_response_body() {
        long user = f.ratedUser(2);
        long film = f.data.ratings().items().id(f.data.ratings().item(2));
        List<Reply> replies = List.of(
                f.get("/api/v1/recommendations/" + user + "?n=6", f.reader),
                f.post("/api/v1/predict", f.reader, "{\"user_id\":" + user + ",\"movie_id\":" + film + "}"),
                f.get("/api/v1/explain/" + user + "/" + film, f.reader));
        assertThat(f.services.requests().flush(Duration.ofSeconds(10))).isTrue();
        for (Reply r : replies) {
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/json"));
            UUID id = UUID.fromString(r.json().get("request_id").asText());
            assertThat(id.version()).isEqualTo(7);
            RequestRecord logged = f.services.requests().request(id).orElseThrow();
            assertThat(logged.output()).isEqualTo(r.text());
        }
    }

    @Test
    void recommendations_equal_a_plain_top_n_over_the_models_scores_without_seen_films() {
        RecommenderModel model = f.services.recommender().current().model();
        Interactions ratings = f.data.ratings();
        // several viewers in turn, twice: the per-thread buffer and the cached seen sets must not leak between them
        for (int round = 0; round < 2; round++) {
            for (int k : new int[] {0, 400, 800, 1200, 1600}) {
                long user = f.ratedUser(k);
                int u = model.users().indexOf(user);
                Set<Integer> seen = new HashSet<>();
                for (int r = 0; r < ratings.size(); r++) {
                    if (ratings.users().id(ratings.user(r)) == user) {
                        seen.add(model.items().indexOf(ratings.items().id(ratings.item(r))));
                    }
                }
                float[] scores = new float[model.itemCount()];
                model.scoreAll(u, scores);
                Recommendations expected = TopN.select(scores, 8, null, seen::contains);
                List<Long> expectedIds = new ArrayList<>();
                for (int i = 0; i < expected.size(); i++) {
                    expectedIds.add(model.items().id(expected.item(i)));
                }
                Reply r = f.get("/api/v1/recommendations/" + user + "?n=8", f.reader);
                List<Long> served = new ArrayList<>();
                for (JsonNode item : r.json().get("items")) {
                    served.add(item.get("movie_id").asLong());
                }
                assertThat(served).as("viewer %d", user).isEqualTo(expectedIds);
            }
        }
    }

    @Test
    void a_recommendation_the_request_log_cannot_take_is_refused_with_503_and_leaves_no_row() {
        RequestLog closed = RequestLog.start(f.db);
        closed.close(); // refuses (and counts) every record from now on
        RecommendationService service = new RecommendationService(f.db, f.data, f.services.recommender(), closed);
        f.services.requests().flush(Duration.ofSeconds(10));
        long rows = f.db.count("request_log");
        assertThatThrownBy(() -> service.recommend(f.ratedUser(0), 5))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("request log");
        assertThat(closed.stats().dropped()).isEqualTo(1);
        f.services.requests().flush(Duration.ofSeconds(10));
        assertThat(f.db.count("request_log")).isEqualTo(rows);
    }
}
