package io.marquee.recommend.bayes;

import io.marquee.recommend.data.CsrMatrix;
import java.util.SplittableRandom;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;

/**
 * Implicit feedback as side information of one side of BPMF, in the form of Macau (Simm et al.
 * 2015, "Macau: scalable Bayesian multi-relational factorization with side information using
 * MCMC"): the prior mean of an entity's latent vector is shifted by a linear map of its features,
 *
 * <pre>
 *   w_e ~ N(μ + βᵀ f_e, Λ⁻¹),   β_j ~ N(0, (λ Λ)⁻¹) for every feature j,   λ ~ Gamma(1, 1)
 * </pre>
 *
 * <p>with f_e the indicator of the entities of the other side that e is rated with in the
 * training data, scaled by |R(e)|^−½. For users that makes the prior mean μ + |R(u)|^−½ Σ_{j ∈ R(u)} β_j,
 * the implicit term of SVD++ (Koren 2008) in Bayesian form; for items ("flipped", Rendle et al.
 * 2019) the same over the users who rated the item. Only the training ratings' (user, item) pairs
 * are used, never anything about the pairs to be predicted.
 *
 * <p>β is drawn row by row from its Gaussian conditional given the current latent vectors (a
 * Gibbs scan over the features, as libFM's MCMC does for its parameters): with residuals
 * r_e = w_e − μ − βᵀ f_e kept up to date, row j has conditional N(m_j, (s_j Λ)⁻¹) with
 * s_j = Σ_e f_ej² + λ and m_j = Σ_e f_ej (r_e + f_ej β_j) / s_j, so a sweep costs O(nnz · d) and
 * needs no m × m solve. Rows of features nobody has stay 0 and are left out. Single-threaded and
 * driven by one random stream, so it is reproducible.
 */
final class ImplicitLink {
    private final int d;
    private final int[] ePtr;
    private final int[] eCol;
    private final double[] eVal;
    private final int[] fPtr;
    private final int[] fRow;
    private final double[] fVal;
    private final double[] sumSq;
    private final int[] activeFeatures;
    /** β, features × d, row-major. */
    private final double[] beta;
    private double lambda = 1.0;

    /** Features of each row of {@code byEntity}: its columns, each with value |row|^−½. */
    ImplicitLink(CsrMatrix byEntity, int d) {
        this.d = d;
        int n = byEntity.rows();
        int m = byEntity.cols();
        this.ePtr = byEntity.rowPtrArray();
        this.eCol = byEntity.colArray();
        this.eVal = new double[eCol.length];
        int[] count = new int[m];
        for (int e = 0; e < n; e++) {
            int from = ePtr[e];
            int to = ePtr[e + 1];
            double v = to > from ? 1.0 / Math.sqrt(to - from) : 0;
            for (int t = from; t < to; t++) {
                eVal[t] = v;
                count[eCol[t]]++;
            }
        }
        // transpose: for each feature, the entities that have it
        this.fPtr = new int[m + 1];
        for (int j = 0; j < m; j++) {
            fPtr[j + 1] = fPtr[j] + count[j];
        }
        this.fRow = new int[eCol.length];
        this.fVal = new double[eCol.length];
        int[] fill = new int[m];
        for (int e = 0; e < n; e++) {
            for (int t = ePtr[e]; t < ePtr[e + 1]; t++) {
                int j = eCol[t];
                int at = fPtr[j] + fill[j]++;
                fRow[at] = e;
                fVal[at] = eVal[t];
            }
        }
        this.sumSq = new double[m];
        int active = 0;
        for (int j = 0; j < m; j++) {
            for (int t = fPtr[j]; t < fPtr[j + 1]; t++) {
                sumSq[j] += fVal[t] * fVal[t];
            }
            active += count[j] > 0 ? 1 : 0;
        }
        this.activeFeatures = new int[active];
        for (int j = 0, a = 0; j < m; j++) {
            if (count[j] > 0) {
                activeFeatures[a++] = j;
            }
        }
        this.beta = new double[m * d];
    }

    /** Features with at least one entity (the rows of β that are sampled). */
    int activeCount() {
        return activeFeatures.length;
    }

    /** {@code out = base + βᵀ f_e}. */
    void priorMean(int e, double[] base, double[] out) {
        System.arraycopy(base, 0, out, 0, d);
        for (int t = ePtr[e]; t < ePtr[e + 1]; t++) {
            int o = eCol[t] * d;
            double v = eVal[t];
            for (int a = 0; a < d; a++) {
                out[a] += v * beta[o + a];
            }
        }
    }

