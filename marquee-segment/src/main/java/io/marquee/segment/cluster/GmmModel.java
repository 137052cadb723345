package io.marquee.segment.cluster;

import io.marquee.core.model.Model;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;

/**
 * A fitted Gaussian mixture: component weights, means and covariances (diagonal {@code k × d} or
 * full {@code k × d × d}), the training labels (most probable component), the final
 * log-likelihood and BIC; {@link #summary()} holds the log-likelihood after every EM step.
 * Immutable.
 */
public final class GmmModel implements Model, Assigner {
    private final GaussianDensities densities;
    private final double[] weights;
    private final int[] labels;
    private final double logLikelihood;
    private final double bic;
    private final int iterations;
    private final boolean converged;
    private final ModelProvenance provenance;
    private final TrainingSummary summary;

    GmmModel(double[] weights, double[] means, double[] cov, int k, int d, boolean full, int[] labels,
             double logLikelihood, double bic, int iterations, boolean converged, ModelProvenance provenance,
             TrainingSummary summary) {
        this.densities = new GaussianDensities(weights, means, cov, k, d, full);
        this.weights = weights;
        this.labels = labels;
        this.logLikelihood = logLikelihood;
        this.bic = bic;
        this.iterations = iterations;
        this.converged = converged;
        this.provenance = provenance;
        this.summary = summary;
    }

    /** Rebuilds a model from stored parameters (labels and training figures left empty). */
    public static GmmModel of(double[] weights, double[] means, double[] cov, int k, int d, boolean full,
                              ModelProvenance provenance) {
        return new GmmModel(weights.clone(), means.clone(), cov.clone(), k, d, full, new int[0], Double.NaN,
                Double.NaN, 0, true, provenance, new TrainingSummary(new double[0], 0));
    }

    public int components() {
        return densities.k;
    }

    @Override
    public int dimension() {
        return densities.d;
    }

    /** Whether the covariances are full matrices. */
    public boolean fullCovariance() {
        return densities.full;
    }

    public double[] weights() {
        return weights.clone();
    }

    /** Means, row-major {@code k × d}. */
    public double[] means() {
        return densities.means.clone();
    }

    /** Variances {@code k × d} (diagonal) or covariance matrices {@code k × d × d} (full). */
    public double[] covariances() {
        return densities.cov.clone();
    }

    /** Most probable component of every training point. */
    public int[] labels() {
        return labels.clone();
    }

    /** Total log-likelihood of the training points under the final parameters. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Bayesian information criterion: −2 log L + p ln n (lower is better). */
    public double bic() {
        return bic;
    }

    public int iterations() {
        return iterations;
    }

    /** Whether EM stopped by the tolerance rather than the iteration limit. */
    public boolean converged() {
        return converged;
    }

    /** Free parameters of a mixture of {@code k} components in {@code d} dimensions. */
    public static long freeParameters(int k, int d, boolean full) {
        long cov = full ? (long) d * (d + 1) / 2 : d;
        return (k - 1) + (long) k * d + k * cov;
    }

    /** Posterior probability of each component for the point {@code x[offset..]}. */
    public double[] posterior(double[] x, int offset) {
        double[] lj = new double[densities.k];
        double lse = densities.logJoint(x, offset, lj, 0, new double[densities.d]);
        for (int c = 0; c < lj.length; c++) {
            lj[c] = Math.exp(lj[c] - lse);
        }
        return lj;
    }

    @Override
    public int assign(double[] x, int offset) {
        double[] lj = new double[densities.k];
        densities.logJoint(x, offset, lj, 0, new double[densities.d]);
        int best = 0;
        for (int c = 1; c < lj.length; c++) {
            if (lj[c] > lj[best]) {
                best = c;
            }
        }
        return best;
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
