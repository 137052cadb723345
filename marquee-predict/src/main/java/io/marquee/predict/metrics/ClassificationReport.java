package io.marquee.predict.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every metric of a set of probability predictions at one decision threshold: the threshold-free
 * ones (ROC-AUC, PR-AUC, log-loss, Brier, reliability) and the ones of the decision
 * (accuracy, precision, recall, F1, confusion matrix).
 */
public record ClassificationReport(long n, long positives, double threshold, double accuracy, double precision,
                                   double recall, double f1, double rocAuc, double prAuc, double logLoss,
                                   double brier, double ece, ConfusionMatrix confusion,
                                   List<ReliabilityBin> reliability) {
    public ClassificationReport {
        reliability = List.copyOf(reliability);
    }

    /** All metrics of {@code p} against {@code y}, rows with {@code p >= threshold} called positive. */
    public static ClassificationReport of(double[] p, boolean[] y, double threshold) {
        ConfusionMatrix cm = Metrics.confusion(p, y, threshold);
        ReliabilityBin[] bins = Metrics.reliability(p, y, 10);
        return new ClassificationReport(p.length, cm.tp() + cm.fn(), threshold, cm.accuracy(), cm.precision(),
                cm.recall(), cm.f1(), Metrics.rocAuc(p, y), Metrics.averagePrecision(p, y), Metrics.logLoss(p, y),
                Metrics.brier(p, y), Metrics.expectedCalibrationError(bins), cm, List.of(bins));
    }

    /** The scalar metrics by name (the keys used in JSON and in averages over folds). */
    public Map<String, Double> scalars() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", f1);
        m.put("roc_auc", rocAuc);
        m.put("pr_auc", prAuc);
        m.put("log_loss", logLoss);
        m.put("brier", brier);
        m.put("ece", ece);
        m.put("threshold", threshold);
        return m;
    }

    /** JSON-friendly form (NaN as null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("positives", positives);
        for (Map.Entry<String, Double> e : scalars().entrySet()) {
            m.put(e.getKey(), Double.isNaN(e.getValue()) ? null : e.getValue());
        }
        m.put("confusion", confusion.toMap());
        List<Map<String, Object>> bins = new ArrayList<>();
        for (ReliabilityBin b : reliability) {
            bins.add(b.toMap());
        }
        m.put("reliability", bins);
        return m;
    }
}