    /** {@code w_e − βᵀ f_e} for every entity (rows of entities without features are w_e). */
    double[] residuals(double[] w, int entities) {
        double[] r = new double[entities * d];
        for (int e = 0; e < entities; e++) {
            int o = e * d;
            for (int a = 0; a < d; a++) {
                r[o + a] = w[o + a];
            }
            for (int t = ePtr[e]; t < ePtr[e + 1]; t++) {
                int bo = eCol[t] * d;
                double v = eVal[t];
                for (int a = 0; a < d; a++) {
                    r[o + a] -= v * beta[bo + a];
                }
            }
        }
        return r;
    }

    /** λ Σ_j β_j β_jᵀ over the active features: β's term in the posterior of Λ. */
    double[] betaScatter() {
        double[] s = new double[d * d];
        for (int j : activeFeatures) {
            int o = j * d;
            for (int a = 0; a < d; a++) {
                double ba = beta[o + a];
                for (int b = 0; b <= a; b++) {
                    s[a * d + b] += ba * beta[o + b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                s[a * d + b] *= lambda;
                s[b * d + a] = s[a * d + b];
            }
        }
        return s;
    }

    /** One Gibbs scan over the rows of β, then a draw of λ, given the latent vectors w and (μ, Λ). */
    void sample(SplittableRandom rnd, double[] w, int entities, NormalWishart.Draw hyper) {
        sampleBeta(rnd, w, entities, hyper);
        sampleLambda(rnd, hyper);
    }

    /** The current λ. */
    double lambda() {
        return lambda;
    }

    /** Sets λ (tests hold it fixed to check the scan over β against the closed form). */
    void setLambda(double value) {
        lambda = value;
    }

    /** The current β, features × d, row-major; read only. */
    double[] beta() {
        return beta;
    }

    /** One Gibbs scan over the rows of β given w, (μ, Λ) and λ. */
    void sampleBeta(SplittableRandom rnd, double[] w, int entities, NormalWishart.Draw hyper) {
        double[] mu = hyper.mean();
        double[] r = residuals(w, entities);
        for (int e = 0; e < entities; e++) {
            if (ePtr[e + 1] > ePtr[e]) {
                for (int a = 0; a < d; a++) {
                    r[e * d + a] -= mu[a];
                }
            }
        }
        double[] l = hyper.precision().clone();
        NormalWishart.cholesky(l, d);
        double[] acc = new double[d];
        double[] z = new double[d];
        for (int j : activeFeatures) {
            int o = j * d;
            double s = sumSq[j] + lambda;
            for (int a = 0; a < d; a++) {
                acc[a] = sumSq[j] * beta[o + a];
            }
            for (int t = fPtr[j]; t < fPtr[j + 1]; t++) {
                int ro = fRow[t] * d;
                double v = fVal[t];
                for (int a = 0; a < d; a++) {
                    acc[a] += v * r[ro + a];
                }
            }
            for (int a = 0; a < d; a++) {
                z[a] = rnd.nextGaussian();
            }
            // L⁻ᵀ z ~ N(0, Λ⁻¹)
            TriangularSolver_DDRM.solveTranL(l, z, d);
            double sd = 1.0 / Math.sqrt(s);
            for (int a = 0; a < d; a++) {
                double fresh = acc[a] / s + sd * z[a];
                acc[a] = fresh - beta[o + a];
                beta[o + a] = fresh;
            }
            for (int t = fPtr[j]; t < fPtr[j + 1]; t++) {
                int ro = fRow[t] * d;
                double v = fVal[t];
                for (int a = 0; a < d; a++) {
                    r[ro + a] -= v * acc[a];
                }
            }
        }
    }

    /** λ | β, Λ ~ Gamma(1 + m d / 2, 1 + ½ Σ_j β_jᵀ Λ β_j) over the m active rows. */
    void sampleLambda(SplittableRandom rnd, NormalWishart.Draw hyper) {
        double[] lam = hyper.precision();
        double quad = 0;
        for (int j : activeFeatures) {
            int o = j * d;
            for (int a = 0; a < d; a++) {
                double row = 0;
                for (int b = 0; b < d; b++) {
                    row += lam[a * d + b] * beta[o + b];
                }
                quad += beta[o + a] * row;
            }
        }
        lambda = NormalWishart.gamma(rnd, 1.0 + activeFeatures.length * d / 2.0) / (1.0 + quad / 2.0);
    }
}
