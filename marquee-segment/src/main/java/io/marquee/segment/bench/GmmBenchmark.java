package io.marquee.segment.bench;

import io.marquee.segment.cluster.GaussianMixture;
import io.marquee.segment.cluster.GmmModel;
import io.marquee.segment.cluster.GmmParams;
import io.marquee.segment.cluster.Points;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark of {@link GaussianMixture} EM on random Gaussian blobs, as {@link KMeansBenchmark}
 * (unit-variance blobs, centres N(0, spread²) per coordinate, seed 7). The tolerance is 1e-12, so
 * every run makes the given number of EM steps and the time per step is comparable between builds.
 *
 * <p>{@code java -cp … io.marquee.segment.bench.GmmBenchmark [n] [d] [k] [full|diagonal] [steps] [runs] [spread]}
 * prints one JSON line per run: the fit time (k-means start and every EM step; data generation
 * excluded) as wall and process CPU seconds, the steps made, seconds per step and the final
 * log-likelihood.
 */
public final class GmmBenchmark {
    private GmmBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 31;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        GmmParams.Covariance cov = args.length > 3 && args[3].equals("diagonal")
                ? GmmParams.Covariance.DIAGONAL : GmmParams.Covariance.FULL;
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        int runs = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        double spread = args.length > 6 ? Double.parseDouble(args[6]) : 0.5;
        SplittableRandom rnd = new SplittableRandom(7);
        double[] centres = new double[k * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = gaussian(rnd) * spread;
        }
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(k);
            for (int t = 0; t < d; t++) {
                x[i * d + t] = centres[c * d + t] + gaussian(rnd);
            }
        }
        Points points = new Points(x, n, d);
        for (int r = 0; r < runs; r++) {
            long cpu = processCpuNanos();
            long s = System.nanoTime();
            GmmModel m = GaussianMixture.fit(points, new GmmParams(k, cov, steps, 1e-12, 1e-6, 42 + r));
            double secs = (System.nanoTime() - s) / 1e9;
            double cpuSecs = (processCpuNanos() - cpu) / 1e9;
            System.out.println(String.format(Locale.ROOT,
                    "{\"run\":%d,\"n\":%d,\"d\":%d,\"k\":%d,\"covariance\":\"%s\",\"seconds\":%.3f,\"cpu_seconds\":%.3f,\"steps\":%d,"
                            + "\"seconds_per_step\":%.4f,\"log_likelihood\":%.4f,\"cores\":%d}",
                    r + 1, n, d, k, cov.id(), secs, cpuSecs, m.iterations(), secs / Math.max(1, m.iterations()),
                    m.logLikelihood(), Runtime.getRuntime().availableProcessors()));
        }
    }

    /** CPU time of the whole process (all threads), less sensitive than wall time to other load. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
