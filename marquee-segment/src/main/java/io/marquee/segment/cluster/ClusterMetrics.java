package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.SplittableRandom;

/**
 * Internal and external cluster validity indices, by their reference definitions:
 *
 * <ul>
 *   <li><b>silhouette</b> (Rousseeuw 1987): for a point, a = mean distance to the other points of
 *       its cluster, b = lowest mean distance to the points of another cluster,
 *       s = (b − a) / max(a, b), and s = 0 for a point alone in its cluster; the score is the mean
 *       of s. Euclidean distances. Exact on up to {@code maxExact} points (20,000 in the
 *       segmentation); beyond, it is the silhouette of a uniform random sample of
 *       {@code sampleSize} points (scikit-learn's {@code sample_size}), seeded.</li>
 *   <li><b>Davies–Bouldin</b> (1979): S_i = mean distance of cluster i's points to its centroid,
 *       M_ij = distance between centroids, DB = mean over i of max over j ≠ i of
 *       (S_i + S_j) / M_ij (lower is better).</li>
 *   <li><b>Calinski–Harabasz</b> (1974): [B / (k − 1)] / [W / (n − k)] with B the between-cluster
 *       and W the within-cluster sum of squares (higher is better).</li>
 *   <li><b>adjusted Rand index</b> (Hubert and Arabie 1985), from the contingency table.</li>
 * </ul>
 *
 * <p>Noise points (label −1) are left out of the three internal indices, which are NaN when fewer
 * than two clusters remain. All three favour compact, convex, well-separated clusters: they do not
 * rank density-based clusterings (arbitrary shapes, noise removed) fairly. The adjusted Rand index
 * treats −1 as an ordinary label.
 */
public final class ClusterMetrics {
    private ClusterMetrics() {
    }

    /** Silhouette of one labelling, exact (no sampling). */
    public static double silhouette(Points points, int[] labels) {
        return silhouettes(points, new int[][] {labels}, Integer.MAX_VALUE, 0, 0L)[0];
    }

    /**
     * Silhouettes of several labellings of the same points at once (each pairwise distance is
     * computed once and used for every labelling): exact when {@code n ≤ maxExact}, else on a
     * seeded uniform sample of {@code sampleSize} points.
     */
    public static double[] silhouettes(Points points, int[][] labelings, int maxExact, int sampleSize, long seed) {
        int[] rows = sampleRows(points.n(), maxExact, sampleSize, seed);
        double[][] per = silhouetteValues(points, labelings, rows);
        double[] out = new double[labelings.length];
        for (int c = 0; c < labelings.length; c++) {
            double s = 0;
            int m = 0;
            boolean enough = clusterCount(labelings[c]) >= 2;
            for (double v : per[c]) {
                if (!Double.isNaN(v)) {
                    s += v;
                    m++;
                }
            }
            out[c] = enough && m > 0 ? s / m : Double.NaN;
        }
        return out;
    }

    /** The rows used by {@link #silhouettes}: all of {@code [0, n)}, or a sorted seeded sample. */
    public static int[] sampleRows(int n, int maxExact, int sampleSize, long seed) {
        if (n <= maxExact || sampleSize >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        if (sampleSize < 2) {
            throw InvalidInputException.of("silhouette sample size", sampleSize, ">= 2");
        }
        // partial Fisher–Yates, then sorted so the sample is read in data order
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < sampleSize; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] s = java.util.Arrays.copyOf(idx, sampleSize);
        java.util.Arrays.sort(s);
        return s;
    }

