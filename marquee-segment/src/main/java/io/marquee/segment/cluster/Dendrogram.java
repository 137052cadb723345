package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * The merges of an agglomerative clustering of {@code n} points, in order of increasing height,
 * numbered as SciPy's linkage matrix: ids below {@code n} are points, merge {@code m} creates
 * cluster {@code n + m}. Immutable.
 */
public final class Dendrogram {
    private final int n;
    private final int[] left;
    private final int[] right;
    private final double[] height;
    private final int[] size;

    Dendrogram(int n, int[] left, int[] right, double[] height, int[] size) {
        this.n = n;
        this.left = left;
        this.right = right;
        this.height = height;
        this.size = size;
    }

    /** Number of points. */
    public int points() {
        return n;
    }

    /** Number of merges ({@code n − 1}). */
    public int merges() {
        return left.length;
    }

    /** Smaller id of the two clusters joined by merge {@code m}. */
    public int left(int m) {
        return left[m];
    }

    /** Larger id of the two clusters joined by merge {@code m}. */
    public int right(int m) {
        return right[m];
    }

    /** Height of merge {@code m}. */
    public double height(int m) {
        return height[m];
    }

    /** Number of points in the cluster made by merge {@code m}. */
    public int size(int m) {
        return size[m];
    }

    /** A copy of all merge heights, increasing. */
    public double[] heights() {
        return height.clone();
    }

    /**
     * Flat labels {@code 0 … k−1} from applying the first {@code n − k} merges; clusters are
     * numbered in order of their first point.
     */
    public int[] cut(int k) {
        if (k < 1 || k > n) {
            throw InvalidInputException.of("k", k, "between 1 and " + n);
        }
        int[] parent = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int m = 0; m < n - k; m++) {
            parent[find(parent, left[m])] = n + m;
            parent[find(parent, right[m])] = n + m;
        }
        int[] labels = new int[n];
        int[] rootLabel = new int[2 * n - 1];
        Arrays.fill(rootLabel, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (rootLabel[r] < 0) {
                rootLabel[r] = next++;
            }
            labels[i] = rootLabel[r];
        }
        return labels;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
