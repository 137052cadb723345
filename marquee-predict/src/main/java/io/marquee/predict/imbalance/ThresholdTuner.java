package io.marquee.predict.imbalance;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * Chooses a decision threshold on validation probabilities. Rows with {@code p >= threshold} are
 * called positive. Every distinct score is a candidate cut; the chosen threshold is the midpoint
 * between the cut's score and the next lower distinct score, so that the validation decisions are
 * exactly those of the best cut while unseen scores in between fall on the side of the nearer one.
 * Ties in the objective go to the higher threshold.
 */
public final class ThresholdTuner {
    private ThresholdTuner() {
    }

    /**
     * The result of tuning.
     *
     * @param threshold the chosen threshold
     * @param objective the objective's value on the validation rows at that threshold
     */
    public record Choice(double threshold, double objective) {
    }

    /** The threshold of a policy; {@link ThresholdPolicy#FIXED} gives 0.5 without looking at the data. */
    public static Choice tune(double[] p, boolean[] y, ThresholdPolicy policy) {
        if (p.length != y.length) {
            throw InvalidInputException.of("number of probabilities", p.length, "the " + y.length + " labels");
        }
        if (policy == ThresholdPolicy.FIXED || p.length == 0) {
            return new Choice(0.5, Double.NaN);
        }
        int n = p.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[b], p[a]));
        long totalPos = 0;
        for (boolean b : y) {
            totalPos += b ? 1 : 0;
        }
        long totalNeg = n - totalPos;
        long tp = 0;
        long fp = 0;
        double best = Double.NEGATIVE_INFINITY;
        double bestThreshold = 0.5;
        int i = 0;
        while (i < n) {
            double s = p[idx[i]];
            int j = i;
            while (j < n && p[idx[j]] == s) {
                if (y[idx[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            double value;
            if (policy == ThresholdPolicy.F1) {
                long fn = totalPos - tp;
                value = 2.0 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            } else {
                double tpr = totalPos == 0 ? 0 : (double) tp / totalPos;
                double fpr = totalNeg == 0 ? 0 : (double) fp / totalNeg;
                value = tpr - fpr;
            }
            if (value > best + 1e-12) { // ties (within rounding) keep the higher threshold
                best = value;
                double next = j < n ? p[idx[j]] : s;
                bestThreshold = j < n ? (s + next) / 2 : s;
            }
            i = j;
        }
        return new Choice(bestThreshold, best);
    }
}
