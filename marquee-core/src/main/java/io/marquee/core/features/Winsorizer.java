package io.marquee.core.features;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * Learned-quantile winsorizing: a value of column {@code c} is clipped to
 * {@code [low(c), high(c)]}, bounds learned as quantiles of the present training values. A bound
 * may be infinite (no clipping on that side). A missing value ({@code NaN}) passes unchanged.
 * Immutable.
 */
public final class Winsorizer {
    private final double[] low;
    private final double[] high;

    private Winsorizer(double[] low, double[] high) {
        if (low.length != high.length) {
            throw new InvalidInputException("winsorizer: " + low.length + " lower bounds but " + high.length
                    + " upper bounds");
        }
        for (int c = 0; c < low.length; c++) {
            if (Double.isNaN(low[c]) || Double.isNaN(high[c]) || low[c] > high[c]) {
                throw new InvalidInputException("winsorizer: bounds of column " + c + " must satisfy low <= high, were ["
                        + low[c] + ", " + high[c] + "]");
            }
        }
        this.low = low;
        this.high = high;
    }

    /** A winsorizer from stored bounds. */
    public static Winsorizer of(double[] low, double[] high) {
        return new Winsorizer(low.clone(), high.clone());
    }

    /**
     * Learns the bounds as the {@code lowerQuantile} and {@code upperQuantile} quantiles
     * ({@link Quantiles#ofSorted}) of each column's present values, estimated from a seeded sample
     * of at most {@code quantileSample} values (column {@code c} with seed {@code seed + c}). A
     * lower quantile of 0 or an upper quantile of 1 means no clipping on that side; a column
     * without any present value gets {@code [0, 0]}.
     */
    public static Winsorizer fit(NumericColumns x, double lowerQuantile, double upperQuantile, int quantileSample,
                                 long seed) {
        NumericTransformParams.checkQuantiles(lowerQuantile, upperQuantile);
        double[] low = new double[x.columns()];
        double[] high = new double[x.columns()];
        for (int c = 0; c < low.length; c++) {
            double[] sorted = Quantiles.sortedSample(Quantiles.present(x.column(c)), quantileSample, seed + c);
            low[c] = bound(sorted, lowerQuantile, 0, Double.NEGATIVE_INFINITY);
            high[c] = bound(sorted, upperQuantile, 1, Double.POSITIVE_INFINITY);
        }
        return new Winsorizer(low, high);
    }

    /** The bound at quantile {@code q} of sorted present values; {@code none} when q is {@code open}. */
    static double bound(double[] sorted, double q, double open, double none) {
        if (sorted.length == 0) {
            return 0;
        }
        return q == open ? none : Quantiles.ofSorted(sorted, q);
    }

    public int columns() {
        return low.length;
    }

    public double low(int c) {
        return low[c];
    }

    public double high(int c) {
        return high[c];
    }

    /** A copy of the lower bounds. */
    public double[] low() {
        return low.clone();
    }

    /** A copy of the upper bounds. */
    public double[] high() {
        return high.clone();
    }

    /** {@code v} clipped to the column's bounds ({@code NaN} stays {@code NaN}). */
    public double apply(int c, double v) {
        return v < low[c] ? low[c] : (v > high[c] ? high[c] : v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Winsorizer w && Arrays.equals(w.low, low) && Arrays.equals(w.high, high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Winsorizer[low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + "]";
    }
}
