package io.marquee.recommend.als;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.recommend.RowParallel;
import java.util.SplittableRandom;

/** Helpers shared by the ALS trainers: initial factors, Gram matrices, input checks. */
final class Factors {
    /** Rows per block of a Gram matrix: fixed, so the sum order never depends on the thread count. */
    private static final int GRAM_BLOCK = 2048;

    private Factors() {
    }

    /**
     * A rows × rank matrix of independent draws, uniform with mean 0 and standard deviation
     * {@code scale}, drawn in row-major order from {@code rnd} (uniform rather than Gaussian so
     * that the sequence depends only on {@link SplittableRandom#nextDouble()}).
     */
    static float[] random(int rows, int rank, double scale, SplittableRandom rnd) {
        float[] out = new float[rows * rank];
        double half = Math.sqrt(3.0) * scale;
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) ((rnd.nextDouble() * 2 - 1) * half);
        }
        return out;
    }

    /**
     * The full rank × rank Gram matrix FᵀF of a rows × rank factor matrix, in double. Rows are
     * summed in fixed blocks whose partial sums are then added in block order, so the result is
     * the same bit for bit whatever the number of threads.
     */
    static double[] gram(float[] f, int rows, int rank, RowParallel par) {
        int blocks = (rows + GRAM_BLOCK - 1) / GRAM_BLOCK;
        double[][] partial = new double[blocks][];
        par.forEachRow(blocks, () -> new double[rank], (b, v) -> {
            double[] g = new double[rank * rank];
            int to = Math.min(rows, (b + 1) * GRAM_BLOCK);
            for (int r = b * GRAM_BLOCK; r < to; r++) {
                int off = r * rank;
                for (int a = 0; a < rank; a++) {
                    v[a] = f[off + a];
                }
                for (int a = 0; a < rank; a++) {
                    double va = v[a];
                    if (va == 0) {
                        continue;
                    }
                    int ga = a * rank;
                    for (int c = 0; c <= a; c++) {
                        g[ga + c] += va * v[c];
                    }
                }
            }
            partial[b] = g;
        });
        double[] g = new double[rank * rank];
        for (double[] p : partial) {
            for (int k = 0; k < g.length; k++) {
                g[k] += p[k];
            }
        }
        for (int a = 0; a < rank; a++) {
            for (int c = 0; c < a; c++) {
                g[c * rank + a] = g[a * rank + c];
            }
        }
        return g;
    }

    /** Refuses empty data and non-finite values. */
    static void requireUsable(Interactions data, String algorithm) {
        if (data == null || data.size() == 0) {
            throw new InvalidInputException("training data is empty: " + algorithm
                    + " needs at least one interaction");
        }
        float[] v = data.valueArray();
        for (int k = 0; k < v.length; k++) {
            if (!Float.isFinite(v[k])) {
                throw InvalidInputException.of("value at entry " + k, v[k], "a finite number");
            }
        }
    }

    /** x · y over {@code rank} entries of two float rows, in double with four partial sums. */
    static double dot(float[] x, int xOff, float[] y, int yOff, int rank) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int a = 0;
        for (; a + 4 <= rank; a += 4) {
            s0 += (double) x[xOff + a] * y[yOff + a];
            s1 += (double) x[xOff + a + 1] * y[yOff + a + 1];
            s2 += (double) x[xOff + a + 2] * y[yOff + a + 2];
            s3 += (double) x[xOff + a + 3] * y[yOff + a + 3];
        }
        for (; a < rank; a++) {
            s0 += (double) x[xOff + a] * y[yOff + a];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y · v over {@code rank} entries of a float row and a double vector, four partial sums. */
    static double dot(float[] y, int yOff, double[] v, int rank) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int a = 0;
        for (; a + 4 <= rank; a += 4) {
            s0 += y[yOff + a] * v[a];
            s1 += y[yOff + a + 1] * v[a + 1];
            s2 += y[yOff + a + 2] * v[a + 2];
            s3 += y[yOff + a + 3] * v[a + 3];
        }
        for (; a < rank; a++) {
            s0 += y[yOff + a] * v[a];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** out = G v for a symmetric G given by rows: rank passes of out += v_c·G_c, which vectorise. */
    static void symmetricTimes(double[][] g, double[] v, double[] out, int rank) {
        java.util.Arrays.fill(out, 0, rank, 0);
        for (int c = 0; c < rank; c++) {
            double vc = v[c];
            double[] row = g[c];
            for (int a = 0; a < rank; a++) {
                out[a] += vc * row[a];
            }
        }
    }

    /** A flat row-major k×k matrix as rows. */
    static double[][] rows(double[] flat, int k) {
        double[][] out = new double[k][];
        for (int a = 0; a < k; a++) {
            out[a] = java.util.Arrays.copyOfRange(flat, a * k, (a + 1) * k);
        }
        return out;
    }
}
