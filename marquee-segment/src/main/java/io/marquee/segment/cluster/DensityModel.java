package io.marquee.segment.cluster;

import io.marquee.core.model.Model;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;

/**
 * A density-based clustering (DBSCAN or HDBSCAN*): labels of the training points
 * ({@link Assigner#NOISE} for noise), which points are DBSCAN core points (all false for
 * HDBSCAN*), and an assigner for new points (nearest core point within ε, or nearest exemplar
 * within its distance to the cluster edge). Immutable.
 */
public final class DensityModel implements Model, Assigner {
    private final int[] labels;
    private final boolean[] core;
    private final int clusters;
    private final DensityAssigner assigner;
    private final ModelProvenance provenance;
    private final TrainingSummary summary;

    DensityModel(int[] labels, boolean[] core, int clusters, DensityAssigner assigner, ModelProvenance provenance,
                TrainingSummary summary) {
        this.labels = labels;
        this.core = core;
        this.clusters = clusters;
        this.assigner = assigner;
        this.provenance = provenance;
        this.summary = summary;
    }

    /** Number of clusters found (noise not counted). */
    public int clusters() {
        return clusters;
    }

    /** Labels of the training points (−1 = noise). */
    public int[] labels() {
        return labels.clone();
    }

    /** Whether each training point is a core point. */
    public boolean[] core() {
        return core.clone();
    }

    /** The core-point assigner used for new points. */
    public DensityAssigner assigner() {
        return assigner;
    }

    @Override
    public int assign(double[] x, int offset) {
        return assigner.assign(x, offset);
    }

    @Override
    public int dimension() {
        return assigner.dimension();
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public TrainingSummary summary() {
        return summary;
    }
}
