package io.marquee.segment.cluster;

import io.marquee.core.model.Model;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;

/**
 * A fitted k-means model: {@code k} centroids of dimension {@code d}, the training labels and
 * inertia (sum of squared distances to the nearest centroid), and per Lloyd iteration of the
 * winning restart the inertia in {@link #summary()}. Immutable.
 */
public final class KMeansModel implements Model, Assigner {
    private final double[] centroids;
    private final int k;
    private final int d;
    private final int[] labels;
    private final double inertia;
    private final int iterations;
    private final ModelProvenance provenance;
    private final TrainingSummary summary;

    KMeansModel(double[] centroids, int k, int d, int[] labels, double inertia, int iterations,
                ModelProvenance provenance, TrainingSummary summary) {
        this.centroids = centroids;
        this.k = k;
        this.d = d;
        this.labels = labels;
        this.inertia = inertia;
        this.iterations = iterations;
        this.provenance = provenance;
        this.summary = summary;
    }

    /** Number of clusters. */
    public int k() {
        return k;
    }

    /** Dimension. */
    public int d() {
        return d;
    }

    /** A copy of the centroids, row-major {@code k × d}. */
    public double[] centroids() {
        return centroids.clone();
    }

    /** A copy of the label of every training point. */
    public int[] labels() {
        return labels.clone();
    }

    /** Sum of squared distances of the training points to their centroids. */
    public double inertia() {
        return inertia;
    }

    /** Lloyd iterations run by the winning restart. */
    public int iterations() {
        return iterations;
    }

    @Override
    public int assign(double[] x, int offset) {
        return nearest(centroids, k, d, x, offset);
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public TrainingSummary summary() {
        return summary;
    }

    /** Index of the centroid nearest to {@code x[offset..offset+d)} (lowest index on ties). */
    static int nearest(double[] centroids, int k, int d, double[] x, int offset) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double s = Points.sqDist(x, offset, centroids, c * d, d);
            if (s < bestD) {
                bestD = s;
                best = c;
            }
        }
        return best;
    }
}
