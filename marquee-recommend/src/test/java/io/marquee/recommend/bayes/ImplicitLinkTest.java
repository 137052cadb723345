package io.marquee.recommend.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marquee.recommend.baseline.RatingFixtures;
import io.marquee.recommend.data.CsrMatrix;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class ImplicitLinkTest {
    /** 4 users × 3 items; user 3 rates nothing, item 2 is rated by users 0 and 1 only. */
    private static final double[][] PAIRS = {{0, 0, 5}, {0, 1, 3}, {0, 2, 4}, {1, 1, 2}, {1, 2, 1}, {2, 0, 4}};

    @Test
    void the_prior_mean_adds_the_link_rows_of_the_rated_items_scaled_by_one_over_root_count() {
        ImplicitLink link = new ImplicitLink(CsrMatrix.byUser(RatingFixtures.of(4, 3, PAIRS)), 2);
        double[] beta = link.beta();
        for (int a = 0; a < beta.length; a++) {
            beta[a] = a + 1; // rows (1, 2), (3, 4), (5, 6)
        }
        double[] out = new double[2];
        link.priorMean(0, new double[] {10, 20}, out);
        assertThat(out[0]).isCloseTo(10 + (1 + 3 + 5) / Math.sqrt(3), within(1e-12));
        assertThat(out[1]).isCloseTo(20 + (2 + 4 + 6) / Math.sqrt(3), within(1e-12));
        link.priorMean(3, new double[] {10, 20}, out);
        assertThat(out).containsExactly(10, 20);
        assertThat(link.activeCount()).isEqualTo(3);
    }

    @Test
    void the_gibbs_scan_over_the_link_averages_to_the_ridge_regression_posterior_mean() {
        // given fixed w, μ, Λ and λ the exact posterior mean of β is (FᵀF + λI)⁻¹ Fᵀ (W − 1μᵀ)
        int d = 2;
        ImplicitLink link = new ImplicitLink(CsrMatrix.byUser(RatingFixtures.of(4, 3, PAIRS)), d);
        double lambda = 0.7;
        link.setLambda(lambda);
        double[] w = {1.0, -0.5, 0.2, 0.8, -0.7, 0.3, 0, 0};
        double[] mu = {0.1, -0.2};
        NormalWishart.Draw hyper = new NormalWishart.Draw(mu, new double[] {3.0, 0.5, 0.5, 2.0});
        SplittableRandom rnd = new SplittableRandom(7);
        int burn = 200;
        int draws = 40_000;
        double[] mean = new double[3 * d];
        for (int t = 0; t < burn + draws; t++) {
            link.sampleBeta(rnd, w, 4, hyper);
            if (t >= burn) {
                for (int a = 0; a < mean.length; a++) {
                    mean[a] += link.beta()[a] / draws;
                }
            }
        }
        // closed form with EJML: F is 3 users (the 4th has no features) × 3 items
        double[][] f = {{1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)}, {0, 1 / Math.sqrt(2), 1 / Math.sqrt(2)},
                {1, 0, 0}};
        DMatrixRMaj fm = new DMatrixRMaj(f);
        DMatrixRMaj k = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(fm, fm, k);
        for (int j = 0; j < 3; j++) {
            k.add(j, j, lambda);
        }
        DMatrixRMaj y = new DMatrixRMaj(3, d);
        for (int e = 0; e < 3; e++) {
            for (int a = 0; a < d; a++) {
                y.set(e, a, w[e * d + a] - mu[a]);
            }
        }
        DMatrixRMaj fty = new DMatrixRMaj(3, d);
        CommonOps_DDRM.multTransA(fm, y, fty);
        DMatrixRMaj exact = new DMatrixRMaj(3, d);
        CommonOps_DDRM.solve(k, fty, exact);
        for (int j = 0; j < 3; j++) {
            for (int a = 0; a < d; a++) {
                assertThat(mean[j * d + a]).as("E[β_%d%d]", j, a).isCloseTo(exact.get(j, a), within(0.01));
            }
        }
    }

    @Test
    void lambda_is_drawn_from_its_gamma_posterior() {
        int d = 2;
        ImplicitLink link = new ImplicitLink(CsrMatrix.byUser(RatingFixtures.of(4, 3, PAIRS)), d);
        double[] beta = link.beta();
        double[] rows = {0.5, -1.0, 0.3, 0.2, -0.4, 0.9};
        System.arraycopy(rows, 0, beta, 0, rows.length);
        double[] lam = {2.0, 0.3, 0.3, 1.0};
        double quad = 0;
        for (int j = 0; j < 3; j++) {
            double b0 = rows[2 * j];
            double b1 = rows[2 * j + 1];
            quad += lam[0] * b0 * b0 + 2 * lam[1] * b0 * b1 + lam[3] * b1 * b1;
        }
        double shape = 1 + 3 * d / 2.0;
        double rate = 1 + quad / 2;
        SplittableRandom rnd = new SplittableRandom(8);
        NormalWishart.Draw hyper = new NormalWishart.Draw(new double[d], lam);
        double sum = 0;
        int n = 40_000;
        for (int t = 0; t < n; t++) {
            link.sampleLambda(rnd, hyper);
            sum += link.lambda();
        }
        double sd = Math.sqrt(shape) / rate;
        assertThat(sum / n).isCloseTo(shape / rate, within(4 * sd / Math.sqrt(n)));
    }
}
