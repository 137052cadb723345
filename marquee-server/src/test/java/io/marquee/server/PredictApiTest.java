package io.marquee.server;

import static io.marquee.server.ApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.Stage;
import io.marquee.registry.jobs.JobInfo;
import io.marquee.registry.jobs.JobStatus;
import io.marquee.registry.requests.RequestRecord;
import io.marquee.server.ServerFixture.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drop-off and tabular predictions, batch scoring, with_dropoff, feedback and gated retraining, in process. */
class PredictApiTest {
    static ServerFixture f;
    static final String SURVEY = "{\"favourite_genres\": [\"drama\", \"comedy\"], \"weekly_hours\": 6.5,"
            + " \"usual_device\": \"tv\", \"preferred_time\": \"evening\", \"finishes_films\": true,"
            + " \"age_band\": \"25_34\"}";

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture(true);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    static long film(int k) {
        return f.data.catalogue().items().id(k);
    }

    static long viewer() {
        return f.data.users().id(0);
    }

    static ModelVersion version(String endpoint, Stage stage) {
        return f.services.registry().versions(endpoint, stage).get(0);
    }

    static RequestRecord logged(String requestId) {
        f.services.requests().flush(Duration.ofSeconds(5));
        return f.services.requests().request(UUID.fromString(requestId)).orElseThrow();
    }

    // ------------------------------------------------------------------ drop-off

