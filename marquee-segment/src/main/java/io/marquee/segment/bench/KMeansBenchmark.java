package io.marquee.segment.bench;

import io.marquee.segment.cluster.ClusterMetrics;
import io.marquee.segment.cluster.KMeans;
import io.marquee.segment.cluster.KMeansModel;
import io.marquee.segment.cluster.KMeansParams;
import io.marquee.segment.cluster.Points;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark of {@link KMeans} on random Gaussian blobs (the target: 1M viewers × 32
 * features, k = 8, within 20 s). Random blobs stand in for viewer features: the cost of Lloyd
 * iterations depends on n, d, k and the number of iterations, not on what the numbers mean.
 *
 * <p>{@code java -cp … io.marquee.segment.bench.KMeansBenchmark [n] [d] [k] [runs] [restarts] [spread]}
 * prints one JSON line per run: the fit time (k-means++ seeding and every Lloyd iteration; data
 * generation excluded), iterations, inertia and the adjusted Rand index against the true blobs.
 * Blob centres are N(0, spread²) per coordinate around unit-variance blobs: spread 3 gives
 * well-separated blobs (few iterations), spread 0.3 heavily overlapping ones (many iterations).
 */
public final class KMeansBenchmark {
    private KMeansBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int restarts = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        double spread = args.length > 5 ? Double.parseDouble(args[5]) : 3.0;
        long t0 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(7);
        double[] centres = new double[k * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = gaussian(rnd) * spread;
        }
        double[] x = new double[n * d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(k);
            truth[i] = c;
            for (int t = 0; t < d; t++) {
                x[i * d + t] = centres[c * d + t] + gaussian(rnd);
            }
        }
        Points points = new Points(x, n, d);
        double gen = (System.nanoTime() - t0) / 1e9;
        for (int r = 0; r < runs; r++) {
            long s = System.nanoTime();
            KMeansModel m = KMeans.fit(points, KMeansParams.defaults().withK(k).withRestarts(restarts).withSeed(42 + r));
            double secs = (System.nanoTime() - s) / 1e9;
            double ari = ClusterMetrics.adjustedRand(truth, m.labels());
            System.out.println(String.format(Locale.ROOT,
                    "{\"run\":%d,\"spread\":%.2f,\"n\":%d,\"d\":%d,\"k\":%d,\"restarts\":%d,\"seconds\":%.3f,\"iterations\":%d,"
                            + "\"inertia\":%.1f,\"ari_vs_truth\":%.4f,\"generate_seconds\":%.2f,\"cores\":%d}",
                    r + 1, spread, n, d, k, restarts, secs, m.iterations(), m.inertia(), ari, gen,
                    Runtime.getRuntime().availableProcessors()));
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
