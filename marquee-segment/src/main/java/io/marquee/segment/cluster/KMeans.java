package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means: k-means++ seeding (Arthur and Vassilvitskii 2007) then Lloyd iterations, on a
 * row-major {@code double[]}, the best of {@link KMeansParams#restarts()} starts kept.
 *
 * <p>Written here rather than taken from Tribuo's {@code KMeansTrainer}: Tribuo's trainer works
 * on {@code Example} objects holding one named {@code Feature} object per value, so a million
 * viewers × 32 features would first become 32 million objects; on primitive arrays the benchmark
 * (1M × 32, k = 8) stays within its 20-second budget (docs/segments.md).
 *
 * <p>Above {@value #SEEDING_SAMPLE} points the seeds are drawn from a uniform sample of that size
 * (the greedy seeding makes about 4k passes over the data; on a million points that was a
 * quarter of the fit time), after which Lloyd iterations run on all points.
 *
 * <p>Each iteration assigns points to the nearest centroid and moves centroids to the means of
 * their points; rows are processed in fixed-size chunks in parallel and per-chunk sums are
 * combined in chunk order, so the result does not depend on the number of cores. A cluster left
 * empty is re-seeded with the point farthest from its centroid. Stops when no label changes, when
 * the inertia falls by less than {@code tolerance} (relative), or after {@code maxIterations}.
 */
public final class KMeans {
    /** Above this many points, k-means++ seeds are drawn from a uniform sample of this size. */
    public static final int SEEDING_SAMPLE = 200_000;

    private KMeans() {
    }

    /** A sorted uniform sample (without replacement) of {@code m} row numbers out of {@code n}. */
    static int[] sampleRows(int n, int m, SplittableRandom rnd) {
        // Floyd's algorithm: m draws, no n-sized scratch array
        it.unimi.dsi.fastutil.ints.IntOpenHashSet chosen = new it.unimi.dsi.fastutil.ints.IntOpenHashSet(2 * m);
        for (int j = n - m; j < n; j++) {
            int t = rnd.nextInt(j + 1);
            if (!chosen.add(t)) {
                chosen.add(j);
            }
        }
        int[] rows = chosen.toIntArray();
        Arrays.sort(rows);
        return rows;
    }

    /** Fits k-means to the points. */
    public static KMeansModel fit(Points points, KMeansParams params) {
        long start = System.nanoTime();
        points.requireFinite();
        int n = points.n();
        if (n < params.k()) {
            throw new InvalidInputException("k-means needs at least k = " + params.k() + " points, was " + n);
        }
        SplittableRandom root = new SplittableRandom(params.seed());
        Run best = null;
        for (int r = 0; r < params.restarts(); r++) {
            SplittableRandom rnd = root.split();
            Points seeding = n > SEEDING_SAMPLE ? points.subset(sampleRows(n, SEEDING_SAMPLE, rnd)) : points;
            Run run = lloyd(points, params, seedPlusPlus(seeding, params.k(), rnd));
            if (best == null || run.inertia < best.inertia) {
                best = run;
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new KMeansModel(best.centroids, params.k(), points.d(), best.labels, best.inertia,
                best.iterations, ModelProvenance.of("kmeans", params, points.fingerprint()),
                new TrainingSummary(best.trace, wall));
    }

    /** Runs Lloyd iterations from given initial centroids (row-major {@code k × d}, copied). */
    public static KMeansModel fromCentroids(Points points, double[] initial, KMeansParams params) {
        long start = System.nanoTime();
        points.requireFinite();
        if (initial.length != params.k() * points.d()) {
            throw new InvalidInputException("initial centroids must hold k*d = " + params.k() * points.d()
                    + " values, was " + initial.length);
        }
        Run run = lloyd(points, params, initial.clone());
        return new KMeansModel(run.centroids, params.k(), points.d(), run.labels, run.inertia, run.iterations,
                ModelProvenance.of("kmeans", params, points.fingerprint()),
                new TrainingSummary(run.trace, (System.nanoTime() - start) / 1e9));
    }

    private record Run(double[] centroids, int[] labels, double inertia, int iterations, double[] trace) {
    }

    /**
     * Greedy k-means++ seeding (as scikit-learn's): each next centre is the best, by the potential
     * it leaves, of {@code 2 + ⌊ln k⌋} candidates drawn with probability ∝ squared distance to the
     * nearest centre chosen so far. The greedy trials avoid most starts with two seeds in one group.
     */
    static double[] seedPlusPlus(Points points, int k, SplittableRandom rnd) {
        int n = points.n();
        int d = points.d();
        double[] x = points.data();
        double[] centroids = new double[k * d];
        int first = rnd.nextInt(n);
        System.arraycopy(x, first * d, centroids, 0, d);
        double[] minDist = new double[n];
        int chunks = Chunks.count(n);
        double[] chunkSum = new double[chunks];
        Chunks.forEach(n, (c, from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                minDist[i] = Points.sqDist(x, i * d, centroids, 0, d);
                s += minDist[i];
            }
            chunkSum[c] = s;
        });
        int trials = 2 + (int) Math.log(k);
        int[] candidates = new int[trials];
        double[][] candSum = new double[trials][chunks];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double s : chunkSum) {
                total += s;
            }
            for (int t = 0; t < trials; t++) {
                candidates[t] = draw(minDist, chunkSum, total, n, rnd);
            }
            Chunks.forEach(n, (ch, from, to) -> {
                for (int t = 0; t < trials; t++) {
                    int off = candidates[t] * d;
                    double s = 0;
                    for (int i = from; i < to; i++) {
                        s += Math.min(minDist[i], Points.sqDist(x, i * d, x, off, d));
                    }
                    candSum[t][ch] = s;
                }
            });
            int best = 0;
            double bestPot = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double pot = 0;
                for (double v : candSum[t]) {
                    pot += v;
                }
                if (pot < bestPot) {
                    bestPot = pot;
                    best = t;
                }
            }
            int off = c * d;
            System.arraycopy(x, candidates[best] * d, centroids, off, d);
            Chunks.forEach(n, (ch, from, to) -> {
                double s = 0;
                for (int i = from; i < to; i++) {
                    double dist = Points.sqDist(x, i * d, centroids, off, d);
                    if (dist < minDist[i]) {
                        minDist[i] = dist;
                    }
                    s += minDist[i];
                }
                chunkSum[ch] = s;
            });
        }
        return centroids;
    }

    /** A point drawn with probability ∝ minDist (uniformly when all are 0). */
    private static int draw(double[] minDist, double[] chunkSum, double total, int n, SplittableRandom rnd) {
        if (!(total > 0)) {
            return rnd.nextInt(n); // all points coincide with the centres chosen so far
        }
        double target = rnd.nextDouble() * total;
        int chunks = chunkSum.length;
        int chunk = 0;
        while (chunk < chunks - 1 && target >= chunkSum[chunk]) {
            target -= chunkSum[chunk];
            chunk++;
        }
        int from = chunk * Chunks.SIZE;
        int to = Math.min(n, from + Chunks.SIZE);
        int last = from;
        for (int i = from; i < to; i++) {
            if (minDist[i] > 0) {
                last = i;
            }
            target -= minDist[i];
            if (target < 0 && minDist[i] > 0) {
                return i;
            }
        }
        return last;
    }

    /**
     * Lloyd iterations with Hamerly's bounds (Hamerly 2010): per point an upper bound on the
     * distance to its centroid and a lower bound on the distance to any other centroid, moved by
     * how far centroids move, so most points skip the distance computations once the centroids
     * settle. The assignments are those of plain Lloyd iterations.
     */
    private static Run lloyd(Points points, KMeansParams params, double[] centroids) {
        int n = points.n();
        int d = points.d();
        int k = params.k();
        double[] x = points.data();
        int[] labels = new int[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        int chunks = Chunks.count(n);
        double[][] sums = new double[chunks][k * d];
        long[][] counts = new long[chunks][k];
        int[] changedPart = new int[chunks];
        double[] normPart = new double[chunks];
        // first assignment: every distance
        Chunks.forEach(n, (c, from, to) -> {
            double[] s = sums[c];
            long[] cnt = counts[c];
            double norms = 0;
            for (int i = from; i < to; i++) {
                int off = i * d;
                fullAssign(x, off, centroids, k, d, labels, upper, lower, i);
                int co = labels[i] * d;
                cnt[labels[i]]++;
                for (int t = 0; t < d; t++) {
                    double v = x[off + t];
                    s[co + t] += v;
                    norms += v * v;
                }
            }
            normPart[c] = norms;
            changedPart[c] = to - from;
        });
        double sumNorms = 0;
        for (double v : normPart) {
            sumNorms += v;
        }
        DoubleArrayList trace = new DoubleArrayList();
        double previous = Double.POSITIVE_INFINITY;
        int iter = 0;
        double[] total = new double[k * d];
        long[] count = new long[k];
        double[] shift = new double[k];
        double[] half = new double[k];
        double[] old = new double[k * d];
        while (true) {
            Arrays.fill(total, 0);
            Arrays.fill(count, 0);
            int changed = 0;
            for (int c = 0; c < chunks; c++) {
                double[] s = sums[c];
                for (int t = 0; t < total.length; t++) {
                    total[t] += s[t];
                }
                for (int j = 0; j < k; j++) {
                    count[j] += counts[c][j];
                }
                changed += changedPart[c];
            }
            // inertia of these labels around the centroids they were assigned to:
            // Σ|x|² − 2 Σ_j c_j·S_j + Σ_j n_j |c_j|²
            double inertia = sumNorms;
            for (int j = 0; j < k; j++) {
                double dot = 0;
                double cc = 0;
                for (int t = 0; t < d; t++) {
                    double cv = centroids[j * d + t];
                    dot += cv * total[j * d + t];
                    cc += cv * cv;
                }
                inertia += count[j] * cc - 2 * dot;
            }
            inertia = Math.max(0, inertia);
            trace.add(inertia);
            boolean converged = changed == 0
                    || (previous < Double.POSITIVE_INFINITY && previous - inertia <= params.tolerance() * previous)
                    || iter >= params.maxIterations();
            if (converged) {
                break;
            }
            previous = inertia;
            iter++;
            System.arraycopy(centroids, 0, old, 0, k * d);
            for (int j = 0; j < k; j++) {
                if (count[j] > 0) {
                    for (int t = 0; t < d; t++) {
                        centroids[j * d + t] = total[j * d + t] / count[j];
                    }
                } else {
                    reseedEmpty(x, n, d, k, labels, centroids, j);
                }
            }
            double maxShift = 0;
            double secondShift = 0;
            int maxShiftAt = -1;
            for (int j = 0; j < k; j++) {
                shift[j] = Math.sqrt(Points.sqDist(centroids, j * d, old, j * d, d));
                if (shift[j] > maxShift) {
                    secondShift = maxShift;
                    maxShift = shift[j];
                    maxShiftAt = j;
                } else if (shift[j] > secondShift) {
                    secondShift = shift[j];
                }
            }
            for (int j = 0; j < k; j++) {
                double m = Double.POSITIVE_INFINITY;
                for (int q = 0; q < k; q++) {
                    if (q != j) {
                        m = Math.min(m, Points.sqDist(centroids, j * d, centroids, q * d, d));
                    }
                }
                half[j] = 0.5 * Math.sqrt(m);
            }
            final double ms = maxShift;
            final double ss = secondShift;
            final int msAt = maxShiftAt;
            Chunks.forEach(n, (c, from, to) -> {
                double[] s = sums[c];
                long[] cnt = counts[c];
                Arrays.fill(s, 0);
                Arrays.fill(cnt, 0);
                int ch = 0;
                for (int i = from; i < to; i++) {
                    int a = labels[i];
                    upper[i] += shift[a];
                    lower[i] -= a == msAt ? ss : ms;
                    double bound = Math.max(half[a], lower[i]);
                    int off = i * d;
                    if (upper[i] > bound) {
                        upper[i] = Math.sqrt(Points.sqDist(x, off, centroids, a * d, d));
                        if (upper[i] > bound) {
                            fullAssign(x, off, centroids, k, d, labels, upper, lower, i);
                            if (labels[i] != a) {
                                ch++;
                            }
                        }
                    }
                    int co = labels[i] * d;
                    cnt[labels[i]]++;
                    for (int t = 0; t < d; t++) {
                        s[co + t] += x[off + t];
                    }
                }
                changedPart[c] = ch;
            });
        }
        // exact inertia of the final labels around the final centroids
        double[] part = new double[chunks];
        Chunks.forEach(n, (c, from, to) -> {
            double in = 0;
            for (int i = from; i < to; i++) {
                in += Points.sqDist(x, i * d, centroids, labels[i] * d, d);
            }
            part[c] = in;
        });
        double inertia = 0;
        for (double v : part) {
            inertia += v;
        }
        return new Run(centroids, labels, inertia, iter, trace.toDoubleArray());
    }

    /** Nearest and second-nearest centroid of one point: sets its label and both bounds. */
    private static void fullAssign(double[] x, int off, double[] centroids, int k, int d, int[] labels,
                                   double[] upper, double[] lower, int i) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double dd = Points.sqDist(x, off, centroids, j * d, d);
            if (dd < bestD) {
                second = bestD;
                bestD = dd;
                best = j;
            } else if (dd < second) {
                second = dd;
            }
        }
        labels[i] = best;
        upper[i] = Math.sqrt(bestD);
        lower[i] = Math.sqrt(second);
    }

    /** Moves the centroid of an empty cluster to the point farthest from its own centroid. */
    private static void reseedEmpty(double[] x, int n, int d, int k, int[] labels, double[] centroids, int empty) {
        int far = 0;
        double farD = -1;
        for (int i = 0; i < n; i++) {
            if (labels[i] == empty) {
                continue;
            }
            double s = Points.sqDist(x, i * d, centroids, labels[i] * d, d);
            if (s > farD) {
                farD = s;
                far = i;
            }
        }
        System.arraycopy(x, far * d, centroids, empty * d, d);
    }
}
