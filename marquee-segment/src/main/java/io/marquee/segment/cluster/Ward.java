package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Agglomerative clustering with Ward's criterion: each step merges the two clusters whose union
 * increases the within-cluster sum of squares the least.
 *
 * <p>Written by hand: no Apache-licensed Java library offers Ward's method (Smile ≥ 3 is GPL-3,
 * ELKI AGPL, Tribuo has no hierarchical clustering). Dissimilarities start as squared Euclidean
 * distances and are updated with the Lance–Williams formula
 * {@code D(k, i∪j) = [(n_i+n_k) D(k,i) + (n_j+n_k) D(k,j) − n_k D(i,j)] / (n_i+n_j+n_k)}, which
 * keeps {@code D(A, B) = 2 n_A n_B / (n_A+n_B) · |c_A − c_B|²}, twice the increase of the sum of
 * squares. Merges are found with the nearest-neighbour chain algorithm (Murtagh 1983; exact for
 * Ward, which is reducible) in O(n²) time and a condensed O(n²) matrix, then sorted by height.
 * Heights are reported as {@code sqrt(D)}, SciPy's {@code linkage(method='ward')} convention.
 *
 * <p>Quadratic memory limits it to samples (the segmentation clusters at most
 * {@code wardSample} viewers and assigns the others to the nearest cluster centroid).
 */
public final class Ward {
    /** Largest number of points accepted (the condensed matrix then takes 1.6 GB). */
    public static final int MAX_POINTS = 20_000;

    private Ward() {
    }

    /** The full merge tree of the points. */
    public static Dendrogram fit(Points points) {
        points.requireFinite();
        int n = points.n();
        if (n < 1) {
            throw new InvalidInputException("Ward clustering needs at least 1 point, was 0");
        }
        if (n > MAX_POINTS) {
            throw InvalidInputException.of("points", n, "at most " + MAX_POINTS + " for Ward clustering (sample first)");
        }
        int d = points.d();
        double[] x = points.data();
        double[] dist = new double[(int) ((long) n * (n - 1) / 2)];
        Chunks.forEach(n, 256, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                int base = index(n, i, i + 1);
                for (int j = i + 1; j < n; j++) {
                    dist[base + j - i - 1] = Points.sqDist(x, i * d, x, j * d, d);
                }
            }
        });
        int[] size = new int[n];
        Arrays.fill(size, 1);
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        int[] chain = new int[n];
        int chainLen = 0;
        int[] mergeA = new int[n - 1];
        int[] mergeB = new int[n - 1];
        double[] mergeD = new double[n - 1];
        int nextActive = 0;
        for (int m = 0; m < n - 1; m++) {
            if (chainLen == 0) {
                while (!active[nextActive]) {
                    nextActive++;
                }
                chain[chainLen++] = nextActive;
            }
            int a;
            int b;
            double best;
            while (true) {
                a = chain[chainLen - 1];
                if (chainLen > 1) {
                    b = chain[chainLen - 2];
                    best = dist[pairIndex(n, a, b)];
                } else {
                    b = -1;
                    best = Double.POSITIVE_INFINITY;
                }
                for (int i = 0; i < n; i++) {
                    if (!active[i] || i == a) {
                        continue;
                    }
                    double v = dist[pairIndex(n, a, i)];
                    if (v < best) {
                        best = v;
                        b = i;
                    }
                }
                if (chainLen > 1 && b == chain[chainLen - 2]) {
                    break;
                }
                chain[chainLen++] = b;
            }
            chainLen -= 2;
            // merge a and b into the slot of the larger index
            int keep = Math.max(a, b);
            int drop = Math.min(a, b);
            mergeA[m] = drop;
            mergeB[m] = keep;
            mergeD[m] = best;
            int na = size[a];
            int nb = size[b];
            active[drop] = false;
            for (int i = 0; i < n; i++) {
                if (!active[i] || i == keep) {
                    continue;
                }
                int nk = size[i];
                double dai = dist[pairIndex(n, a, i)];
                double dbi = dist[pairIndex(n, b, i)];
                dist[pairIndex(n, keep, i)] = ((na + nk) * dai + (nb + nk) * dbi - nk * best) / (na + nb + nk);
            }
            size[keep] = na + nb;
        }
        return toDendrogram(n, mergeA, mergeB, mergeD);
    }

    /** Sorts the merges by height (stably) and renumbers them SciPy-style. */
    private static Dendrogram toDendrogram(int n, int[] a, int[] b, double[] dd) {
        int m = a.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> dd[i]));
        int[] parent = new int[n];
        int[] clusterOfRoot = new int[n];
        int[] clusterSize = new int[2 * n - 1];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            clusterOfRoot[i] = i;
            clusterSize[i] = 1;
        }
        int[] left = new int[m];
        int[] right = new int[m];
        double[] height = new double[m];
        int[] size = new int[m];
        for (int s = 0; s < m; s++) {
            int o = order[s];
            int ra = find(parent, a[o]);
            int rb = find(parent, b[o]);
            int ca = clusterOfRoot[ra];
            int cb = clusterOfRoot[rb];
            left[s] = Math.min(ca, cb);
            right[s] = Math.max(ca, cb);
            height[s] = Math.sqrt(Math.max(0, dd[o]));
            size[s] = clusterSize[ca] + clusterSize[cb];
            clusterSize[n + s] = size[s];
            parent[ra] = rb;
            clusterOfRoot[rb] = n + s;
        }
        return new Dendrogram(n, left, right, height, size);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static int index(int n, int i, int j) {
        return (int) ((long) i * n - (long) i * (i + 1) / 2 + (j - i - 1));
    }

    private static int pairIndex(int n, int i, int j) {
        return i < j ? index(n, i, j) : index(n, j, i);
    }
}
