package io.marquee.core.features;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * Standard scaling: {@code z = (v − mean(c)) / sd(c)} with the mean and the population standard
 * deviation of the training values; a constant column (sd ≤ 1e-12) gets sd 1, so it is only
 * centred. Immutable.
 */
public final class StandardScaler {
    /** Standard deviations at or below this count as a constant column. */
    public static final double MIN_SD = 1e-12;

    private final double[] mean;
    private final double[] sd;

    private StandardScaler(double[] mean, double[] sd) {
        if (mean.length != sd.length) {
            throw new InvalidInputException("standard scaler: " + mean.length + " means but " + sd.length + " sds");
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Double.isFinite(mean[c]) || !(sd[c] > 0) || !Double.isFinite(sd[c])) {
                throw new InvalidInputException("standard scaler: column " + c + " needs a finite mean and a positive sd,"
                        + " was mean " + mean[c] + ", sd " + sd[c]);
            }
        }
        this.mean = mean;
        this.sd = sd;
    }

    /** A scaler from stored means and standard deviations. */
    public static StandardScaler of(double[] mean, double[] sd) {
        return new StandardScaler(mean.clone(), sd.clone());
    }

    /**
     * Learns each column's mean and population standard deviation (two passes, for accuracy).
     *
     * @throws InvalidInputException for no rows or a missing value (impute first)
     */
    public static StandardScaler fit(NumericColumns x) {
        int n = x.rows();
        if (n == 0) {
            throw new InvalidInputException("cannot fit a standard scaler to 0 rows");
        }
        double[] mean = new double[x.columns()];
        double[] sd = new double[x.columns()];
        for (int c = 0; c < mean.length; c++) {
            double[] v = x.column(c);
            double s = 0;
            for (double t : v) {
                if (Double.isNaN(t)) {
                    throw new InvalidInputException("standard scaler: column " + c + " has a missing value (impute first)");
                }
                s += t;
            }
            double m = s / n;
            double ss = 0;
            for (double t : v) {
                ss += (t - m) * (t - m);
            }
            double sdv = Math.sqrt(ss / n);
            mean[c] = m;
            sd[c] = sdv > MIN_SD ? sdv : 1;
        }
        return new StandardScaler(mean, sd);
    }

    public int columns() {
        return mean.length;
    }

    public double mean(int c) {
        return mean[c];
    }

    public double sd(int c) {
        return sd[c];
    }

    /** A copy of the means. */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the standard deviations. */
    public double[] sd() {
        return sd.clone();
    }

    /** {@code (v − mean) / sd} of column {@code c}. */
    public double apply(int c, double v) {
        return (v - mean[c]) / sd[c];
    }

    /** Back from standardised units: {@code z·sd + mean}. */
    public double inverse(int c, double z) {
        return z * sd[c] + mean[c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StandardScaler s && Arrays.equals(s.mean, mean) && Arrays.equals(s.sd, sd);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(sd);
    }

    @Override
    public String toString() {
        return "StandardScaler[mean=" + Arrays.toString(mean) + ", sd=" + Arrays.toString(sd) + "]";
    }
}
