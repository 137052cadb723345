package io.marquee.recommend.bayes;

import io.marquee.core.error.InvalidInputException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

/**
 * The Normal–Wishart hyperprior of Bayesian matrix factorisation (Salakhutdinov &amp; Mnih 2008) and
 * the draws a Gibbs sampler needs from it: a mean μ and precision Λ for the latent vectors of one
 * side, given the current vectors. The prior is {@code Λ ~ Wishart(W₀, ν₀)},
 * {@code μ | Λ ~ N(μ₀, (β₀ Λ)⁻¹)} with μ₀ = 0 and W₀ = I; given N vectors with mean x̄ and scatter
 * S = Σ (x − x̄)(x − x̄)ᵀ the posterior is Normal–Wishart with
 *
 * <pre>
 *   β* = β₀ + N     ν* = ν₀ + N     μ* = N x̄ / (β₀ + N)
 *   W*⁻¹ = W₀⁻¹ + S + β₀ N / (β₀ + N) · x̄ x̄ᵀ
 * </pre>
 *
 * <p>Wishart draws use the Bartlett decomposition {@code Λ = L A Aᵀ Lᵀ} (L the Cholesky factor of
 * W*, A lower triangular with √χ²(ν − j) on the diagonal and N(0, 1) below); χ² comes from a
 * Gamma draw by Marsaglia &amp; Tsang (2000). Those two samplers are written here rather than taken
 * from a library because they are a few lines each, the sampler needs only d + 1 of them per sweep,
 * and the project's one linear-algebra dependency (EJML, used here for the Cholesky factorisations
 * and inverses) has no random matrices; the tests check them against known moments.
 *
 * @param beta0 β₀, the prior's weight on μ₀ = 0 (&gt; 0)
 * @param nu0   ν₀, the prior's degrees of freedom (&gt; d − 1 for dimension d; BPMF uses ν₀ = d)
 */
public record NormalWishart(double beta0, double nu0) {
    public NormalWishart {
        if (!(beta0 > 0) || !Double.isFinite(beta0)) {
            throw InvalidInputException.of("beta0", beta0, "a finite number > 0");
        }
        if (!(nu0 > 0) || !Double.isFinite(nu0)) {
            throw InvalidInputException.of("nu0", nu0, "a finite number > 0");
        }
    }

    /**
     * One draw of the hyperparameters: mean μ (length d) and precision Λ (d × d, row-major).
     *
     * @param mean      μ
     * @param precision Λ, symmetric positive definite
     */
    public record Draw(double[] mean, double[] precision) {
    }

    /**
     * Draws (μ, Λ) from the posterior given the rows of {@code vectors} (row-major, {@code d}
     * columns) whose indices are listed in {@code rows}.
     */
    public Draw posterior(SplittableRandom rnd, double[] vectors, int d, int[] rows) {
        return posterior(rnd, vectors, d, rows, null, 0);
    }

