package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Log densities of a set of Gaussian components, precomputed for fast evaluation: per component
 * the log of its weight plus its normalising constant, and the inverse variances (diagonal) or the
 * inverse of the Cholesky factor of the covariance (full, factorised with EJML). Immutable.
 *
 * <p>Full covariances: the Mahalanobis term of a point is |W (x − μ)|² with W = L⁻¹ lower
 * triangular. {@link #logJoints} evaluates it for four points at once, the four running sums held
 * in local variables, so that their additions are independent of each other (one point's dot
 * product is a chain of dependent additions). {@link #logJoint} (one point, for serving) adds the
 * same terms in the same order, so both give identical values.
 */
final class GaussianDensities {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** Points a parallel task hands to {@link #logJoints} at a time. */
    static final int BLOCK = 32;
    /** Points whose full-covariance terms are computed together. */
    private static final int GROUP = 4;

    final int k;
    final int d;
    final boolean full;
    final double[] logWeights;
    final double[] means;
    /** Diagonal: variances {@code k × d}; full: covariances {@code k × d × d}. */
    final double[] cov;
    /** Diagonal: 1/variance; full: inverses of the lower Cholesky factors {@code k × d × d}. */
    private final double[] factor;
    /** log weight − ½ (d log 2π + log det Σ). */
    private final double[] constant;

    GaussianDensities(double[] weights, double[] means, double[] cov, int k, int d, boolean full) {
        this.k = k;
        this.d = d;
        this.full = full;
        this.means = means;
        this.cov = cov;
        this.logWeights = new double[k];
        this.factor = new double[cov.length];
        this.constant = new double[k];
        for (int c = 0; c < k; c++) {
            logWeights[c] = Math.log(weights[c]);
            double logDet = 0;
            if (full) {
                DMatrixRMaj a = new DMatrixRMaj(d, d);
                System.arraycopy(cov, c * d * d, a.data, 0, d * d);
                CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
                if (!chol.decompose(a)) {
                    throw new InvalidInputException("covariance of component " + c + " is not positive definite");
                }
                DMatrixRMaj l = chol.getT(null);
                for (int j = 0; j < d; j++) {
                    logDet += 2 * Math.log(l.get(j, j));
                }
                // W = L⁻¹ (lower triangular) by forward substitution on the identity
                int fo = c * d * d;
                for (int col = 0; col < d; col++) {
                    for (int i = col; i < d; i++) {
                        double sum = i == col ? 1 : 0;
                        for (int j = col; j < i; j++) {
                            sum -= l.get(i, j) * factor[fo + j * d + col];
                        }
                        factor[fo + i * d + col] = sum / l.get(i, i);
                    }
                }
            } else {
                for (int j = 0; j < d; j++) {
                    double v = cov[c * d + j];
                    factor[c * d + j] = 1 / v;
                    logDet += Math.log(v);
                }
            }
            constant[c] = logWeights[c] - 0.5 * (d * LOG_2PI + logDet);
        }
    }

    /** Work arrays of {@link #logJoints}, one per thread. */
    final class Scratch {
        final double[] diff = new double[GROUP * d];
        final double[] row = new double[Math.max(d, 1)];
    }

    Scratch scratch() {
        return new Scratch();
    }

    /**
     * Writes log(weight_c · N(x_i | μ_c, Σ_c)) of the points {@code i} in {@code [from, from + m)}
     * of the row-major {@code x} into {@code out[i·k + c]}. Each value equals what
     * {@link #logJoint} gives for the point.
     */
    void logJoints(double[] x, int from, int m, double[] out, Scratch s) {
        int p = 0;
        if (full) {
            for (; p + GROUP <= m; p += GROUP) {
                fullGroup(x, from + p, out, s.diff);
            }
        }
        for (; p < m; p++) {
            int i = from + p;
            fill(x, i * d, out, i * k, s.row);
        }
    }

    /**
     * Full covariances, four points at once: the triangular products W (x_p − μ) of the four
     * points are independent sums kept in registers, so they overlap in the processor instead of
     * each waiting for its previous addition; every sum adds the same terms in the same order as
     * {@link #fill}.
     */
    private void fullGroup(double[] x, int first, double[] out, double[] diff) {
        int x0 = first * d;
        for (int c = 0; c < k; c++) {
            int mo = c * d;
            int wo = c * d * d;
            for (int p = 0; p < GROUP; p++) {
                int xo = x0 + p * d;
                int o = p * d;
                for (int j = 0; j < d; j++) {
                    diff[o + j] = x[xo + j] - means[mo + j];
                }
            }
            double q0 = 0;
            double q1 = 0;
            double q2 = 0;
            double q3 = 0;
            int d1 = d;
            int d2 = 2 * d;
            int d3 = 3 * d;
            for (int i = 0; i < d; i++) {
                int row = wo + i * d;
                double z0 = 0;
                double z1 = 0;
                double z2 = 0;
                double z3 = 0;
                for (int j = 0; j <= i; j++) {
                    double w = factor[row + j];
                    z0 += w * diff[j];
                    z1 += w * diff[d1 + j];
                    z2 += w * diff[d2 + j];
                    z3 += w * diff[d3 + j];
                }
                q0 += z0 * z0;
                q1 += z1 * z1;
                q2 += z2 * z2;
                q3 += z3 * z3;
            }
            int o = first * k + c;
            out[o] = constant[c] - 0.5 * q0;
            out[o + k] = constant[c] - 0.5 * q1;
            out[o + 2 * k] = constant[c] - 0.5 * q2;
            out[o + 3 * k] = constant[c] - 0.5 * q3;
        }
    }

    /** Log-sum-exp of {@code v[off..off + k)} (the log density of the mixture when v holds log joints). */
    double logSumExp(double[] v, int off) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (v[off + c] > max) {
                max = v[off + c];
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int c = 0; c < k; c++) {
            s += Math.exp(v[off + c] - max);
        }
        return max + Math.log(s);
    }

    /**
     * Writes log(weight_c · N(x | μ_c, Σ_c)) for every component into {@code out[outOff..]} and
     * returns their log-sum-exp (the log density of the mixture at x). {@code scratch} has ≥ d entries.
     */
    double logJoint(double[] x, int off, double[] out, int outOff, double[] scratch) {
        fill(x, off, out, outOff, scratch);
        return logSumExp(out, outOff);
    }

    /** The log joints of {@link #logJoint} without their log-sum-exp. */
    private void fill(double[] x, int off, double[] out, int outOff, double[] scratch) {
        for (int c = 0; c < k; c++) {
            double q;
            int mo = c * d;
            if (full) {
                // z = W (x − μ) with W = L⁻¹ lower triangular; q = |z|²; terms added as in logJoints
                int wo = c * d * d;
                for (int j = 0; j < d; j++) {
                    scratch[j] = x[off + j] - means[mo + j];
                }
                q = 0;
                for (int i = 0; i < d; i++) {
                    int row = wo + i * d;
                    double z = 0;
                    for (int j = 0; j <= i; j++) {
                        z += factor[row + j] * scratch[j];
                    }
                    q += z * z;
                }
            } else {
                double q0 = 0;
                double q1 = 0;
                int j = 0;
                for (; j + 1 < d; j += 2) {
                    double t0 = x[off + j] - means[mo + j];
                    double t1 = x[off + j + 1] - means[mo + j + 1];
                    q0 += t0 * t0 * factor[mo + j];
                    q1 += t1 * t1 * factor[mo + j + 1];
                }
                for (; j < d; j++) {
                    double t = x[off + j] - means[mo + j];
                    q0 += t * t * factor[mo + j];
                }
                q = q0 + q1;
            }
            out[outOff + c] = constant[c] - 0.5 * q;
        }
    }
}
