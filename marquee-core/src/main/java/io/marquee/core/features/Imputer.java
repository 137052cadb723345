package io.marquee.core.features;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * Learned imputation: a missing value ({@code NaN}) of column {@code c} becomes {@code fill(c)},
 * learned from the training rows (their median or their mode). Immutable.
 */
public final class Imputer {
    private final double[] fill;

    private Imputer(double[] fill) {
        for (int c = 0; c < fill.length; c++) {
            if (!Double.isFinite(fill[c])) {
                throw InvalidInputException.of("imputation value of column " + c, fill[c], "finite");
            }
        }
        this.fill = fill;
    }

    /** An imputer from stored values, one per column. */
    public static Imputer of(double... fill) {
        return new Imputer(fill.clone());
    }

    /**
     * Fills with each column's median over its present training values, estimated from a seeded
     * sample of at most {@code quantileSample} values (column {@code c} sampled with seed
     * {@code seed + c}); 0 for a column without any present value.
     */
    public static Imputer median(NumericColumns x, int quantileSample, long seed) {
        double[] fill = new double[x.columns()];
        for (int c = 0; c < fill.length; c++) {
            double[] sorted = Quantiles.sortedSample(Quantiles.present(x.column(c)), quantileSample, seed + c);
            fill[c] = sorted.length == 0 ? 0 : Quantiles.ofSorted(sorted, 0.5);
        }
        return new Imputer(fill);
    }

    /**
     * Fills with each column's most frequent present training value (ties: the smallest, so a 0/1
     * column fills with 1 only when 1 is strictly more frequent); 0 for a column without any.
     */
    public static Imputer mode(NumericColumns x) {
        double[] fill = new double[x.columns()];
        for (int c = 0; c < fill.length; c++) {
            double[] v = Quantiles.present(x.column(c));
            Arrays.sort(v);
            double best = 0;
            int bestRun = 0;
            for (int i = 0; i < v.length; ) {
                int j = i;
                while (j < v.length && v[j] == v[i]) {
                    j++;
                }
                if (j - i > bestRun) {
                    bestRun = j - i;
                    best = v[i];
                }
                i = j;
            }
            fill[c] = best;
        }
        return new Imputer(fill);
    }

    public int columns() {
        return fill.length;
    }

    public double fill(int c) {
        return fill[c];
    }

    /** A copy of the fill values. */
    public double[] fill() {
        return fill.clone();
    }

    /** {@code v}, or the column's fill value when {@code v} is missing. */
    public double apply(int c, double v) {
        return Double.isNaN(v) ? fill[c] : v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Imputer i && Arrays.equals(i.fill, fill);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fill);
    }

    @Override
    public String toString() {
        return "Imputer" + Arrays.toString(fill);
    }
}
