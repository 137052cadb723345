package io.marquee.predict.tabular;

import io.marquee.predict.metrics.ClassificationReport;
import io.marquee.predict.metrics.MeanStd;
import io.marquee.predict.metrics.ReliabilityBin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a stratified k-fold evaluation: the metrics of every test fold (each at the
 * threshold chosen on that fold's validation rows), their mean ± standard deviation, and the
 * threshold-free metrics and reliability of all out-of-fold predictions pooled.
 *
 * @param source   what was evaluated (file name)
 * @param target   the target column
 * @param positive the positive label
 * @param rows     rows in the data
 * @param positives positive rows
 * @param options  the training options, as a map
 * @param folds    per-fold test reports
 * @param pooled   threshold-free metrics of the pooled out-of-fold predictions
 * @param calibrators the calibration chosen in each fold ({@code none}, {@code platt}, {@code isotonic})
 * @param notes    schema inference notes and other remarks
 * @param seconds  wall time
 */
public record ExperimentResult(String source, String target, String positive, long rows, long positives,
                               Map<String, Object> options, List<ClassificationReport> folds,
                               ClassificationReport pooled, List<String> calibrators, List<String> notes,
                               double seconds) {
    public ExperimentResult {
        folds = List.copyOf(folds);
        calibrators = List.copyOf(calibrators);
        notes = List.copyOf(notes);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Mean ± standard deviation of each scalar metric over the folds. */
    public Map<String, MeanStd> summary() {
        List<Map<String, Double>> s = new ArrayList<>();
        for (ClassificationReport r : folds) {
            s.add(r.scalars());
        }
        return MeanStd.over(s);
    }

    /** The mean of one metric ({@code roc_auc}, {@code f1}, {@code brier}, …) over the folds. */
    public double mean(String metric) {
        MeanStd m = summary().get(metric);
        return m == null ? Double.NaN : m.mean();
    }

    /** JSON-friendly form, for {@code marquee evaluate classifier --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("target", target);
        m.put("positive", positive);
        m.put("rows", rows);
        m.put("positives", positives);
        m.put("options", options);
        m.put("folds", folds.size());
        Map<String, Object> mean = new LinkedHashMap<>();
        summary().forEach((k, v) -> mean.put(k, v.toMap()));
        m.put("summary", mean);
        List<Map<String, Object>> per = new ArrayList<>();
        for (ClassificationReport r : folds) {
            per.add(r.toMap());
        }
        m.put("per_fold", per);
        m.put("calibration_per_fold", calibrators);
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("roc_auc", pooled.rocAuc());
        pool.put("pr_auc", pooled.prAuc());
        pool.put("log_loss", pooled.logLoss());
        pool.put("brier", pooled.brier());
        pool.put("ece", pooled.ece());
        List<Map<String, Object>> bins = new ArrayList<>();
        for (ReliabilityBin b : pooled.reliability()) {
            bins.add(b.toMap());
        }
        pool.put("reliability", bins);
        m.put("pooled_out_of_fold", pool);
        m.put("notes", notes);
        m.put("seconds", seconds);
        return m;
    }
}
