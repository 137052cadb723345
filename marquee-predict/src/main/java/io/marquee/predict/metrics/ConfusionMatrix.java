package io.marquee.predict.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of a binary decision against the truth, and the rates derived from them.
 *
 * @param tp positives called positive
 * @param fp negatives called positive
 * @param tn negatives called negative
 * @param fn positives called negative
 */
public record ConfusionMatrix(long tp, long fp, long tn, long fn) {
    public long total() {
        return tp + fp + tn + fn;
    }

    public double accuracy() {
        return total() == 0 ? Double.NaN : (double) (tp + tn) / total();
    }

    /** tp / (tp + fp); 0 when nothing is called positive (scikit-learn's zero_division=0). */
    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    /** tp / (tp + fn), the true-positive rate; NaN without positives. */
    public double recall() {
        return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }

    /** 2tp / (2tp + fp + fn); 0 when there is no positive call and no positive. */
    public double f1() {
        long d = 2 * tp + fp + fn;
        return d == 0 ? 0 : 2.0 * tp / d;
    }

    /** fp / (fp + tn); NaN without negatives. */
    public double falsePositiveRate() {
        return fp + tn == 0 ? Double.NaN : (double) fp / (fp + tn);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tp", tp);
        m.put("fp", fp);
        m.put("tn", tn);
        m.put("fn", fn);
        return m;
    }
}
