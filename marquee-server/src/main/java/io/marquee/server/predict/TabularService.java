package io.marquee.server.predict;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.predict.tabular.PredictionSummary;
import io.marquee.predict.tabular.RowPrediction;
import io.marquee.predict.tabular.TabularExperiment;
import io.marquee.predict.tabular.TabularModel;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.Names;
import io.marquee.registry.Stage;
import io.marquee.registry.requests.ClassifierFeedback;
import io.marquee.registry.requests.RequestIds;
import io.marquee.registry.requests.RequestLog;
import io.marquee.registry.requests.RequestRecord;
import io.marquee.registry.serving.ModelLoaders;
import io.marquee.registry.serving.ModelServer;
import io.marquee.registry.serving.Served;
import io.marquee.server.http.Json;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves any tabular endpoint: a {@link TabularModel} registered under a name (for example
 * {@code churn}, trained by {@code marquee train classifier --register --endpoint churn}). One
 * {@link ModelServer} per endpoint, made on first use and following the endpoint's production
 * version; other stages and versions are loaded on request (seed 001's {@code status} and
 * {@code version} parameters).
 *
 * <p>Single-row and list predictions log one request per row (operation
 * {@value ClassifierFeedback#CLASSIFY}, predicted = the positive class's probability); feedback
 * with the actual {@code label} on a request id feeds the version's live accuracy. A batch (CSV)
 * is logged as one request (operation {@code batch_predict}) with its counts.
 */
public final class TabularService implements AutoCloseable {
    /** Endpoints served by their own routes, not as tabular endpoints. */
    public static final Set<String> RESERVED = Set.of("recommender", "segments", "dropoff");
    /** Most rows one JSON request may hold (larger sets go through the batch route). */
    public static final int MAX_ROWS = 1000;
    /** Operation logged for a batch. */
    public static final String BATCH = "batch_predict";

    private final ModelRegistry registry;
    private final RequestLog log;
    private final Duration poll;
    private final Map<String, ModelServer<TabularModel>> servers = new ConcurrentHashMap<>();

    public TabularService(ModelRegistry registry, RequestLog log, Duration poll) {
        this.registry = registry;
        this.log = log;
        this.poll = poll;
    }

    /** One row's prediction in seed 001's shape, plus the labels and the film-free context. */
    public record RowResult(double probability, String label, String status, UUID requestId, String positiveLabel,
                            String negativeLabel) {
    }

    /** A single-row answer: seed 001's fields at the top level, plus the version. */
    public record SingleResponse(double probability, String label, String status, UUID requestId, String positiveLabel,
                                 String endpoint, long modelId, int modelVersion, String stage) {
    }

    /** A list answer: one result per row, in order. */
    public record ListResponse(String endpoint, long modelId, int modelVersion, String stage, String positiveLabel,
                               List<RowResult> predictions) {
    }

    /**
     * The model a request asks for: {@code version} (a number) wins over {@code status} (a stage;
     * production by default).
     *
     * @throws NotFoundException when the endpoint, stage or version does not exist or holds no tabular model
     */
    public Served<TabularModel> model(String endpoint, String status, String version) {
        ModelServer<TabularModel> server = server(endpoint);
        String selector;
        if (version != null && !version.isBlank()) {
            String v = version.trim().startsWith("v") ? version.trim().substring(1) : version.trim();
            if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) < 1) {
                throw InvalidInputException.of("version", "'" + version + "'", "a version number such as 3");
            }
            selector = "v" + v;
        } else {
            selector = status == null || status.isBlank() ? Stage.PRODUCTION.id() : Stage.parse(status).id();
        }
        try {
            return server.get(selector);
        } catch (InvalidInputException e) {
            throw new NotFoundException("endpoint '" + endpoint + "' has no tabular classifier at " + selector + ": "
                    + e.getMessage());
        }
    }

    /** Predicts one row (a JSON object) or a list of rows (a JSON array of objects). */
    public Object predict(String endpoint, String status, String version, JsonNode body) {
        long start = System.nanoTime();
        Instant at = Instant.now();
        List<Map<String, Object>> rows = rows(body);
        Served<TabularModel> s = model(endpoint, status, version);
        TabularModel m = s.model();
        ModelVersion v = s.version();
        List<RowResult> results = new ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            RowPrediction p;
            try {
                p = m.predictRow(rows.get(k));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(body.isArray() ? "row " + k + ": " + e.getMessage() : e.getMessage(), e);
            }
            results.add(new RowResult(p.probability(), p.label(), "OK", RequestIds.next(), m.positiveLabel(),
                    m.negativeLabel()));
        }
        long micros = (System.nanoTime() - start) / 1000;
        for (int k = 0; k < rows.size(); k++) {
            RowResult r = results.get(k);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("probability", r.probability());
            out.put("label", r.label());
            out.put("status", r.status());
            out.put("request_id", r.requestId());
            out.put("positive_label", r.positiveLabel());
            out.put("negative_label", r.negativeLabel());
            out.put("model_version", v.version());
            log.log(new RequestRecord(r.requestId(), endpoint, v.id(), ClassifierFeedback.CLASSIFY,
                    Json.text(rows.get(k)), Json.text(out), r.probability(), micros, at));
        }
        if (!body.isArray()) {
            RowResult r = results.get(0);
            return new SingleResponse(r.probability(), r.label(), r.status(), r.requestId(), r.positiveLabel(),
                    endpoint, v.id(), v.version(), v.stage().id());
        }
        return new ListResponse(endpoint, v.id(), v.version(), v.stage().id(), m.positiveLabel(), results);
    }

    /**
     * Scores a CSV stream into another (input columns plus {@code probability}, {@code label} and
     * {@code status}; a bad row's status names its line and the batch goes on) and logs the batch.
     */
    public PredictionSummary batch(Served<TabularModel> s, UUID requestId, InputStream csv, String name,
                                   OutputStream out) {
        long start = System.nanoTime();
        Instant at = Instant.now();
        PredictionSummary summary = TabularExperiment.predictCsv(s.model(), csv, name, out);
        ModelVersion v = s.version();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("file", name);
        input.put("rows", summary.rows());
        Map<String, Object> output = new LinkedHashMap<>(summary.toMap());
        output.put("request_id", requestId);
        output.put("model_version", v.version());
        log.log(new RequestRecord(requestId, v.endpoint(), v.id(), BATCH, Json.text(input), Json.text(output), null,
                (System.nanoTime() - start) / 1000, at));
        return summary;
    }

    private ModelServer<TabularModel> server(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw InvalidInputException.of("endpoint", null, "the name of a tabular endpoint such as churn");
        }
        Names.endpoint(endpoint);
        if (RESERVED.contains(endpoint)) {
            throw new NotFoundException("endpoint '" + endpoint + "' does not serve tabular predictions"
                    + (endpoint.equals("dropoff") ? "; use POST /api/v1/dropoff/predict" : ""));
        }
        ModelServer<TabularModel> s = servers.get(endpoint);
        if (s != null) {
            return s;
        }
        registry.endpoint(endpoint); // an unknown endpoint is a 404, and no server is made for it
        return servers.computeIfAbsent(endpoint, e -> ModelServer.following(registry, e, ModelLoaders.TABULAR, poll));
    }

    private static List<Map<String, Object>> rows(JsonNode body) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new InvalidInputException("request body must be a JSON object (one row) or a list of objects");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (body.isObject()) {
            rows.add(row(body, null));
        } else {
            if (body.isEmpty()) {
                throw InvalidInputException.of("rows", 0, "at least one row");
            }
            if (body.size() > MAX_ROWS) {
                throw InvalidInputException.of("rows", body.size(), "at most " + MAX_ROWS
                        + " per request (use POST /api/v1/batch-predict for more)");
            }
            for (int k = 0; k < body.size(); k++) {
                if (!body.get(k).isObject()) {
                    throw InvalidInputException.of("row " + k, body.get(k).toString(), "a JSON object");
                }
                rows.add(row(body.get(k), k));
            }
        }
        return rows;
    }

    private static Map<String, Object> row(JsonNode o, Integer index) {
        Map<String, Object> m = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            Object value;
            if (v.isNull()) {
                value = null;
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else if (v.isNumber()) {
                value = v.isIntegralNumber() ? (Object) v.longValue() : (Object) v.doubleValue();
            } else if (v.isTextual()) {
                value = v.textValue();
            } else {
                throw InvalidInputException.of((index == null ? "" : "row " + index + ": ") + "field " + e.getKey(),
                        v.toString(), "a number, a string, a boolean or null");
            }
            m.put(e.getKey(), value);
        }
        return m;
    }

    @Override
    public void close() {
        servers.values().forEach(ModelServer::close);
        servers.clear();
    }
}