    /**
     * Per-point silhouette values over the given rows, for every labelling ({@code [labelling][row]});
     * NaN for noise points. Only the given rows take part (a and b are computed among them).
     */
    public static double[][] silhouetteValues(Points points, int[][] labelings, int[] rows) {
        int m = rows.length;
        int d = points.d();
        double[] x = points.data();
        int nl = labelings.length;
        int[][] lab = new int[nl][m];
        int[] offset = new int[nl + 1];
        int[][] sizes = new int[nl][];
        for (int c = 0; c < nl; c++) {
            int max = -1;
            for (int r = 0; r < m; r++) {
                lab[c][r] = labelings[c][rows[r]];
                max = Math.max(max, lab[c][r]);
            }
            sizes[c] = new int[max + 1];
            for (int r = 0; r < m; r++) {
                if (lab[c][r] >= 0) {
                    sizes[c][lab[c][r]]++;
                }
            }
            offset[c + 1] = offset[c] + max + 1;
        }
        double[][] out = new double[nl][m];
        int total = offset[nl];
        Chunks.forEach(m, 64, (chunk, from, to) -> {
            double[] sums = new double[total];
            double[] dist = new double[m];
            for (int r = from; r < to; r++) {
                int xi = rows[r] * d;
                for (int q = 0; q < m; q++) {
                    dist[q] = Math.sqrt(Points.sqDist(x, xi, x, rows[q] * d, d));
                }
                java.util.Arrays.fill(sums, 0);
                for (int c = 0; c < nl; c++) {
                    int[] l = lab[c];
                    int o = offset[c];
                    for (int q = 0; q < m; q++) {
                        int lq = l[q];
                        if (lq >= 0) {
                            sums[o + lq] += dist[q];
                        }
                    }
                }
                for (int c = 0; c < nl; c++) {
                    int own = lab[c][r];
                    if (own < 0) {
                        out[c][r] = Double.NaN;
                        continue;
                    }
                    int[] sz = sizes[c];
                    if (sz[own] <= 1) {
                        out[c][r] = 0;
                        continue;
                    }
                    double a = sums[offset[c] + own] / (sz[own] - 1);
                    double b = Double.POSITIVE_INFINITY;
                    for (int k = 0; k < sz.length; k++) {
                        if (k != own && sz[k] > 0) {
                            b = Math.min(b, sums[offset[c] + k] / sz[k]);
                        }
                    }
                    if (b == Double.POSITIVE_INFINITY) {
                        out[c][r] = Double.NaN;
                    } else {
                        double den = Math.max(a, b);
                        out[c][r] = den == 0 ? 0 : (b - a) / den;
                    }
                }
            }
        });
        return out;
    }

    /** Davies–Bouldin index (lower is better); NaN with fewer than two clusters. */
    public static double daviesBouldin(Points points, int[] labels) {
        Centroids c = centroids(points, labels);
        if (c.k < 2) {
            return Double.NaN;
        }
        int d = points.d();
        double[] x = points.data();
        double[] scatter = new double[c.k];
        for (int i = 0; i < points.n(); i++) {
            int l = labels[i];
            if (l >= 0) {
                scatter[l] += Math.sqrt(Points.sqDist(x, i * d, c.centres, l * d, d));
            }
        }
        int used = 0;
        double total = 0;
        for (int a = 0; a < c.k; a++) {
            if (c.counts[a] == 0) {
                continue;
            }
            scatter[a] /= c.counts[a];
        }
        for (int a = 0; a < c.k; a++) {
            if (c.counts[a] == 0) {
                continue;
            }
            double worst = 0;
            for (int b = 0; b < c.k; b++) {
                if (b == a || c.counts[b] == 0) {
                    continue;
                }
                double m = Math.sqrt(Points.sqDist(c.centres, a * d, c.centres, b * d, d));
                double r = m == 0 ? Double.POSITIVE_INFINITY : (scatter[a] + scatter[b]) / m;
                worst = Math.max(worst, r);
            }
            total += worst;
            used++;
        }
        return total / used;
    }

