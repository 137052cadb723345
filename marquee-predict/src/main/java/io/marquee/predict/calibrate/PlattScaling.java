package io.marquee.predict.calibrate;

import io.marquee.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Platt scaling on the logit of the classifier's probability: {@code p' = σ(a · logit(p) + b)}.
 * Fitted by Newton's method on the log-loss with Platt's (1999) smoothed targets
 * {@code (N₊ + 1)/(N₊ + 2)} and {@code 1/(N₋ + 2)}, which keep a separable validation set from
 * driving {@code a} to infinity.
 */
public final class PlattScaling implements Calibrator {
    private static final double CLIP = 1e-12;
    private final double a;
    private final double b;

    public PlattScaling(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw InvalidInputException.of("Platt coefficients", a + ", " + b, "finite");
        }
        this.a = a;
        this.b = b;
    }

    /** Fits a and b on validation probabilities and labels. */
    public static PlattScaling fit(double[] p, boolean[] y) {
        if (p.length != y.length || p.length == 0) {
            throw InvalidInputException.of("Platt scaling rows", p.length, "at least 1 and one label each");
        }
        int nPos = 0;
        for (boolean v : y) {
            nPos += v ? 1 : 0;
        }
        int nNeg = y.length - nPos;
        double hi = (nPos + 1.0) / (nPos + 2.0);
        double lo = 1.0 / (nNeg + 2.0);
        double[] f = new double[p.length];
        double[] t = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            f[i] = logit(p[i]);
            t[i] = y[i] ? hi : lo;
        }
        double a = 1;
        double b = 0;
        double loss = loss(f, t, a, b);
        for (int it = 0; it < 100; it++) {
            double g1 = 0;
            double g2 = 0;
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            for (int i = 0; i < f.length; i++) {
                double q = sigmoid(a * f[i] + b);
                double d = q - t[i];
                double w = q * (1 - q);
                g1 += d * f[i];
                g2 += d;
                h11 += w * f[i] * f[i];
                h22 += w;
                h21 += w * f[i];
            }
            double det = h11 * h22 - h21 * h21;
            if (Math.abs(det) < 1e-300) {
                break;
            }
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double step = 1;
            double newLoss;
            do { // backtracking keeps every step a descent
                newLoss = loss(f, t, a + step * da, b + step * db);
                step /= 2;
            } while (newLoss > loss + 1e-15 && step > 1e-10);
            a += 2 * step * da;
            b += 2 * step * db;
            if (Math.abs(loss - newLoss) < 1e-12 * Math.max(1, Math.abs(loss))) {
                break;
            }
            loss = newLoss;
        }
        return new PlattScaling(a, b);
    }

    private static double loss(double[] f, double[] t, double a, double b) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double z = a * f[i] + b;
            // t·log σ(z) + (1 − t)·log(1 − σ(z)), stably: log σ(z) = −log1p(e^−z)
            double logP = z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
            double log1mP = logP - z;
            s -= t[i] * logP + (1 - t[i]) * log1mP;
        }
        return s;
    }

    static double logit(double p) {
        double q = Math.min(1 - CLIP, Math.max(CLIP, p));
        return Math.log(q / (1 - q));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    @Override
    public String kind() {
        return "platt";
    }

    @Override
    public double apply(double p) {
        return sigmoid(a * logit(p) + b);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "platt");
        m.put("a", a);
        m.put("b", b);
        return m;
    }

    @Override
    public String toString() {
        return "PlattScaling[a=" + a + ", b=" + b + "]";
    }
}
