package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;

/**
 * Assigns a point to the nearest of {@code k} centroids (squared Euclidean distance, lowest index
 * on ties). Used for k-means models and for Ward clusters, whose points outside the clustered
 * sample go to the nearest cluster centroid. Immutable.
 */
public final class CentroidAssigner implements Assigner {
    private final double[] centroids;
    private final int k;
    private final int d;

    /** Centroids row-major {@code k × d} (copied). */
    public CentroidAssigner(double[] centroids, int k, int d) {
        if (k < 1 || d < 1 || centroids.length != k * d) {
            throw new InvalidInputException("centroids must hold k*d = " + k + "*" + d + " values, was "
                    + centroids.length);
        }
        this.centroids = centroids.clone();
        this.k = k;
        this.d = d;
    }

    /** Centroids (mean of each label's points) of the labelled points; labels in {@code [0, k)}. */
    public static CentroidAssigner ofLabels(Points points, int[] labels, int k) {
        int d = points.d();
        double[] sums = new double[k * d];
        long[] counts = new long[k];
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
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                throw new InvalidInputException("cluster " + c + " has no points");
            }
            for (int t = 0; t < d; t++) {
                sums[c * d + t] /= counts[c];
            }
        }
        return new CentroidAssigner(sums, k, d);
    }

    public int k() {
        return k;
    }

    /** A copy of the centroids, row-major {@code k × d}. */
    public double[] centroids() {
        return centroids.clone();
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public int assign(double[] x, int offset) {
        return KMeansModel.nearest(centroids, k, d, x, offset);
    }
}
