package io.marquee.predict.calibrate;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Isotonic regression of the outcome on the classifier's probability, by the pool-adjacent-
 * violators algorithm (PAV): the non-decreasing step function closest in squared error to the
 * labels. Tied probabilities are pooled first. Each block is kept as two knots (its smallest and
 * largest probability, both at the block's mean); between knots the function is interpolated
 * linearly and outside them it is constant, as in scikit-learn's {@code IsotonicRegression}.
 */
public final class IsotonicRegression implements Calibrator {
    private final double[] x;
    private final double[] y;

    /** A fitted function through the knots (x ascending, y non-decreasing). */
    public IsotonicRegression(double[] x, double[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw InvalidInputException.of("isotonic knots", x.length + "/" + y.length, "as many x as y, at least 1");
        }
        for (int i = 1; i < x.length; i++) {
            if (x[i] < x[i - 1] || y[i] < y[i - 1]) {
                throw InvalidInputException.of("isotonic knot " + i, x[i] + ", " + y[i], "non-decreasing in x and y");
            }
        }
        this.x = x.clone();
        this.y = y.clone();
    }

    /** Fits on validation probabilities and labels. */
    public static IsotonicRegression fit(double[] p, boolean[] labels) {
        if (p.length != labels.length || p.length == 0) {
            throw InvalidInputException.of("isotonic regression rows", p.length, "at least 1 and one label each");
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(p[i], p[j]));
        // blocks: value sum, weight, min x, max x
        int n = p.length;
        double[] sum = new double[n];
        double[] weight = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int blocks = 0;
        int k = 0;
        while (k < n) { // pool ties first
            int j = k;
            double s = 0;
            while (j < n && p[order[j]] == p[order[k]]) {
                s += labels[order[j]] ? 1 : 0;
                j++;
            }
            sum[blocks] = s;
            weight[blocks] = j - k;
            lo[blocks] = p[order[k]];
            hi[blocks] = p[order[k]];
            blocks++;
            while (blocks > 1 && sum[blocks - 2] / weight[blocks - 2] >= sum[blocks - 1] / weight[blocks - 1]) {
                sum[blocks - 2] += sum[blocks - 1];
                weight[blocks - 2] += weight[blocks - 1];
                hi[blocks - 2] = hi[blocks - 1];
                blocks--;
            }
            k = j;
        }
        double[] kx = new double[2 * blocks];
        double[] ky = new double[2 * blocks];
        int m = 0;
        for (int b = 0; b < blocks; b++) {
            double v = sum[b] / weight[b];
            kx[m] = lo[b];
            ky[m++] = v;
            if (hi[b] > lo[b]) {
                kx[m] = hi[b];
                ky[m++] = v;
            }
        }
        return new IsotonicRegression(Arrays.copyOf(kx, m), Arrays.copyOf(ky, m));
    }

    /** The knots' probabilities (a copy). */
    public double[] knotsX() {
        return x.clone();
    }

    /** The knots' calibrated values (a copy). */
    public double[] knotsY() {
        return y.clone();
    }

    @Override
    public String kind() {
        return "isotonic";
    }

    @Override
    public double apply(double p) {
        if (p <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (p >= x[last]) {
            return y[last];
        }
        int i = Arrays.binarySearch(x, p);
        if (i >= 0) {
            // several knots may share x only at a block edge of equal value; take the last
            while (i + 1 < x.length && x[i + 1] == p) {
                i++;
            }
            return y[i];
        }
        int hiIdx = -i - 1;
        int loIdx = hiIdx - 1;
        double t = (p - x[loIdx]) / (x[hiIdx] - x[loIdx]);
        return y[loIdx] + t * (y[hiIdx] - y[loIdx]);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "isotonic");
        m.put("x", Arrays.stream(x).boxed().toList());
        m.put("y", Arrays.stream(y).boxed().toList());
        return m;
    }

    @Override
    public String toString() {
        return "IsotonicRegression[" + x.length + " knots]";
    }
}
