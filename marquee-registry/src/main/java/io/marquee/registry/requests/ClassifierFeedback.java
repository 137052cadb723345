package io.marquee.registry.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.core.store.Database;
import io.marquee.predict.metrics.Metrics;
import io.marquee.registry.Json;
import io.marquee.registry.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live accuracy of classifiers from the request log and feedback: accuracy, Brier score and
 * ROC-AUC per version, for drop-off predictions ({@code operation = dropoff}; feedback
 * {@code watched: false} means the viewer dropped out, the positive class) and for tabular
 * endpoints ({@code operation = classify}; feedback {@code label} is the actual class, compared
 * with the {@code positive_label} and {@code negative_label} the prediction was logged with).
 *
 * <p>AUC needs every outcome sorted by probability, which SQL cannot do portably, so the joined
 * rows (probability, predicted label, outcome) are read and the figures computed here.
 */
public final class ClassifierFeedback {
    /** Operation of a tabular classifier's prediction; {@code predicted} is the positive class's probability. */
    public static final String CLASSIFY = "classify";
    /** Outcomes of each class needed before ROC-AUC is reported. */
    public static final int MIN_FOR_AUC = 5;

    private ClassifierFeedback() {
    }

    /** Per version and operation of the endpoint, from requests logged since {@code since} (null: all). */
    public static List<ClassifierAccuracy> live(Database db, String endpoint, Instant since) {
        Names.endpoint(endpoint);
        long from = since == null ? Long.MIN_VALUE : since.toEpochMilli();
        record Key(Long version, String operation) {
        }
        final class Acc {
            final List<double[]> rows = new ArrayList<>(); // probability, outcome, right
        }
        Map<Key, Acc> byKey = new LinkedHashMap<>();
        db.withHandle(h -> h.createQuery("SELECT r.version_id, r.operation, r.predicted, r.output, f.watched, f.label"
                        + " FROM request_feedback f JOIN request_log r ON r.request_id = f.request_id"
                        + " WHERE r.endpoint = :e AND r.requested_at_ms >= :from AND r.predicted IS NOT NULL"
                        + " AND r.operation IN ('" + RequestRecord.DROPOFF + "', '" + CLASSIFY + "')"
                        + " ORDER BY r.version_id, r.operation")
                .bind("e", endpoint).bind("from", from)
                .map((rs, ctx) -> {
                    long v = rs.getLong(1);
                    Long version = rs.wasNull() ? null : v;
                    String op = rs.getString(2);
                    double p = rs.getDouble(3);
                    JsonNode out = parse(rs.getString(4));
                    boolean w = rs.getBoolean(5);
                    Boolean watched = rs.wasNull() ? null : w;
                    String label = rs.getString(6);
                    String predictedLabel = out.path("label").asText(null);
                    Boolean positive;
                    if (RequestRecord.DROPOFF.equals(op)) {
                        positive = watched == null ? null : !watched;
                    } else {
                        positive = label == null ? null
                                : label.trim().equalsIgnoreCase(out.path("positive_label").asText("\u0000")) ? Boolean.TRUE
                                : label.trim().equalsIgnoreCase(out.path("negative_label").asText("\u0000")) ? Boolean.FALSE
                                : null;
                    }
                    if (positive != null) {
                        boolean predictedPositive = RequestRecord.DROPOFF.equals(op)
                                ? "drop_off".equals(predictedLabel)
                                : predictedLabel != null && predictedLabel.equals(out.path("positive_label").asText());
                        byKey.computeIfAbsent(new Key(version, op), k -> new Acc()).rows.add(new double[] {
                            p, positive ? 1 : 0, predictedPositive == positive ? 1 : 0});
                    }
                    return 0;
                }).list());
        List<ClassifierAccuracy> result = new ArrayList<>();
        byKey.forEach((k, acc) -> {
            int n = acc.rows.size();
            double[] p = new double[n];
            boolean[] y = new boolean[n];
            long positives = 0;
            long right = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double[] r = acc.rows.get(i);
                p[i] = r[0];
                y[i] = r[1] == 1;
                positives += y[i] ? 1 : 0;
                right += (long) r[2];
                sq += (r[0] - r[1]) * (r[0] - r[1]);
            }
            Double auc = positives >= MIN_FOR_AUC && n - positives >= MIN_FOR_AUC ? Metrics.rocAuc(p, y) : null;
            result.add(new ClassifierAccuracy(endpoint, k.version(), k.operation(), n, positives,
                    n == 0 ? null : (double) right / n, n == 0 ? null : sq / n, auc));
        });
        return result;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            return Json.mapper().createObjectNode();
        }
    }
}
