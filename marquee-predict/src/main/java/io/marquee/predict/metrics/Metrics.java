package io.marquee.predict.metrics;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * Binary classification metrics on predicted probabilities {@code p} and labels {@code y}
 * ({@code true} = positive). Stateless static functions; {@link ClassificationReport#of} gathers
 * them all.
 */
public final class Metrics {
    /** Probabilities are clipped to [EPS, 1 − EPS] in the log-loss, as scikit-learn does. */
    public static final double EPS = 1e-15;

    private Metrics() {
    }

    /**
     * Exact ROC-AUC by the Mann–Whitney statistic with average ranks: a positive scored above a
     * negative counts 1, a tie counts ½. NaN when one class is absent.
     */
    public static double rocAuc(double[] p, boolean[] y) {
        check(p, y);
        int n = p.length;
        int[] order = sortedIndices(p);
        long pos = 0;
        double rankSumPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (y[order[k]]) {
                    pos++;
                    rankSumPos += avgRank;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * Average precision (the area under the precision–recall curve as scikit-learn computes it):
     * Σ (Rₖ − Rₖ₋₁) Pₖ over the distinct score thresholds from high to low, tied scores taken
     * together. NaN when there is no positive.
     */
    public static double averagePrecision(double[] p, boolean[] y) {
        check(p, y);
        int n = p.length;
        int[] order = sortedIndices(p);
        long totalPos = 0;
        for (boolean b : y) {
            totalPos += b ? 1 : 0;
        }
        if (totalPos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long fp = 0;
        double prevRecall = 0;
        int i = n - 1; // highest score first
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && p[order[j - 1]] == p[order[i]]) {
                j--;
            }
            for (int k = j; k <= i; k++) {
                if (y[order[k]]) {
                    tp++;
                } else {
                    fp++;
                }
            }
            double recall = (double) tp / totalPos;
            double precision = (double) tp / (tp + fp);
            ap += (recall - prevRecall) * precision;
            prevRecall = recall;
            i = j - 1;
        }
        return ap;
    }

    /** Mean negative log-likelihood, probabilities clipped to [{@link #EPS}, 1 − EPS]. */
    public static double logLoss(double[] p, boolean[] y) {
        check(p, y);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - EPS, Math.max(EPS, p[i]));
            sum -= y[i] ? Math.log(q) : Math.log1p(-q);
        }
        return sum / p.length;
    }

    /** Mean squared difference between probability and outcome. */
    public static double brier(double[] p, boolean[] y) {
        check(p, y);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - (y[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / p.length;
    }

    /** The confusion matrix when rows with {@code p >= threshold} are called positive. */
    public static ConfusionMatrix confusion(double[] p, boolean[] y, double threshold) {
        check(p, y);
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean called = p[i] >= threshold;
            if (called && y[i]) {
                tp++;
            } else if (called) {
                fp++;
            } else if (y[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /**
     * Reliability diagram over {@code bins} equal-width probability bins ([0, 0.1), …, [0.9, 1]
     * for 10): per bin the count, the mean predicted probability and the observed positive rate
     * (NaN for an empty bin).
     */
    public static ReliabilityBin[] reliability(double[] p, boolean[] y, int bins) {
        check(p, y);
        if (bins < 1) {
            throw InvalidInputException.of("bins", bins, "at least 1");
        }
        long[] count = new long[bins];
        double[] sumP = new double[bins];
        long[] pos = new long[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(p[i] * bins)));
            count[b]++;
            sumP[b] += p[i];
            pos[b] += y[i] ? 1 : 0;
        }
        ReliabilityBin[] out = new ReliabilityBin[bins];
        for (int b = 0; b < bins; b++) {
            out[b] = new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b],
                    count[b] == 0 ? Double.NaN : sumP[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) pos[b] / count[b]);
        }
        return out;
    }

    /** Expected calibration error: Σ (countᵦ / n) · |mean predictedᵦ − observedᵦ| over the bins. */
    public static double expectedCalibrationError(ReliabilityBin[] bins) {
        long n = 0;
        double sum = 0;
        for (ReliabilityBin b : bins) {
            n += b.count();
            if (b.count() > 0) {
                sum += b.count() * Math.abs(b.meanPredicted() - b.observedRate());
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Row indices sorted by ascending score (stable). */
    static int[] sortedIndices(double[] p) {
        int n = p.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double[] keys = p.clone();
        mergeSort(idx, keys, new int[n], new double[n], 0, n);
        return idx;
    }

    private static void mergeSort(int[] idx, double[] key, int[] tmpI, double[] tmpK, int from, int to) {
        if (to - from < 2) {
            return;
        }
        if (to - from <= 32) {
            for (int i = from + 1; i < to; i++) {
                int vi = idx[i];
                double vk = key[i];
                int j = i - 1;
                while (j >= from && Double.compare(key[j], vk) > 0) {
                    idx[j + 1] = idx[j];
                    key[j + 1] = key[j];
                    j--;
                }
                idx[j + 1] = vi;
                key[j + 1] = vk;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(idx, key, tmpI, tmpK, from, mid);
        mergeSort(idx, key, tmpI, tmpK, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (Double.compare(key[i], key[j]) <= 0) {
                tmpI[k] = idx[i];
                tmpK[k++] = key[i++];
            } else {
                tmpI[k] = idx[j];
                tmpK[k++] = key[j++];
            }
        }
        while (i < mid) {
            tmpI[k] = idx[i];
            tmpK[k++] = key[i++];
        }
        while (j < to) {
            tmpI[k] = idx[j];
            tmpK[k++] = key[j++];
        }
        System.arraycopy(tmpI, from, idx, from, to - from);
        System.arraycopy(tmpK, from, key, from, to - from);
    }

    static void check(double[] p, boolean[] y) {
        if (p.length != y.length) {
            throw InvalidInputException.of("number of predictions", p.length, "the " + y.length + " labels");
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw InvalidInputException.of("probability at row " + i, p[i], "in [0, 1]");
            }
        }
    }
}
