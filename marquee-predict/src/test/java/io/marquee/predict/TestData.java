package io.marquee.predict;

import io.marquee.predict.features.FloatMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small seeded data sets for tests. */
public final class TestData {
    private TestData() {
    }

    /** Features and labels of a known logistic model with an interaction, for classifier tests. */
    public record Labelled(FloatMatrix x, boolean[] y) {
    }

    /**
     * {@code n} rows of {@code d} standard-normal features; P(y) = σ(1.5·x0 − x1 + 0.8·x2·x3 − 1).
     */
    public static Labelled logistic(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] data = new float[n * d];
        boolean[] y = new boolean[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                data[r * d + c] = (float) gaussian(rnd);
            }
            double z = 1.5 * data[r * d] - data[r * d + 1] + 0.8 * data[r * d + 2] * data[r * d + 3] - 1;
            y[r] = rnd.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            names.add("x" + c);
        }
        return new Labelled(new FloatMatrix(n, d, data, names), y);
    }

    public static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
