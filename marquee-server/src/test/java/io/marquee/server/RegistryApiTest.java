package io.marquee.server;

import static io.marquee.server.ApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.server.ServerFixture.Reply;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registry and training routes through one lifecycle: train, promote (hot swap), alias, history, rollback, delete. */
class RegistryApiTest {
    static ServerFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    JsonNode awaitJob(long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            Reply r = f.get("/api/v1/jobs/" + id, f.reader);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            String s = r.json().get("status").asText();
            if (s.equalsIgnoreCase("succeeded") || s.equalsIgnoreCase("failed")) {
                return r.json();
            }
            assertThat(System.currentTimeMillis()).as("job " + id + " did not finish").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    int servedVersion() {
        return f.get("/api/v1/recommendations/" + f.ratedUser(0), f.reader).json().get("model_version").asInt();
    }

    @Test
    void read_routes_list_endpoints_and_versions_and_reject_bad_input() {
        Reply e = f.get("/api/v1/endpoints", f.reader);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.json().get(0).get("name").asText()).isEqualTo("recommender");
        assertThat(e.json().get(0).get("production").get("id").asLong()).isEqualTo(f.production.id());
        Reply m = f.get("/api/v1/models?endpoint=recommender&stage=production", f.reader);
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.json()).hasSize(1);
        assertThat(f.get("/api/v1/models/" + f.production.id(), f.reader).json().get("algorithm").asText()).isEqualTo("mf");
        assertError(f.get("/api/v1/models/999999", f.reader), 404, "999999");
        assertError(f.get("/api/v1/models/abc", f.reader), 400, "id", "abc");
        assertError(f.get("/api/v1/models?stage=bogus", f.reader), 400, "bogus");
        assertError(f.get("/api/v1/models?endpoint=nope", f.reader), 404, "nope");
        assertError(f.get("/api/v1/jobs/424242", f.reader), 404, "424242");
        assertError(f.get("/api/v1/endpoints/recommender/history?at=soon", f.reader), 400, "at", "soon");
    }

    @Test
    void the_model_lifecycle_runs_through_the_API() throws Exception {
        long v1 = f.production.id();
        // illegal stage change
        assertError(f.post("/api/v1/models/" + v1 + "/stage", f.admin, "{\"stage\":\"testing\"}"), 409, "production");
        assertError(f.post("/api/v1/models/" + v1 + "/stage", f.admin, "{}"), 400, "stage");
        assertError(f.post("/api/v1/train", f.admin, "{\"algorithm\":\"no-such-algo\"}"), 400, "no-such-algo");
        // train a second version
        Reply t = f.post("/api/v1/train", f.admin,
                "{\"algorithm\":\"mf\",\"params\":{\"n_factors\":4,\"epochs\":3},\"description\":\"api test\"}");
        assertThat(t.status()).as(t.text()).isEqualTo(202);
        JsonNode job = awaitJob(t.json().get("id").asLong());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualToIgnoringCase("succeeded");
        long v2 = job.get("version_id").asLong();
        Instant beforePromotion = Instant.now();
        Thread.sleep(5);
        // promote: staging then production; the server swaps before the call returns
        assertThat(f.post("/api/v1/models/" + v2 + "/stage", f.admin, "{\"stage\":\"staging\"}").status()).isEqualTo(200);
        Reply promoted = f.post("/api/v1/models/" + v2 + "/stage", f.admin, "{\"stage\":\"production\",\"reason\":\"better\"}");
        assertThat(promoted.status()).as(promoted.text()).isEqualTo(200);
        assertThat(promoted.json().get("demoted").get("id").asLong()).isEqualTo(v1);
        assertThat(servedVersion()).isEqualTo(2);
        // alias
        Reply alias = f.send("PUT", "/api/v1/endpoints/recommender/aliases/champion", f.admin, "{\"version_id\":" + v2 + "}");
        assertThat(alias.status()).as(alias.text()).isEqualTo(200);
        assertThat(alias.json().get("aliases").get(0).asText()).isEqualTo("champion");
        assertError(f.send("PUT", "/api/v1/endpoints/recommender/aliases/champion", f.admin, "{}"), 400, "version_id");
        // history at a time, and the full log
        Reply at = f.get("/api/v1/endpoints/recommender/history?at=" + beforePromotion, f.reader);
        assertThat(at.status()).as(at.text()).isEqualTo(200);
        assertThat(at.json().get("production").get("version_id").asLong()).isEqualTo(v1);
        Reply all = f.get("/api/v1/endpoints/recommender/history", f.reader);
        assertThat(all.json().size()).isGreaterThanOrEqualTo(4);
        assertThat(all.json().toString()).contains("token:");
        // production and alias targets cannot be deleted
        assertError(f.send("DELETE", "/api/v1/models/" + v2, f.admin, null), 409);
        // rollback returns v1, a second one has nothing to return to
        Reply rb = f.post("/api/v1/endpoints/recommender/rollback", f.admin, "{\"reason\":\"regression\"}");
        assertThat(rb.status()).as(rb.text()).isEqualTo(200);
        assertThat(servedVersion()).isEqualTo(1);
        assertError(f.post("/api/v1/endpoints/recommender/rollback", f.admin, null), 409);
        assertError(f.post("/api/v1/endpoints/nope/rollback", f.admin, null), 404, "nope");
        // a retrain with the gate
        Reply rt = f.post("/api/v1/retrain", f.admin, "{\"params\":{\"epochs\":2}}");
        assertThat(rt.status()).as(rt.text()).isEqualTo(202);
        JsonNode rj = awaitJob(rt.json().get("id").asLong());
        assertThat(rj.get("status").asText()).as(rj.toString()).isEqualToIgnoringCase("succeeded");
        // delete a testing version
        long v3 = rj.get("version_id").asLong();
        Reply shown = f.get("/api/v1/models/" + v3, f.reader);
        if (!shown.json().get("stage").asText().equalsIgnoreCase("production")) {
            Reply del = f.send("DELETE", "/api/v1/models/" + v3 + "?reason=cleanup", f.admin, null);
            assertThat(del.status()).as(del.text()).isEqualTo(200);
            assertError(f.get("/api/v1/models/" + v3, f.reader), 404);
        }
        Reply hist = f.get("/api/v1/metrics/history?metric=rmse", f.reader);
        assertThat(hist.json().get("points").size()).isGreaterThan(0);
        assertThat(hist.json().get("decisions").size()).isGreaterThan(0);
    }
}
