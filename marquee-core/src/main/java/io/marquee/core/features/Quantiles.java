package io.marquee.core.features;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Sample quantiles as the transforms learn them. */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * Quantile {@code q} of sorted values, interpolating linearly between order statistics at
     * position {@code q·(n − 1)} (Hyndman and Fan's type 7, the default of R and NumPy);
     * {@code NaN} for no values.
     */
    public static double ofSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The values that are not {@code NaN}, in order (a new array). */
    public static double[] present(double[] values) {
        int n = 0;
        for (double x : values) {
            n += Double.isNaN(x) ? 0 : 1;
        }
        double[] out = new double[n];
        int k = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                out[k++] = x;
            }
        }
        return out;
    }

    /**
     * The sorted values of a seeded sample without replacement of at most {@code max} of
     * {@code values} (all of them, sorted, when there are no more than {@code max}). The sample is a
     * partial Fisher–Yates shuffle driven by {@code SplittableRandom(seed)}.
     */
    public static double[] sortedSample(double[] values, int max, long seed) {
        double[] a = values.clone();
        if (a.length > max) {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int k = 0; k < max; k++) {
                int j = k + rnd.nextInt(a.length - k);
                double t = a[k];
                a[k] = a[j];
                a[j] = t;
            }
            a = Arrays.copyOf(a, max);
        }
        Arrays.sort(a);
        return a;
    }
}
