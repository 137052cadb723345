package io.marquee.segment.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {

    @Test
    void gmm_with_diagonal_covariances_recovers_separable_blobs() {
        Blobs b = Blobs.of(3, 150, 3, 0.6, 4);
        GmmModel m = GaussianMixture.fit(b.points, GmmParams.defaults().withComponents(3));
        assertThat(ClusterMetrics.adjustedRand(b.truth, m.labels())).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void gmm_with_full_covariances_recovers_separable_blobs() {
        Blobs b = Blobs.of(3, 150, 3, 0.6, 5);
        GmmModel m = GaussianMixture.fit(b.points, GmmParams.defaults().withComponents(3)
                .withCovariance(GmmParams.Covariance.FULL));
        assertThat(ClusterMetrics.adjustedRand(b.truth, m.labels())).isCloseTo(1.0, within(1e-9));
        double[] p = m.posterior(b.points.data(), 0);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void gmm_log_likelihood_never_decreases_across_em_steps() {
        for (GmmParams.Covariance cov : GmmParams.Covariance.values()) {
            Blobs b = Blobs.of(4, 100, 3, 3.0, 6); // overlapping: EM takes many steps
            GmmModel m = GaussianMixture.fit(b.points, GmmParams.defaults().withComponents(4).withCovariance(cov)
                    .withTolerance(0).withMaxIterations(60));
            double[] ll = m.summary().epochLoss();
            assertThat(ll.length).isGreaterThan(10);
            for (int i = 1; i < ll.length; i++) {
                assertThat(ll[i]).as("%s step %d", cov, i).isGreaterThanOrEqualTo(ll[i - 1] - 1e-9 * Math.abs(ll[i - 1]));
            }
            assertThat(m.logLikelihood()).isEqualTo(ll[ll.length - 1]);
        }
    }

    @Test
    void gmm_with_one_component_is_the_maximum_likelihood_gaussian() {
        Points p = Points.ofRows(new double[][] {{0, 1}, {2, 1}, {4, 4}, {2, 2}});
        // means (2, 2); population variances x: (4+0+4+0)/4 = 2, y: (1+1+4+0)/4 = 1.5; covariance xy: (2+0+4+0)/4 = 1.5
        GmmModel diag = GaussianMixture.fit(p, GmmParams.defaults().withComponents(1));
        assertThat(diag.means()).containsExactly(new double[] {2, 2}, within(1e-12));
        assertThat(diag.covariances()).containsExactly(new double[] {2, 1.5}, within(1e-12));
        double ll = 0;
        for (int i = 0; i < 4; i++) {
            double dx = p.get(i, 0) - 2;
            double dy = p.get(i, 1) - 2;
            ll += -Math.log(2 * Math.PI) - 0.5 * Math.log(2 * 1.5) - 0.5 * (dx * dx / 2 + dy * dy / 1.5);
        }
        assertThat(diag.logLikelihood()).isCloseTo(ll, within(1e-9));
        assertThat(diag.bic()).isCloseTo(-2 * ll + 4 * Math.log(4), within(1e-9));
        GmmModel full = GaussianMixture.fit(p, GmmParams.defaults().withComponents(1)
                .withCovariance(GmmParams.Covariance.FULL));
        assertThat(full.covariances()).containsExactly(new double[] {2, 1.5, 1.5, 1.5}, within(1e-9));
        assertThat(GmmModel.freeParameters(1, 2, true)).isEqualTo(5);
    }

    @Test
    void gmm_with_the_same_seed_gives_identical_models() {
        Blobs b = Blobs.of(3, 60, 2, 2.0, 7);
        GmmModel a = GaussianMixture.fit(b.points, GmmParams.defaults().withComponents(3).withSeed(3));
        GmmModel c = GaussianMixture.fit(b.points, GmmParams.defaults().withComponents(3).withSeed(3));
        assertThat(a.means()).containsExactly(c.means());
        assertThat(a.covariances()).containsExactly(c.covariances());
        assertThat(a.labels()).containsExactly(c.labels());
    }

    @Test
    void gmm_params_reject_bad_values_and_fit_refuses_too_few_points() {
        assertThatThrownBy(() -> GmmParams.defaults().withComponents(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("components").hasMessageContaining("0");
        assertThatThrownBy(() -> new GmmParams(2, GmmParams.Covariance.FULL, 10, 0, 0, 1))
                .hasMessageContaining("variance_floor");
        assertThatThrownBy(() -> GaussianMixture.fit(Points.ofRows(new double[][] {{1}}), GmmParams.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 4");
    }
}
