package io.marquee.recommend.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.InvalidInputException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The samplers against their known moments: means (and variances) of many draws, with tolerances
 * of about four standard errors of the estimate.
 */
class NormalWishartTest {
    private static final int DRAWS = 40_000;

    @Test
    void gamma_draws_have_mean_and_variance_equal_to_the_shape() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (double shape : new double[] {0.3, 1.0, 2.5, 40.0, 40_000.5}) {
            double sum = 0;
            double sq = 0;
            for (int t = 0; t < DRAWS; t++) {
                double g = NormalWishart.gamma(rnd, shape);
                assertThat(g).isPositive();
                sum += g;
                sq += g * g;
            }
            double mean = sum / DRAWS;
            double var = sq / DRAWS - mean * mean;
            double se = Math.sqrt(shape / DRAWS);
            assertThat(mean).as("mean of Gamma(%s)", shape).isCloseTo(shape, within(4 * se));
            // the variance of the sample variance is about (μ4 − σ⁴)/n, μ4 = 3k² + 6k for Gamma(k)
            double seVar = Math.sqrt((2 * shape * shape + 6 * shape) / DRAWS);
            assertThat(var).as("variance of Gamma(%s)", shape).isCloseTo(shape, within(4 * seVar));
        }
    }

    @Test
    void chi_square_draws_have_mean_df_and_variance_twice_df() {
        SplittableRandom rnd = new SplittableRandom(2);
        double df = 7;
        double sum = 0;
        double sq = 0;
        for (int t = 0; t < DRAWS; t++) {
            double c = NormalWishart.chiSquare(rnd, df);
            sum += c;
            sq += c * c;
        }
        double mean = sum / DRAWS;
        assertThat(mean).isCloseTo(df, within(4 * Math.sqrt(2 * df / DRAWS)));
        assertThat(sq / DRAWS - mean * mean).isCloseTo(2 * df, within(0.5));
    }

    @Test
    void wishart_draws_have_mean_nu_w_and_the_wishart_variances() {
        int d = 3;
        double[] w = {2.0, 0.5, -0.3, 0.5, 1.0, 0.2, -0.3, 0.2, 0.7};
        double nu = 6.5;
        SplittableRandom rnd = new SplittableRandom(3);
        double[] sum = new double[d * d];
        double[] sq = new double[d * d];
        for (int t = 0; t < DRAWS; t++) {
            double[] x = NormalWishart.wishart(rnd, w, d, nu);
            for (int a = 0; a < d * d; a++) {
                sum[a] += x[a];
                sq[a] += x[a] * x[a];
            }
            assertThat(x[1]).isEqualTo(x[3]);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                int a = i * d + j;
                double mean = sum[a] / DRAWS;
                double var = nu * (w[a] * w[a] + w[i * d + i] * w[j * d + j]);
                assertThat(mean).as("E[Λ_%d%d]", i, j).isCloseTo(nu * w[a], within(4 * Math.sqrt(var / DRAWS)));
                assertThat(sq[a] / DRAWS - mean * mean).as("Var[Λ_%d%d]", i, j)
                        .isCloseTo(var, within(0.1 * var));
            }
        }
    }

    @Test
    void posterior_draws_average_to_the_normal_wishart_posterior_moments() {
        int d = 2;
        // four vectors (rows 0, 2, 3, 5 of six; rows 1 and 4 are not in the set)
        double[] x = {1.0, 2.0, 99, 99, 3.0, 1.0, 2.0, 0.0, 99, 99, 0.0, 1.0};
        int[] rows = {0, 2, 3, 5};
        NormalWishart nw = new NormalWishart(2.0, d);
        // by hand: n = 4, x̄ = (1.5, 1), S = [[5, −1], [−1, 2]], β₀ n / (β₀ + n) = 4/3
        double[] winv = {1 + 5 + 4.0 / 3 * 2.25, -1 + 4.0 / 3 * 1.5, -1 + 4.0 / 3 * 1.5, 1 + 2 + 4.0 / 3};
        DMatrixRMaj wstar = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.invert(DMatrixRMaj.wrap(2, 2, winv), wstar);
        double nuStar = d + 4;
        double[] muStar = {4 * 1.5 / 6, 4 * 1.0 / 6};
        SplittableRandom rnd = new SplittableRandom(4);
        double[] lam = new double[4];
        double[] mu = new double[2];
        double[] mu2 = new double[2];
        for (int t = 0; t < DRAWS; t++) {
            NormalWishart.Draw draw = nw.posterior(rnd, x, d, rows);
            for (int a = 0; a < 4; a++) {
                lam[a] += draw.precision()[a] / DRAWS;
            }
            for (int a = 0; a < 2; a++) {
                mu[a] += draw.mean()[a] / DRAWS;
                mu2[a] += draw.mean()[a] * draw.mean()[a] / DRAWS;
            }
        }
        for (int a = 0; a < 4; a++) {
            assertThat(lam[a]).as("E[Λ] entry %d", a).isCloseTo(nuStar * wstar.data[a],
                    within(0.03 * nuStar * Math.abs(wstar.data[0] + wstar.data[3])));
        }
        // E[(β* Λ)⁻¹] = W*⁻¹ / (β* (ν* − d − 1)): the variance of each coordinate of μ
        for (int a = 0; a < 2; a++) {
            double var = winv[a * 2 + a] / (6 * (nuStar - d - 1));
            assertThat(mu[a]).as("E[μ_%d]", a).isCloseTo(muStar[a], within(4 * Math.sqrt(var / DRAWS)));
            assertThat(mu2[a] - mu[a] * mu[a]).as("Var[μ_%d]", a).isCloseTo(var, within(0.1 * var));
        }
    }

    @Test
    void with_no_vectors_the_posterior_is_the_prior() {
        int d = 2;
        NormalWishart nw = new NormalWishart(1.0, 4);
        SplittableRandom rnd = new SplittableRandom(5);
        double[] lam = new double[4];
        for (int t = 0; t < DRAWS; t++) {
            NormalWishart.Draw draw = nw.posterior(rnd, new double[0], d, new int[0]);
            for (int a = 0; a < 4; a++) {
                lam[a] += draw.precision()[a] / DRAWS;
            }
        }
        // E[Λ] = ν₀ W₀ = 4 I
        assertThat(lam[0]).isCloseTo(4.0, within(0.1));
        assertThat(lam[3]).isCloseTo(4.0, within(0.1));
        assertThat(lam[1]).isCloseTo(0.0, within(0.1));
    }

    @Test
    void bad_hyperparameters_are_rejected_naming_them() {
        assertThatThrownBy(() -> new NormalWishart(0, 3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("beta0");
        assertThatThrownBy(() -> new NormalWishart(1, Double.NaN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nu0");
        assertThatThrownBy(() -> NormalWishart.gamma(new SplittableRandom(1), -1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("shape");
        assertThatThrownBy(() -> NormalWishart.wishart(new SplittableRandom(1), new double[] {1, 0, 0, 1}, 2, 0.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("degrees of freedom");
    }
}
