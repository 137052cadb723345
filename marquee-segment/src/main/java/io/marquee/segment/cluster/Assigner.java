package io.marquee.segment.cluster;

/**
 * Assigns a new point to a cluster of a fitted model: a cluster index {@code 0 … k-1}, or
 * {@link #NOISE} when a density-based model finds the point in no cluster.
 */
public interface Assigner {
    /** Label of points that belong to no cluster. */
    int NOISE = -1;

    /** Cluster of the point {@code x[offset .. offset + dimension())}. */
    int assign(double[] x, int offset);

    /** Dimension of the points the model expects. */
    int dimension();

    /** Cluster of every point. */
    default int[] assignAll(Points points) {
        int[] out = new int[points.n()];
        double[] x = points.data();
        int d = points.d();
        Chunks.forEach(points.n(), (c, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = assign(x, i * d);
            }
        });
        return out;
    }
}
