package io.marquee.predict.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean and sample standard deviation of a metric over folds.
 *
 * @param mean mean over the folds (NaN values skipped)
 * @param std  sample standard deviation (n − 1), 0 for one fold
 * @param n    number of non-NaN values
 */
public record MeanStd(double mean, double std, int n) {
    /** Mean and standard deviation of the values. */
    public static MeanStd of(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new MeanStd(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new MeanStd(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n);
    }

    /** Per metric name, mean and std over a list of per-fold scalar maps. */
    public static Map<String, MeanStd> over(List<Map<String, Double>> folds) {
        Map<String, MeanStd> out = new LinkedHashMap<>();
        if (folds.isEmpty()) {
            return out;
        }
        for (String key : folds.get(0).keySet()) {
            double[] v = new double[folds.size()];
            for (int k = 0; k < v.length; k++) {
                Double d = folds.get(k).get(key);
                v[k] = d == null ? Double.NaN : d;
            }
            out.put(key, of(v));
        }
        return out;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", Double.isNaN(mean) ? null : mean);
        m.put("std", Double.isNaN(std) ? null : std);
        return m;
    }

    @Override
    public String toString() {
        return String.format("%.4f ± %.4f", mean, std);
    }
}