    @Test
    void POST_dropoff_predict_for_a_viewer_returns_probability_label_status_and_request_id_per_film() {
        Reply r = f.post("/api/v1/dropoff/predict", f.reader, "{\"user_id\": " + viewer() + ", \"movie_ids\": ["
                + film(0) + ", " + film(1) + ", " + film(2) + "], \"device\": \"mobile\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        ModelVersion v = version("dropoff", Stage.PRODUCTION);
        assertThat(r.json().get("model_version").asInt()).isEqualTo(v.version());
        assertThat(r.json().get("model_id").asLong()).isEqualTo(v.id());
        assertThat(r.json().get("cold_start").asBoolean()).isFalse();
        JsonNode p = r.json().get("predictions");
        assertThat(p).hasSize(3);
        for (int k = 0; k < 3; k++) {
            JsonNode one = p.get(k);
            assertThat(one.get("movie_id").asLong()).isEqualTo(film(k));
            double prob = one.get("probability").asDouble();
            assertThat(prob).isBetween(0.0, 1.0);
            assertThat(one.get("completion_likelihood").asDouble()).isCloseTo(1 - prob,
                    org.assertj.core.data.Offset.offset(1e-12));
            assertThat(one.get("label").asText()).isIn("drop_off", "complete");
            assertThat(one.get("status").asText()).isEqualTo("OK");
            RequestRecord rec = logged(one.get("request_id").asText());
            assertThat(rec.endpoint()).isEqualTo("dropoff");
            assertThat(rec.operation()).isEqualTo(RequestRecord.DROPOFF);
            assertThat(rec.versionId()).isEqualTo(v.id());
            assertThat(rec.predicted()).isEqualTo(prob);
            assertThat(rec.input()).contains("\"movie_id\":" + film(k)).contains("\"device\":\"mobile\"");
            assertThat(rec.output()).contains("\"label\":\"" + one.get("label").asText() + "\"");
        }
    }

    @Test
    void POST_dropoff_predict_from_survey_answers_serves_a_new_viewer() {
        Reply r = f.post("/api/v1/dropoff/predict", f.reader, "{\"survey\": " + SURVEY + ", \"movie_id\": " + film(3) + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("cold_start").asBoolean()).isTrue();
        assertThat(r.json().get("user_id").isNull()).isTrue();
        assertThat(r.json().get("predictions").get(0).get("probability").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void POST_dropoff_predict_rejects_bad_input_naming_the_field() {
        assertError(f.post("/api/v1/dropoff/predict", f.reader, "{\"user_id\": " + viewer() + ", \"survey\": " + SURVEY
                + ", \"movie_id\": " + film(0) + "}"), 400, "user_id / survey", "both");
        assertError(f.post("/api/v1/dropoff/predict", f.reader, "{\"movie_id\": " + film(0) + "}"), 400,
                "user_id / survey", "neither");
        assertError(f.post("/api/v1/dropoff/predict", f.reader, "{\"user_id\": " + viewer() + "}"), 400, "movie_ids");
        assertError(f.post("/api/v1/dropoff/predict", f.reader, "{\"user_id\": " + viewer() + ", \"movie_id\": "
                + film(0) + ", \"device\": \"toaster\"}"), 400, "device", "toaster");
        assertError(f.post("/api/v1/dropoff/predict", f.reader, "{\"survey\": " + SURVEY.replace("6.5", "400")
                + ", \"movie_id\": " + film(0) + "}"), 400, "weekly_hours", "400");
        assertError(f.post("/api/v1/dropoff/predict", f.reader, "{\"user_id\": \"abc\", \"movie_id\": 1}"), 400,
                "user_id");
    }

    @Test
    void POST_dropoff_predict_returns_404_for_an_unknown_viewer_or_film() {
        assertError(f.post("/api/v1/dropoff/predict", f.reader, "{\"user_id\": 987654321, \"movie_id\": " + film(0)
                + "}"), 404, "987654321");
        assertError(f.post("/api/v1/dropoff/predict", f.reader, "{\"user_id\": " + viewer() + ", \"movie_ids\": ["
                + film(0) + ", 99999999]}"), 404, "99999999");
    }

    @Test
    void predictions_need_a_token_and_training_needs_the_admin_role() {
        assertError(f.post("/api/v1/dropoff/predict", null, "{}"), 401);
        assertError(f.post("/api/v1/churn/predict", null, "{}"), 401);
        assertError(f.sendBytes("/api/v1/batch-predict?endpoint=churn", null, "text/csv",
                "tenure,monthly,plan\n1,2,basic\n".getBytes(StandardCharsets.UTF_8)), 401);
        assertError(f.post("/api/v1/retrain", f.reader, "{\"endpoint\": \"dropoff\"}"), 403);
        assertError(f.post("/api/v1/train", f.reader, "{\"endpoint\": \"dropoff\", \"algorithm\": \"gbdt\"}"), 403);
    }

    @Test
    void feedback_on_a_dropoff_prediction_feeds_the_versions_live_accuracy() {
        Reply r = f.post("/api/v1/dropoff/predict", f.reader, "{\"user_id\": " + f.data.users().id(5)
                + ", \"movie_ids\": [" + film(10) + ", " + film(11) + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        int right = 0;
        for (JsonNode p : r.json().get("predictions")) {
            // the viewer dropped out of both films
            Reply fb = f.post("/api/v1/feedback", f.reader, "{\"request_id\": \"" + p.get("request_id").asText()
                    + "\", \"watched\": false}");
            assertThat(fb.status()).as(fb.text()).isEqualTo(201);
            right += p.get("label").asText().equals("drop_off") ? 1 : 0;
        }
        Reply m = f.get("/api/v1/metrics?endpoint=dropoff", f.reader);
        assertThat(m.status()).as(m.text()).isEqualTo(200);
        JsonNode c = m.json().get("classifiers").get(0);
        assertThat(c.get("operation").asText()).isEqualTo("dropoff");
        assertThat(c.get("version_id").asLong()).isEqualTo(version("dropoff", Stage.PRODUCTION).id());
        assertThat(c.get("outcomes").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(c.get("positives").asLong()).isEqualTo(c.get("outcomes").asLong());
        assertThat(c.get("brier").asDouble()).isBetween(0.0, 1.0);
        if (c.get("outcomes").asLong() == 2) {
            assertThat(c.get("accuracy").asDouble()).isEqualTo(right / 2.0);
        }
        assertThat(c.get("roc_auc").isNull()).isTrue(); // one class only: no AUC
    }

    // ------------------------------------------------------------------ with_dropoff

    @Test
    void GET_recommendations_with_dropoff_adds_the_completion_likelihood_of_each_film() {
        long user = f.ratedUser(0);
        Reply r = f.get("/api/v1/recommendations/" + user + "?n=5&with_dropoff=true", f.reader);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("dropoff_model_version").asInt()).isEqualTo(version("dropoff", Stage.PRODUCTION).version());
        assertThat(r.json().get("model_version").asInt()).isEqualTo(f.production.version());
        assertThat(r.json().get("items")).hasSize(5);
        for (JsonNode item : r.json().get("items")) {
            double c = item.get("completion_likelihood").asDouble();
            assertThat(c).isBetween(0.0, 1.0);
            assertThat(item.get("dropoff_probability").asDouble()).isCloseTo(1 - c,
                    org.assertj.core.data.Offset.offset(1e-12));
            assertThat(logged(item.get("dropoff_request_id").asText()).operation()).isEqualTo("dropoff");
        }
        Reply plain = f.get("/api/v1/recommendations/" + user + "?n=5", f.reader);
        assertThat(plain.json().get("items").get(0).has("completion_likelihood")).isFalse();
        assertError(f.get("/api/v1/recommendations/" + user + "?with_dropoff=maybe", f.reader), 400, "with_dropoff",
                "maybe");
    }

    // ------------------------------------------------------------------ tabular endpoints

    @Test
    void POST_endpoint_predict_scores_one_row_in_seed_001s_shape_and_logs_it() {
        Reply r = f.post("/api/v1/churn/predict", f.reader, "{\"tenure\": 2, \"monthly\": 110.5, \"plan\": \"basic\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode j = r.json();
        ModelVersion v = version("churn", Stage.PRODUCTION);
        assertThat(j.get("probability").asDouble()).isGreaterThan(0.5); // short tenure, high charge: likely churn
        assertThat(j.get("label").asText()).isIn("Yes", "No");
        assertThat(j.get("status").asText()).isEqualTo("OK");
        assertThat(j.get("model_version").asInt()).isEqualTo(v.version());
        assertThat(j.get("stage").asText()).isEqualTo("production");
        RequestRecord rec = logged(j.get("request_id").asText());
        assertThat(rec.endpoint()).isEqualTo("churn");
        assertThat(rec.operation()).isEqualTo("classify");
        assertThat(rec.versionId()).isEqualTo(v.id());
        assertThat(rec.predicted()).isEqualTo(j.get("probability").asDouble());
        assertThat(rec.input()).contains("\"tenure\":2");
        assertThat(rec.latencyMicros()).isPositive();

        Reply low = f.post("/api/v1/churn/predict", f.reader, "{\"tenure\": 70, \"monthly\": 25, \"plan\": \"premium\"}");
        assertThat(low.json().get("probability").asDouble()).isLessThan(j.get("probability").asDouble());
    }

    @Test
    void POST_endpoint_predict_scores_a_list_of_rows_in_order() {
        Reply r = f.post("/api/v1/churn/predict", f.reader, "[{\"tenure\": 1, \"monthly\": 100, \"plan\": \"basic\"},"
                + " {\"tenure\": 71, \"monthly\": 20, \"plan\": \"premium\"}]");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode p = r.json().get("predictions");
        assertThat(p).hasSize(2);
        assertThat(p.get(0).get("probability").asDouble()).isGreaterThan(p.get(1).get("probability").asDouble());
        assertThat(p.get(0).get("request_id").asText()).isNotEqualTo(p.get(1).get("request_id").asText());
        assertThat(r.json().get("positive_label").asText()).isEqualTo("Yes");
    }

    @Test
    void POST_endpoint_predict_selects_the_model_by_status_and_version() {
        String row = "{\"tenure\": 10, \"monthly\": 60, \"plan\": \"basic\"}";
        ModelVersion staging = version("churn", Stage.STAGING);
        Reply s = f.post("/api/v1/churn/predict?status=staging", f.reader, row);
        assertThat(s.status()).as(s.text()).isEqualTo(200);
        assertThat(s.json().get("model_id").asLong()).isEqualTo(staging.id());
        assertThat(s.json().get("stage").asText()).isEqualTo("staging");
        Reply v = f.post("/api/v1/churn/predict?version=1", f.reader, row);
        assertThat(v.json().get("model_version").asInt()).isEqualTo(1);
        assertError(f.post("/api/v1/churn/predict?version=99", f.reader, row), 404, "version 99");
        assertError(f.post("/api/v1/churn/predict?status=sideways", f.reader, row), 400, "stage", "sideways");
        assertError(f.post("/api/v1/churn/predict?version=x1", f.reader, row), 400, "version", "x1");
    }

    @Test
    void POST_endpoint_predict_rejects_a_bad_row_naming_the_field_and_the_value() {
        assertError(f.post("/api/v1/churn/predict", f.reader, "{\"tenure\": \"long\", \"monthly\": 60, \"plan\": \"basic\"}"),
                400, "tenure", "long");
        assertError(f.post("/api/v1/churn/predict", f.reader, "{\"tenure\": 3, \"monthly\": 60, \"colour\": \"red\"}"),
                400, "colour");
        assertError(f.post("/api/v1/churn/predict", f.reader, "[{\"tenure\": 3, \"monthly\": 60, \"plan\": \"basic\"},"
                + " {\"tenure\": 3, \"monthly\": [1], \"plan\": \"basic\"}]"), 400, "row 1", "monthly");
        assertError(f.post("/api/v1/churn/predict", f.reader, "[]"), 400, "rows");
        assertError(f.post("/api/v1/churn/predict", f.reader, "{\"tenure\": "), 400, "JSON");
        assertError(f.post("/api/v1/churn/predict", f.reader, "42"), 400, "JSON object");
    }

    @Test
    void POST_endpoint_predict_returns_404_for_an_unknown_or_non_tabular_endpoint() {
        assertError(f.post("/api/v1/nosuch/predict", f.reader, "{\"a\": 1}"), 404, "nosuch");
        assertError(f.post("/api/v1/recommender/predict", f.reader, "{\"a\": 1}"), 404, "recommender");
        assertError(f.post("/api/v1/segments/predict", f.reader, "{\"a\": 1}"), 404, "segments");
        assertError(f.post("/api/v1/Bad%20Name/predict", f.reader, "{\"a\": 1}"), 400, "endpoint");
    }

    @Test
    void feedback_labels_on_tabular_predictions_give_accuracy_brier_and_auc_per_version() {
        // rows across the range; the feedback is the model's own decision for half, the opposite for half
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            Reply r = f.post("/api/v1/churn/predict", f.reader, "{\"tenure\": " + (t * 3)
                    + ", \"monthly\": " + (110 - t * 3) + ", \"plan\": \"basic\"}");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            ids.add(r.json().get("request_id").asText());
            labels.add(r.json().get("label").asText());
            probabilities.add(r.json().get("probability").asDouble());
        }
        int right = 0;
        for (int k = 0; k < ids.size(); k++) {
            String actual = k < 12 ? "Yes" : "No"; // the first rows (short tenure) churned
            right += actual.equals(labels.get(k)) ? 1 : 0;
            assertThat(f.post("/api/v1/feedback", f.reader, "{\"request_id\": \"" + ids.get(k) + "\", \"label\": \""
                    + actual + "\"}").status()).isEqualTo(201);
        }
        Reply m = f.get("/api/v1/metrics?endpoint=churn", f.reader);
        assertThat(m.status()).as(m.text()).isEqualTo(200);
        JsonNode c = null;
        for (JsonNode x : m.json().get("classifiers")) {
            if (x.get("version_id").asLong() == version("churn", Stage.PRODUCTION).id()) {
                c = x;
            }
        }
        assertThat(c).isNotNull();
        assertThat(c.get("operation").asText()).isEqualTo("classify");
        assertThat(c.get("outcomes").asLong()).isEqualTo(24);
        assertThat(c.get("positives").asLong()).isEqualTo(12);
        assertThat(c.get("accuracy").asDouble()).isEqualTo(right / 24.0);
        double brier = 0;
        for (int k = 0; k < 24; k++) {
            double y = k < 12 ? 1 : 0;
            brier += (probabilities.get(k) - y) * (probabilities.get(k) - y);
        }
        assertThat(c.get("brier").asDouble()).isCloseTo(brier / 24, org.assertj.core.data.Offset.offset(1e-9));
        // AUC by its definition: the share of (churner, stayer) pairs ranked right, ties counting half
        double pairs = 0;
        for (int i = 0; i < 12; i++) {
            for (int j = 12; j < 24; j++) {
                int cmp = Double.compare(probabilities.get(i), probabilities.get(j));
                pairs += cmp > 0 ? 1 : cmp == 0 ? 0.5 : 0;
            }
        }
        assertThat(c.get("roc_auc").asDouble()).isCloseTo(pairs / 144, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.get("roc_auc").asDouble()).isGreaterThan(0.9); // short tenure, high charge: the churners
    }

    // ------------------------------------------------------------------ batch

    static byte[] multipart(String boundary, String endpoint, String filename, String csv) {
        StringBuilder b = new StringBuilder();
        if (endpoint != null) {
            b.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"endpoint\"\r\n\r\n").append(endpoint).append("\r\n");
        }
        if (csv != null) {
            b.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(filename).append("\"\r\n")
                    .append("Content-Type: text/csv\r\n\r\n").append(csv).append("\r\n");
        }
        b.append("--").append(boundary).append("--\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Reply batch(String endpoint, String csv) {
        String boundary = "marquee" + UUID.randomUUID().toString().replace("-", "");
        return f.sendBytes("/api/v1/batch-predict", f.reader, "multipart/form-data; boundary=" + boundary,
                multipart(boundary, endpoint, "in.csv", csv));
    }

    @Test
    void POST_batch_predict_appends_probability_and_label_and_reports_a_bad_line_without_failing_the_batch() {
        String csv = "id,tenure,monthly,plan\n"
                + "a,1,100,basic\n"
                + "b,70,20,premium\n"
                + "c,ten,50,basic\n"          // line 4: not a number
                + "d,30,60,premium\n";
        Reply r = batch("churn", csv);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = r.text().split("\r?\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("id,tenure,monthly,plan,probability,label,status");
        assertThat(lines[1]).startsWith("a,1,100,basic,0.").endsWith(",ok");
        assertThat(lines[2]).startsWith("b,70,20,premium,0.").endsWith(",ok");
        assertThat(lines[3]).startsWith("c,ten,50,basic,,,").contains("line 4").contains("tenure").contains("ten");
        assertThat(lines[4]).startsWith("d,30,60,premium,0.").endsWith(",ok");
        double pa = Double.parseDouble(lines[1].split(",")[4]);
        double pb = Double.parseDouble(lines[2].split(",")[4]);
        assertThat(pa).isGreaterThan(pb);

        RequestRecord rec = logged(r.raw().headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(rec.operation()).isEqualTo("batch_predict");
        assertThat(rec.endpoint()).isEqualTo("churn");
        assertThat(rec.output()).contains("\"rows\":4").contains("\"failed\":1");
    }

    @Test
    void POST_batch_predict_also_takes_the_csv_as_the_body() {
        Reply r = f.sendBytes("/api/v1/batch-predict?endpoint=churn&status=staging", f.reader, "text/csv",
                "tenure,monthly,plan\n5,90,basic\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text().split("\r?\n")[1]).startsWith("5,90,basic,0.").endsWith(",ok");
    }

    @Test
    void POST_batch_predict_refuses_an_upload_over_the_limit_with_413() {
        StringBuilder big = new StringBuilder("tenure,monthly,plan\n");
        while (big.length() <= ServerFixture.UPLOAD_LIMIT) {
            big.append("12,70.25,premium\n");
        }
        // refused from the Content-Length alone, before any body byte is read
        long tooBig = ServerFixture.UPLOAD_LIMIT + 1;
        String multipart = f.headersOnly("/api/v1/batch-predict", f.reader, "multipart/form-data; boundary=x", tooBig);
        assertThat(multipart).startsWith("HTTP/1.1 413").contains("\"status\":413").contains("limit of 200000 bytes");
        String raw = f.headersOnly("/api/v1/batch-predict?endpoint=churn", f.reader, "text/csv", tooBig);
        assertThat(raw).startsWith("HTTP/1.1 413").contains("limit of 200000 bytes");
        // without a Content-Length (chunked), Jetty enforces the limit while it reads the parts: the
        // answer is a 413, unless the server's early answer and close beat the client's last bytes, in
        // which case the client sees the connection closed. Either way nothing is scored or logged.
        long batchesBefore = batchRows();
        String boundary = "marqueechunked";
        byte[] body = multipart(boundary, "churn", "big.csv", big.toString());
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.base
                        + "/api/v1/batch-predict"))
                .header("Authorization", "Bearer " + f.reader)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        try {
            // own clients: the server closes these connections, which must not go back to the shared pool
            var resp = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).as(resp.body()).isEqualTo(413);
        } catch (java.io.IOException closedEarly) {
            assertThat(closedEarly).hasMessageContaining("no bytes");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(batchRows()).isEqualTo(batchesBefore);
        // a raw CSV body without a length is refused from its headers: it must say its length
        assertThat(f.headersOnly("/api/v1/batch-predict?endpoint=churn", f.reader, "text/csv", -1))
                .startsWith("HTTP/1.1 411").contains("Content-Length");
        assertThat(batch("churn", "tenure,monthly,plan\n1,2,basic\n").status()).isEqualTo(200); // still serving
    }

    static long batchRows() {
        f.services.requests().flush(Duration.ofSeconds(5));
        return f.services.database().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM request_log WHERE operation = 'batch_predict'").mapTo(Long.class).one());
    }

    @Test
    void POST_batch_predict_reports_bad_requests() {
        assertError(batch("nosuch", "a\n1\n"), 404, "nosuch");
        assertError(batch("churn", null), 400, "file");
        assertError(batch(null, "tenure\n1\n"), 400, "endpoint");
        assertError(batch("churn", ""), 400, "empty");
        assertError(f.sendBytes("/api/v1/batch-predict?endpoint=churn", f.reader, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)), 400, "Content-Type");
    }

    // ------------------------------------------------------------------ training

    @Test
    void POST_retrain_for_dropoff_runs_a_gated_job_that_keeps_an_identical_model_out() {
        Reply r = f.post("/api/v1/retrain", f.admin, "{\"endpoint\": \"dropoff\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        long id = r.json().get("id").asLong();
        JobInfo done = f.services.jobs().await(id, Duration.ofSeconds(120));
        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.algorithm()).isEqualTo("dropoff-logreg");
        var d = f.services.jobs().decision(done.decisionId());
        assertThat(d.metric()).isEqualTo("roc_auc");
        // the fixture's production model was trained with these very settings on the same data
        assertThat(d.candidateValue()).isEqualTo(d.championValue());
        assertThat(d.promoted()).isFalse();
        Reply history = f.get("/api/v1/metrics/history?endpoint=dropoff&metric=roc_auc", f.reader);
        assertThat(history.status()).as(history.text()).isEqualTo(200);
        assertThat(history.json().get("decisions")).isNotEmpty();
        assertError(f.post("/api/v1/retrain", f.admin, "{\"endpoint\": \"dropoff\", \"algorithm\": \"svm\"}"), 400,
                "svm");
    }
}
