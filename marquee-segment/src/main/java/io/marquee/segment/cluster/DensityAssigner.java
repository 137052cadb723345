package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;

/**
 * Assigns a point the cluster of the nearest reference point when it lies within that point's
 * radius, and {@link Assigner#NOISE} otherwise. For DBSCAN the reference points are the core
 * points and every radius is ε; for HDBSCAN they are the cluster exemplars and their distance to
 * the cluster's edge. Immutable.
 */
public final class DensityAssigner implements Assigner {
    private final double[] points;
    private final int[] labels;
    private final double[] radius;
    private final int d;

    /** Reference points row-major {@code m × d}, their cluster labels and radii (all copied). */
    public DensityAssigner(double[] points, int[] labels, double[] radius, int d) {
        int m = labels.length;
        if (d < 1 || points.length != m * d || radius.length != m) {
            throw new InvalidInputException("density assigner: " + m + " labels need " + (m * d)
                    + " coordinates and " + m + " radii, were " + points.length + " and " + radius.length);
        }
        this.points = points.clone();
        this.labels = labels.clone();
        this.radius = radius.clone();
        this.d = d;
    }

    /** Number of reference points. */
    public int size() {
        return labels.length;
    }

    public double[] points() {
        return points.clone();
    }

    public int[] labels() {
        return labels.clone();
    }

    public double[] radius() {
        return radius.clone();
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public int assign(double[] x, int offset) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int p = 0; p < labels.length; p++) {
            double s = Points.sqDist(x, offset, points, p * d, d);
            if (s < bestD) {
                bestD = s;
                best = p;
            }
        }
        if (best < 0 || Math.sqrt(bestD) > radius[best]) {
            return NOISE;
        }
        return labels[best];
    }
}
