package io.marquee.recommend.mf;

import io.marquee.core.error.InvalidInputException;
import java.util.SplittableRandom;

/** Pieces shared by the SGD trainers: seeded initialisation, shuffling, divergence checks. */
final class Sgd {
    private Sgd() {
    }

    /**
     * A rows × k matrix of N(0, std²) draws, row-major; rows with {@code counts[r] == 0} are left at
     * zero (their draws are still taken, so the stream does not depend on which rows are empty).
     */
    static float[] gaussian(SplittableRandom rnd, int rows, int k, double std, int[] counts) {
        float[] m = new float[rows * k];
        for (int r = 0; r < rows; r++) {
            boolean keep = counts == null || counts[r] > 0;
            for (int f = 0; f < k; f++) {
                float v = (float) (rnd.nextGaussian() * std);
                if (keep) {
                    m[r * k + f] = v;
                }
            }
        }
        return m;
    }

    /** 0 … n-1. */
    static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** Fisher–Yates shuffle of {@code a[from, to)} in place. */
    static void shuffle(int[] a, int from, int to, SplittableRandom rnd) {
        for (int i = to - 1; i > from; i--) {
            int j = from + rnd.nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Refuses a diverged fit (NaN or exploding loss) with advice instead of returning garbage. */
    static void checkFinite(String algorithm, int epoch, double rmse) {
        if (!Double.isFinite(rmse) || rmse > 1e6) {
            throw new InvalidInputException("'" + algorithm + "' diverged at epoch " + (epoch + 1)
                    + " (training RMSE " + rmse + "): lower learning_rate or raise regularization");
        }
    }

    /**
     * {@code a[ao, ao+k) · b[bo, bo+k)} with four independent partial sums, so that the JIT is not
     * held up by one chain of dependent float additions (C2 does not vectorise float reductions).
     * The summation order is fixed, so results are reproducible.
     */
    static float dot(float[] a, int ao, float[] b, int bo, int k) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int f = 0;
        for (; f + 3 < k; f += 4) {
            s0 += a[ao + f] * b[bo + f];
            s1 += a[ao + f + 1] * b[bo + f + 1];
            s2 += a[ao + f + 2] * b[bo + f + 2];
            s3 += a[ao + f + 3] * b[bo + f + 3];
        }
        for (; f < k; f++) {
            s0 += a[ao + f] * b[bo + f];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
