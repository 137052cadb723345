package io.marquee.segment.features;

import io.marquee.core.error.InvalidInputException;
import io.marquee.segment.cluster.Points;
import java.util.Arrays;
import java.util.List;

/**
 * The cleaning and scaling pipeline of the segmentation, fitted on training features and then
 * applied unchanged to any viewer: (1) impute a missing value with the column's median,
 * (2) winsorise (clip) to the column's {@code q} and {@code 1 − q} quantiles, (3) standardise to
 * mean 0 and standard deviation 1 (a constant column is only centred). Immutable once fitted.
 *
 * <p>Self-contained on purpose: the drop-off predictor ({@code marquee-predict}) has its own
 * feature pipeline, written at the same time; the two could later share one implementation.
 */
public final class Preprocessor {
    private final List<String> names;
    private final double[] median;
    private final double[] low;
    private final double[] high;
    private final double[] mean;
    private final double[] sd;
    private final double winsorQuantile;

    /** A pipeline from its fitted statistics (as stored with a model). */
    public Preprocessor(List<String> names, double[] median, double[] low, double[] high, double[] mean, double[] sd,
                        double winsorQuantile) {
        int d = names.size();
        if (median.length != d || low.length != d || high.length != d || mean.length != d || sd.length != d) {
            throw new InvalidInputException("preprocessor: every statistic needs " + d + " values");
        }
        this.names = List.copyOf(names);
        this.median = median.clone();
        this.low = low.clone();
        this.high = high.clone();
        this.mean = mean.clone();
        this.sd = sd.clone();
        this.winsorQuantile = winsorQuantile;
    }

    /** Fits the pipeline to raw features. */
    public static Preprocessor fit(FeatureMatrix raw, double winsorQuantile) {
        if (!(winsorQuantile >= 0 && winsorQuantile < 0.5)) {
            throw InvalidInputException.of("winsor_quantile", winsorQuantile, "in [0, 0.5)");
        }
        int n = raw.rows();
        int d = raw.columns();
        if (n == 0) {
            throw new InvalidInputException("cannot fit a preprocessor to 0 viewers");
        }
        double[] med = new double[d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        double[] mu = new double[d];
        double[] sigma = new double[d];
        double[] col = new double[n];
        double[] x = raw.data();
        for (int c = 0; c < d; c++) {
            int m = 0;
            for (int r = 0; r < n; r++) {
                double v = x[r * d + c];
                if (!Double.isNaN(v)) {
                    col[m++] = v;
                }
            }
            if (m == 0) {
                med[c] = 0;
                lo[c] = 0;
                hi[c] = 0;
            } else {
                double[] sorted = Arrays.copyOf(col, m);
                Arrays.sort(sorted);
                med[c] = quantile(sorted, 0.5);
                lo[c] = quantile(sorted, winsorQuantile);
                hi[c] = quantile(sorted, 1 - winsorQuantile);
            }
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += clean(x[r * d + c], med[c], lo[c], hi[c]);
            }
            mu[c] = s / n;
            double ss = 0;
            for (int r = 0; r < n; r++) {
                double t = clean(x[r * d + c], med[c], lo[c], hi[c]) - mu[c];
                ss += t * t;
            }
            double sdv = Math.sqrt(ss / n);
            sigma[c] = sdv > 1e-12 ? sdv : 1;
        }
        return new Preprocessor(raw.names(), med, lo, hi, mu, sigma, winsorQuantile);
    }

    /** Quantile of sorted values with linear interpolation between order statistics. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        double f = pos - i;
        return sorted[i] + f * (sorted[j] - sorted[i]);
    }

    private static double clean(double v, double median, double lo, double hi) {
        double x = Double.isNaN(v) ? median : v;
        return Math.max(lo, Math.min(hi, x));
    }

    /** Imputed and clipped value of column {@code c} (before scaling). */
    public double clean(int c, double v) {
        return clean(v, median[c], low[c], high[c]);
    }

    /** Cleaned and standardised copy of one raw row. */
    public double[] transform(double[] raw) {
        int d = names.size();
        if (raw.length != d) {
            throw new InvalidInputException("features: expected " + d + " values (" + names + "), were " + raw.length);
        }
        double[] out = new double[d];
        for (int c = 0; c < d; c++) {
            out[c] = (clean(raw[c], median[c], low[c], high[c]) - mean[c]) / sd[c];
        }
        return out;
    }

    /** Cleaned and standardised points of every row. */
    public Points transform(FeatureMatrix raw) {
        if (!raw.names().equals(names)) {
            throw new InvalidInputException("features " + raw.names() + " do not match the pipeline's " + names);
        }
        int n = raw.rows();
        int d = names.size();
        double[] x = raw.data();
        double[] out = new double[n * d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                out[r * d + c] = (clean(x[r * d + c], median[c], low[c], high[c]) - mean[c]) / sd[c];
            }
        }
        return new Points(out, n, d);
    }

    /** Back from standardised units to (cleaned) raw units for column {@code c}. */
    public double unscale(int c, double z) {
        return z * sd[c] + mean[c];
    }

    public List<String> names() {
        return names;
    }

    public double[] median() {
        return median.clone();
    }

    public double[] low() {
        return low.clone();
    }

    public double[] high() {
        return high.clone();
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] sd() {
        return sd.clone();
    }

    public double winsorQuantile() {
        return winsorQuantile;
    }
}