    /**
     * As {@link #posterior(SplittableRandom, double[], int, int[])}, with {@code extraScatter}
     * (d × d, or null) added to W*⁻¹ and {@code extraDof} to ν*: the terms that other Gaussian
     * variables whose prior precision is proportional to Λ contribute (BPMF with side information
     * adds λ Σ_j β_j β_jᵀ over the m rows of its link matrix, and m).
     */
    public Draw posterior(SplittableRandom rnd, double[] vectors, int d, int[] rows, double[] extraScatter,
                          int extraDof) {
        int n = rows.length;
        if (nu0 + n + extraDof <= d - 1) {
            throw InvalidInputException.of("nu0", nu0, "greater than dimension − 1 = " + (d - 1));
        }
        double[] xbar = new double[d];
        for (int r : rows) {
            int o = r * d;
            for (int a = 0; a < d; a++) {
                xbar[a] += vectors[o + a];
            }
        }
        if (n > 0) {
            for (int a = 0; a < d; a++) {
                xbar[a] /= n;
            }
        }
        // W*⁻¹ = I + S + c x̄ x̄ᵀ, accumulated in double, centred for accuracy
        double c = beta0 * n / (beta0 + n);
        DMatrixRMaj winv = new DMatrixRMaj(d, d);
        double[] w = winv.data;
        double[] dev = new double[d];
        for (int r : rows) {
            int o = r * d;
            for (int a = 0; a < d; a++) {
                dev[a] = vectors[o + a] - xbar[a];
            }
            for (int a = 0; a < d; a++) {
                double da = dev[a];
                for (int b = 0; b <= a; b++) {
                    w[a * d + b] += da * dev[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                w[a * d + b] += c * xbar[a] * xbar[b] + (a == b ? 1.0 : 0.0)
                        + (extraScatter == null ? 0.0 : extraScatter[a * d + b]);
                w[b * d + a] = w[a * d + b];
            }
        }
        DMatrixRMaj scale = new DMatrixRMaj(d, d);
        if (!CommonOps_DDRM.invertSPD(winv, scale)) {
            throw new IllegalStateException("Normal–Wishart posterior scale is not positive definite");
        }
        symmetrise(scale.data, d);
        double[] lambda = wishart(rnd, scale.data, d, nu0 + n + extraDof);
        double betaStar = beta0 + n;
        double[] muStar = new double[d];
        for (int a = 0; a < d; a++) {
            muStar[a] = n * xbar[a] / betaStar;
        }
        // μ ~ N(μ*, (β* Λ)⁻¹): with β* Λ = L Lᵀ, μ = μ* + L⁻ᵀ z
        double[] prec = new double[d * d];
        for (int a = 0; a < d * d; a++) {
            prec[a] = betaStar * lambda[a];
        }
        double[] z = new double[d];
        for (int a = 0; a < d; a++) {
            z[a] = rnd.nextGaussian();
        }
        cholesky(prec, d);
        TriangularSolver_DDRM.solveTranL(prec, z, d);
        for (int a = 0; a < d; a++) {
            muStar[a] += z[a];
        }
        return new Draw(muStar, lambda);
    }

    /**
     * A draw from Wishart(W, ν) for a d × d symmetric positive definite scale W (row-major; not
     * modified) and ν &gt; d − 1 degrees of freedom. Its mean is ν W.
     */
    public static double[] wishart(SplittableRandom rnd, double[] scale, int d, double df) {
        if (!(df > d - 1)) {
            throw InvalidInputException.of("degrees of freedom", df, "greater than dimension − 1 = " + (d - 1));
        }
        double[] l = scale.clone();
        cholesky(l, d);
        // A: lower triangular Bartlett factor
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            a[i * d + i] = Math.sqrt(chiSquare(rnd, df - i));
            for (int j = 0; j < i; j++) {
                a[i * d + j] = rnd.nextGaussian();
            }
        }
        // B = L A (lower triangular), result B Bᵀ
        double[] b = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int m = j; m <= i; m++) {
                    s += l[i * d + m] * a[m * d + j];
                }
                b[i * d + j] = s;
            }
        }
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                int lim = Math.min(i, j);
                for (int m = 0; m <= lim; m++) {
                    s += b[i * d + m] * b[j * d + m];
                }
                out[i * d + j] = s;
                out[j * d + i] = s;
            }
        }
        return out;
    }

    /** A χ²(df) draw, df &gt; 0. */
    public static double chiSquare(SplittableRandom rnd, double df) {
        return 2.0 * gamma(rnd, df / 2.0);
    }

    /**
     * A Gamma(shape, 1) draw (mean = variance = shape) by Marsaglia &amp; Tsang's squeeze method; for
     * shape &lt; 1, Gamma(shape + 1) · U^{1/shape}.
     */
    public static double gamma(SplittableRandom rnd, double shape) {
        if (!(shape > 0) || !Double.isFinite(shape)) {
            throw InvalidInputException.of("gamma shape", shape, "a finite number > 0");
        }
        if (shape < 1) {
            double u = rnd.nextDouble();
            while (u == 0) {
                u = rnd.nextDouble();
            }
            return gamma(rnd, shape + 1) * Math.pow(u, 1.0 / shape);
        }
        double dd = shape - 1.0 / 3.0;
        double cc = 1.0 / Math.sqrt(9.0 * dd);
        while (true) {
            double x;
            double v;
            do {
                x = rnd.nextGaussian();
                v = 1.0 + cc * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x) {
                return dd * v;
            }
            if (u > 0 && Math.log(u) < 0.5 * x * x + dd * (1.0 - v + Math.log(v))) {
                return dd * v;
            }
        }
    }

    /**
     * In-place Cholesky factorisation by EJML: on return the lower triangle (diagonal included) of
     * the row-major {@code m} holds L with L Lᵀ = m; the strict upper triangle is left as it was.
     */
    static void cholesky(double[] m, int d) {
        CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
        if (!chol.decompose(DMatrixRMaj.wrap(d, d, m))) {
            throw new IllegalStateException("matrix of dimension " + d + " is not positive definite");
        }
    }

    private static void symmetrise(double[] m, int d) {
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                double s = 0.5 * (m[a * d + b] + m[b * d + a]);
                m[a * d + b] = s;
                m[b * d + a] = s;
            }
        }
    }
}
