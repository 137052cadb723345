package io.marquee.segment.cluster;

import java.util.SplittableRandom;

/** Test data: well-separated Gaussian blobs with their true labels. */
final class Blobs {
    final Points points;
    final int[] truth;

    private Blobs(Points points, int[] truth) {
        this.points = points;
        this.truth = truth;
    }

    /** {@code k} blobs of {@code perBlob} points in {@code d} dimensions, centres 10 apart, sd {@code sd}. */
    static Blobs of(int k, int perBlob, int d, double sd, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = k * perBlob;
        double[] x = new double[n * d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            truth[i] = c;
            for (int t = 0; t < d; t++) {
                double centre = t == c % d ? 10.0 * (1 + c / d) : (t == (c + 1) % d ? 5.0 * (c / d) : 0);
                x[i * d + t] = centre + sd * gaussian(rnd);
            }
        }
        return new Blobs(new Points(x, n, d), truth);
    }

    static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
