package io.marquee.segment.cluster;

import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * DBSCAN (Ester et al. 1996) by brute-force neighbour search: a point with at least
 * {@code minPoints} points (itself included) within {@code eps} is a core point; clusters are the
 * connected components of core points plus the border points they reach; everything else is noise
 * ({@code −1}).
 *
 * <p>Written here (about a hundred lines) because Tribuo has HDBSCAN but not DBSCAN; both are
 * offered by the segmentation. Time O(n² d) and memory O(n): neighbourhoods are recomputed when a
 * cluster is expanded instead of stored. Deterministic: points are visited in index order and
 * clusters are numbered in the order they are found; a border point reachable from two clusters
 * joins the first.
 */
public final class Dbscan {
    private Dbscan() {
    }

    /** Clusters the points. */
    public static DensityModel fit(Points points, DbscanParams params) {
        long start = System.nanoTime();
        points.requireFinite();
        int n = points.n();
        int d = points.d();
        double[] x = points.data();
        double eps2 = params.eps() * params.eps();
        boolean[] core = new boolean[n];
        Chunks.forEach(n, 256, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                int count = 0;
                for (int j = 0; j < n && count < params.minPoints(); j++) {
                    if (Points.sqDist(x, i * d, x, j * d, d) <= eps2) {
                        count++;
                    }
                }
                core[i] = count >= params.minPoints();
            }
        });
        int[] labels = new int[n];
        Arrays.fill(labels, Integer.MIN_VALUE); // unvisited
        int clusters = 0;
        IntArrayList queue = new IntArrayList();
        for (int i = 0; i < n; i++) {
            if (labels[i] != Integer.MIN_VALUE || !core[i]) {
                continue;
            }
            int label = clusters++;
            labels[i] = label;
            queue.clear();
            queue.add(i);
            for (int head = 0; head < queue.size(); head++) {
                int p = queue.getInt(head);
                if (!core[p]) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (labels[j] != Integer.MIN_VALUE && labels[j] != Assigner.NOISE) {
                        continue;
                    }
                    if (Points.sqDist(x, p * d, x, j * d, d) <= eps2) {
                        boolean wasUnvisited = labels[j] == Integer.MIN_VALUE;
                        labels[j] = label;
                        if (wasUnvisited && core[j]) {
                            queue.add(j);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] == Integer.MIN_VALUE) {
                labels[i] = Assigner.NOISE;
            }
        }
        int cores = 0;
        for (boolean b : core) {
            if (b) {
                cores++;
            }
        }
        double[] corePoints = new double[cores * d];
        int[] coreLabels = new int[cores];
        double[] radius = new double[cores];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                System.arraycopy(x, i * d, corePoints, m * d, d);
                coreLabels[m] = labels[i];
                radius[m] = params.eps();
                m++;
            }
        }
        return new DensityModel(labels, core, clusters, new DensityAssigner(corePoints, coreLabels, radius, d),
                ModelProvenance.of("dbscan", params, points.fingerprint()),
                new TrainingSummary(new double[0], (System.nanoTime() - start) / 1e9));
    }

    /**
     * Distance of every point to its {@code k}-th nearest neighbour (the point itself counted
     * first, as in {@code minPoints}): the "k-distance" whose quantiles suggest values of ε.
     */
    public static double[] kDistances(Points points, int k) {
        int n = points.n();
        int d = points.d();
        double[] x = points.data();
        double[] out = new double[n];
        int kk = Math.min(k, n);
        Chunks.forEach(n, 256, (c, from, to) -> {
            double[] best = new double[kk];
            for (int i = from; i < to; i++) {
                Arrays.fill(best, Double.POSITIVE_INFINITY);
                for (int j = 0; j < n; j++) {
                    double s = Points.sqDist(x, i * d, x, j * d, d);
                    if (s < best[kk - 1]) {
                        int p = kk - 1;
                        while (p > 0 && best[p - 1] > s) {
                            best[p] = best[p - 1];
                            p--;
                        }
                        best[p] = s;
                    }
                }
                out[i] = Math.sqrt(best[kk - 1]);
            }
        });
        return out;
    }
}
