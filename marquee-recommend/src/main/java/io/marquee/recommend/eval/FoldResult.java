package io.marquee.recommend.eval;

import io.marquee.core.error.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one fold.
 *
 * @param fold           0-based fold number
 * @param trainSize      training ratings
 * @param testSize       test ratings
 * @param values         metric id → value, in the order asked (NaN when no user contributed)
 * @param fitSeconds     wall time of training
 * @param predictSeconds wall time of scoring, ranking and predicting for all test users
 * @param usersWithTest  users with at least one test rating (each got a list)
 * @param usersEvaluated those with at least one relevant test item (fed to the accuracy metrics)
 * @param usersSkipped   those without a relevant test item, skipped by the accuracy metrics
 */
public record FoldResult(int fold, int trainSize, int testSize, Map<String, Double> values, double fitSeconds,
                         double predictSeconds, int usersWithTest, int usersEvaluated, int usersSkipped) {
    public FoldResult {
        if (fold < 0) {
            throw InvalidInputException.of("fold", fold, "at least 0");
        }
        if (usersEvaluated + usersSkipped != usersWithTest || usersEvaluated < 0 || usersSkipped < 0) {
            throw new InvalidInputException("usersEvaluated (" + usersEvaluated + ") + usersSkipped (" + usersSkipped
                    + ") must equal usersWithTest (" + usersWithTest + ")");
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A metric's value in this fold. */
    public double value(String metricId) {
        Double v = values.get(metricId);
        if (v == null) {
            throw new InvalidInputException("metric '" + metricId + "' was not computed; computed: " + values.keySet());
        }
        return v;
    }

    /** For JSON (NaN becomes null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fold", fold);
        m.put("train_ratings", trainSize);
        m.put("test_ratings", testSize);
        m.put("fit_seconds", Evaluation.finite(fitSeconds));
        m.put("predict_seconds", Evaluation.finite(predictSeconds));
        m.put("users_with_test", usersWithTest);
        m.put("users_evaluated", usersEvaluated);
        m.put("users_skipped_no_relevant", usersSkipped);
        Map<String, Object> v = new LinkedHashMap<>();
        values.forEach((k, x) -> v.put(k, Evaluation.finite(x)));
        m.put("values", v);
        return m;
    }
}
