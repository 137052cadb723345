package io.marquee.predict.tabular;

import io.marquee.predict.metrics.MeanStd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imbalance strategies compared side by side on the same folds: for each strategy the mean ±
 * standard deviation of every test metric.
 *
 * @param source what was evaluated
 * @param rows   per strategy name, its experiment result
 */
public record ImbalanceComparison(String source, Map<String, ExperimentResult> rows) {
    public ImbalanceComparison {
        rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** JSON-friendly form: strategy → metric → {mean, std}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        Map<String, Object> s = new LinkedHashMap<>();
        rows.forEach((name, r) -> {
            Map<String, Object> metrics = new LinkedHashMap<>();
            r.summary().forEach((k, v) -> metrics.put(k, v.toMap()));
            s.put(name, metrics);
        });
        m.put("strategies", s);
        return m;
    }

    /** A Markdown table of the main metrics (means over folds, ± std for ROC-AUC and F1). */
    public String toMarkdown() {
        List<String> cols = List.of("roc_auc", "pr_auc", "log_loss", "brier", "ece", "threshold", "precision", "recall",
                "f1");
        StringBuilder sb = new StringBuilder("| strategy | ROC-AUC | PR-AUC | log-loss | Brier | ECE | threshold |"
                + " precision | recall | F1 |\n|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach((name, r) -> {
            Map<String, MeanStd> s = r.summary();
            sb.append("| ").append(name);
            for (String c : cols) {
                MeanStd v = s.get(c);
                sb.append(" | ").append(String.format(Locale.ROOT, "%.4f", v.mean()));
                if (c.equals("roc_auc") || c.equals("f1")) {
                    sb.append(String.format(Locale.ROOT, " ± %.3f", v.std()));
                }
            }
            sb.append(" |\n");
        });
        return sb.toString();
    }
}
