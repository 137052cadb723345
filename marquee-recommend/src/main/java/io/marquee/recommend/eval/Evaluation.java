package io.marquee.recommend.eval;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelProvenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of evaluating one algorithm: metric id → value (mean over folds) with the sample
 * standard deviation and the per-fold values, plus everything needed to reproduce and compare
 * it — the algorithm and its params, the split, the protocol, the data, timings and the users
 * evaluated or skipped. Immutable; {@link #toMap()} gives a JSON-ready tree.
 *
 * @param algorithm   algorithm name, e.g. {@code mf}
 * @param params      its hyperparameters (name → value)
 * @param split       the split, described
 * @param protocol    candidate set and relevance rule
 * @param data        the data evaluated on
 * @param values      metric id → mean over folds, in the order asked (NaN when undefined)
 * @param std         metric id → sample standard deviation over folds (n − 1; NaN with one fold)
 * @param omitted     metric id → why it was not computed (e.g. the model predicts no ratings)
 * @param folds       per-fold results
 * @param codeVersion Marquee version
 * @param evaluatedAt when the evaluation finished
 */
public record Evaluation(String algorithm, Map<String, Object> params, String split, Protocol protocol,
                         DataSummary data, Map<String, Double> values, Map<String, Double> std,
                         Map<String, String> omitted, List<FoldResult> folds, String codeVersion,
                         Instant evaluatedAt) {
    /**
     * The data an evaluation ran on.
     *
     * @param ratings     entries
     * @param users       users in the index
     * @param items       items in the index
     * @param fingerprint {@link io.marquee.core.data.Interactions#fingerprint()}
     */
    public record DataSummary(int ratings, int users, int items, String fingerprint) {
    }

    public Evaluation {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(data, "data");
        if (folds == null || folds.isEmpty()) {
            throw InvalidInputException.of("folds", folds, "at least one fold result");
        }
        if (!values.keySet().equals(std.keySet())) {
            throw new InvalidInputException("values and std must name the same metrics, were " + values.keySet()
                    + " and " + std.keySet());
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        std = Collections.unmodifiableMap(new LinkedHashMap<>(std));
        omitted = Collections.unmodifiableMap(new LinkedHashMap<>(omitted));
        folds = List.copyOf(folds);
    }

    /** An evaluation whose means and standard deviations are computed from the folds. */
    public static Evaluation of(String algorithm, Map<String, Object> params, String split, Protocol protocol,
                                DataSummary data, List<String> metricIds, Map<String, String> omitted,
                                List<FoldResult> folds) {
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> std = new LinkedHashMap<>();
        for (String id : metricIds) {
            if (omitted.containsKey(id)) {
                continue;
            }
            double[] v = new double[folds.size()];
            for (int f = 0; f < v.length; f++) {
                v[f] = folds.get(f).value(id);
            }
            mean.put(id, mean(v));
            std.put(id, sampleStd(v));
        }
        return new Evaluation(algorithm, params, split, protocol, data, mean, std, omitted, folds,
                ModelProvenance.currentCodeVersion(), Instant.now());
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n − 1 denominator); NaN for fewer than two values. */
    static double sampleStd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** A metric's mean over folds. */
    public double value(String metricId) {
        Double v = values.get(metricId);
        if (v == null) {
            throw new InvalidInputException("metric '" + metricId + "' is not in this evaluation"
                    + (omitted.containsKey(metricId) ? " (omitted: " + omitted.get(metricId) + ")" : "")
                    + "; it has " + values.keySet());
        }
        return v;
    }

    /** A metric's sample standard deviation over folds (NaN with one fold). */
    public double std(String metricId) {
        value(metricId);
        return std.get(metricId);
    }

    /** Users with at least one test rating, summed over folds. */
    public int usersWithTest() {
        return folds.stream().mapToInt(FoldResult::usersWithTest).sum();
    }

    /** Users fed to the accuracy metrics, summed over folds. */
    public int usersEvaluated() {
        return folds.stream().mapToInt(FoldResult::usersEvaluated).sum();
    }

    /** Users skipped by the accuracy metrics for want of a relevant test item, summed over folds. */
    public int usersSkipped() {
        return folds.stream().mapToInt(FoldResult::usersSkipped).sum();
    }

    /** Plain-language notes on how to read the numbers. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        List<String> accuracy = new ArrayList<>();
        for (String id : values.keySet()) {
            if (isAccuracyMetric(id)) {
                accuracy.add(id);
            }
        }
        if (!accuracy.isEmpty()) {
            notes.add(String.join(", ", accuracy) + " average over users with at least one relevant test item: "
                    + usersEvaluated() + " user-folds evaluated, " + usersSkipped() + " of " + usersWithTest()
                    + " skipped because none of their test items is relevant (" + protocol.relevanceRule() + ").");
        }
        notes.add(folds.size() == 1 ? "One fold: std is undefined (null)."
                : "Values are means over " + folds.size() + " folds; std is the sample standard deviation (n - 1).");
        omitted.forEach((id, why) -> notes.add(id + " was not computed: " + why + "."));
        return notes;
    }

    /** Whether an id names one of the built-in accuracy metrics (custom metric ids are not). */
    private static boolean isAccuracyMetric(String id) {
        try {
            return Metrics.parseOne(id).kind() == Metric.Kind.ACCURACY;
        } catch (InvalidInputException notBuiltIn) {
            return false;
        }
    }

    /** A JSON-ready tree (maps, lists, strings, numbers; NaN becomes null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm);
        m.put("params", params);
        m.put("split", split);
        m.put("protocol", protocol.toMap());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ratings", data.ratings());
        d.put("users", data.users());
        d.put("items", data.items());
        d.put("fingerprint", data.fingerprint());
        m.put("data", d);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String id : values.keySet()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("mean", finite(values.get(id)));
            one.put("std", finite(std.get(id)));
            List<Object> perFold = new ArrayList<>();
            for (FoldResult f : folds) {
                perFold.add(finite(f.value(id)));
            }
            one.put("folds", perFold);
            metrics.put(id, one);
        }
        m.put("metrics", metrics);
        m.put("omitted", omitted);
        Map<String, Object> users = new LinkedHashMap<>();
        users.put("with_test", usersWithTest());
        users.put("evaluated", usersEvaluated());
        users.put("skipped_no_relevant", usersSkipped());
        m.put("users", users);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("fit_seconds_mean", finite(folds.stream().mapToDouble(FoldResult::fitSeconds).average().orElse(0)));
        timing.put("predict_seconds_mean",
                finite(folds.stream().mapToDouble(FoldResult::predictSeconds).average().orElse(0)));
        m.put("timing", timing);
        List<Object> f = new ArrayList<>();
        for (FoldResult r : folds) {
            f.add(r.toMap());
        }
        m.put("folds", f);
        m.put("notes", notes());
        m.put("code_version", codeVersion);
        m.put("evaluated_at", evaluatedAt == null ? null : evaluatedAt.toString());
        return m;
    }

    /** The value, or null when it is NaN or infinite (JSON has no such numbers). */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
