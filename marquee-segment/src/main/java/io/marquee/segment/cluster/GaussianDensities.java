package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Log densities of a set of Gaussian components, precomputed for fast evaluation: per component
 * the log of its weight plus its normalising constant, and the inverse variances (diagonal) or the
 * Cholesky factor of the covariance (full, factorised with EJML). Immutable.
 */
final class GaussianDensities {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

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
                // W = L⁻¹ (lower triangular) by forward substitution on the identity, so that the
                // Mahalanobis term is |W (x − μ)|², rows of W being independent dot products
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

    /**
     * Writes log(weight_c · N(x | μ_c, Σ_c)) for every component into {@code out[outOff..]} and
     * returns their log-sum-exp (the log density of the mixture at x). {@code scratch} has ≥ d entries.
     */
    double logJoint(double[] x, int off, double[] out, int outOff, double[] scratch) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double q;
            int mo = c * d;
            if (full) {
                // z = W (x − μ) with W = L⁻¹ lower triangular; q = |z|²
                int wo = c * d * d;
                for (int j = 0; j < d; j++) {
                    scratch[j] = x[off + j] - means[mo + j];
                }
                q = 0;
                for (int i = 0; i < d; i++) {
                    int row = wo + i * d;
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    int j = 0;
                    for (; j + 3 <= i; j += 4) {
                        s0 += factor[row + j] * scratch[j];
                        s1 += factor[row + j + 1] * scratch[j + 1];
                        s2 += factor[row + j + 2] * scratch[j + 2];
                        s3 += factor[row + j + 3] * scratch[j + 3];
                    }
                    for (; j <= i; j++) {
                        s0 += factor[row + j] * scratch[j];
                    }
                    double z = (s0 + s1) + (s2 + s3);
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
            double v = constant[c] - 0.5 * q;
            out[outOff + c] = v;
            if (v > max) {
                max = v;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int c = 0; c < k; c++) {
            s += Math.exp(out[outOff + c] - max);
        }
        return max + Math.log(s);
    }
}