    /** Calinski–Harabasz index (higher is better); NaN with fewer than two clusters. */
    public static double calinskiHarabasz(Points points, int[] labels) {
        Centroids c = centroids(points, labels);
        if (c.k < 2) {
            return Double.NaN;
        }
        int d = points.d();
        double[] x = points.data();
        double[] mean = new double[d];
        long n = 0;
        for (int i = 0; i < points.n(); i++) {
            if (labels[i] < 0) {
                continue;
            }
            n++;
            for (int t = 0; t < d; t++) {
                mean[t] += x[i * d + t];
            }
        }
        for (int t = 0; t < d; t++) {
            mean[t] /= n;
        }
        double between = 0;
        for (int a = 0; a < c.counts.length; a++) {
            if (c.counts[a] > 0) {
                between += c.counts[a] * Points.sqDist(c.centres, a * d, mean, 0, d);
            }
        }
        double within = withinSumOfSquares(points, labels, c);
        if (n == c.k) {
            return Double.NaN;
        }
        return within == 0 ? Double.POSITIVE_INFINITY : (between / (c.k - 1)) / (within / (n - c.k));
    }

    /** Within-cluster sum of squared distances to the cluster means (noise left out). */
    public static double inertia(Points points, int[] labels) {
        return withinSumOfSquares(points, labels, centroids(points, labels));
    }

    private static double withinSumOfSquares(Points points, int[] labels, Centroids c) {
        int d = points.d();
        double[] x = points.data();
        double w = 0;
        for (int i = 0; i < points.n(); i++) {
            int l = labels[i];
            if (l >= 0) {
                w += Points.sqDist(x, i * d, c.centres, l * d, d);
            }
        }
        return w;
    }

    /**
     * Adjusted Rand index of two labellings of the same points: 1 for identical partitions (up to
     * renaming), about 0 for independent ones. Two single-cluster labellings score 1.
     */
    public static double adjustedRand(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new InvalidInputException("adjusted Rand index: labellings have " + a.length + " and " + b.length
                    + " points");
        }
        int n = a.length;
        if (n < 2) {
            return 1.0;
        }
        Long2LongOpenHashMap cells = new Long2LongOpenHashMap();
        Long2LongOpenHashMap rowsA = new Long2LongOpenHashMap();
        Long2LongOpenHashMap colsB = new Long2LongOpenHashMap();
        for (int i = 0; i < n; i++) {
            cells.addTo(((long) a[i] << 32) ^ (b[i] & 0xFFFFFFFFL), 1);
            rowsA.addTo(a[i], 1);
            colsB.addTo(b[i], 1);
        }
        double index = 0;
        for (long v : cells.values()) {
            index += pairs(v);
        }
        double sumA = 0;
        for (long v : rowsA.values()) {
            sumA += pairs(v);
        }
        double sumB = 0;
        for (long v : colsB.values()) {
            sumB += pairs(v);
        }
        double expected = sumA * sumB / pairs(n);
        double max = 0.5 * (sumA + sumB);
        if (max == expected) {
            return 1.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(long v) {
        return v * (v - 1) / 2.0;
    }

    /** Number of distinct non-noise labels. */
    public static int clusterCount(int[] labels) {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        if (max < 0) {
            return 0;
        }
        boolean[] seen = new boolean[max + 1];
        int k = 0;
        for (int l : labels) {
            if (l >= 0 && !seen[l]) {
                seen[l] = true;
                k++;
            }
        }
        return k;
    }

    private record Centroids(double[] centres, long[] counts, int k) {
    }

    private static Centroids centroids(Points points, int[] labels) {
        if (labels.length != points.n()) {
            throw new InvalidInputException("labels: expected " + points.n() + ", was " + labels.length);
        }
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        int d = points.d();
        double[] sums = new double[(max + 1) * d];
        long[] counts = new long[max + 1];
        double[] x = points.data();
        for (int i = 0; i < points.n(); i++) {
            int l = labels[i];
            if (l < 0) {
                continue;
            }
            counts[l]++;
            for (int t = 0; t < d; t++) {
                sums[l * d + t] += x[i * d + t];
            }
        }
        int k = 0;
        for (int c = 0; c <= max; c++) {
            if (counts[c] > 0) {
                k++;
                for (int t = 0; t < d; t++) {
                    sums[c * d + t] /= counts[c];
                }
            }
        }
        return new Centroids(sums, counts, k);
    }
}
