package io.marquee.segment.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class KMeansTest {

    @Test
    void kmeans_recovers_separable_blobs() {
        Blobs b = Blobs.of(4, 150, 3, 0.5, 1);
        KMeansModel m = KMeans.fit(b.points, KMeansParams.defaults().withK(4));
        assertThat(ClusterMetrics.adjustedRand(b.truth, m.labels())).isCloseTo(1.0, within(1e-9));
        assertThat(m.assignAll(b.points)).containsExactly(m.labels());
    }

    @Test
    void kmeans_on_a_hand_case_finds_the_two_pairs_and_their_means() {
        Points p = Points.ofRows(new double[][] {{0}, {1}, {10}, {11}});
        KMeansModel m = KMeans.fit(p, KMeansParams.defaults().withK(2));
        double[] c = m.centroids();
        assertThat(Math.min(c[0], c[1])).isEqualTo(0.5);
        assertThat(Math.max(c[0], c[1])).isEqualTo(10.5);
        assertThat(m.inertia()).isCloseTo(1.0, within(1e-12));
        int[] l = m.labels();
        assertThat(l[0]).isEqualTo(l[1]).isNotEqualTo(l[2]);
        assertThat(l[2]).isEqualTo(l[3]);
    }

    @Test
    void kmeans_with_the_same_seed_gives_identical_models() {
        Blobs b = Blobs.of(5, 80, 4, 2.5, 2);
        KMeansModel a = KMeans.fit(b.points, KMeansParams.defaults().withK(5).withSeed(7));
        KMeansModel c = KMeans.fit(b.points, KMeansParams.defaults().withK(5).withSeed(7));
        assertThat(a.centroids()).containsExactly(c.centroids());
        assertThat(a.labels()).containsExactly(c.labels());
        assertThat(a.inertia()).isEqualTo(c.inertia());
    }

    @Test
    void kmeans_inertia_never_increases_across_lloyd_iterations() {
        Blobs b = Blobs.of(6, 200, 5, 4.0, 3);
        KMeansModel m = KMeans.fit(b.points, KMeansParams.defaults().withK(6).withRestarts(1));
        double[] trace = m.summary().epochLoss();
        for (int i = 1; i < trace.length; i++) {
            assertThat(trace[i]).isLessThanOrEqualTo(trace[i - 1] * (1 + 1e-12));
        }
        assertThat(m.inertia()).isCloseTo(ClusterMetrics.inertia(b.points, m.labels()), within(1e-6 * m.inertia()));
    }

    @Test
    void kmeans_params_reject_bad_values_naming_the_field() {
        assertThatThrownBy(() -> KMeansParams.defaults().withK(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("k").hasMessageContaining("0");
        assertThatThrownBy(() -> new KMeansParams(3, 0, 1, 0, 1))
                .hasMessageContaining("max_iterations").hasMessageContaining("0");
        assertThatThrownBy(() -> new KMeansParams(3, 10, 1, 1.5, 1)).hasMessageContaining("tolerance");
    }

    @Test
    void kmeans_refuses_fewer_points_than_clusters_and_non_finite_values() {
        assertThatThrownBy(() -> KMeans.fit(new Points(new double[0], 0, 2), KMeansParams.defaults().withK(2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least k = 2");
        assertThatThrownBy(() -> KMeans.fit(Points.ofRows(new double[][] {{0}, {Double.NaN}, {2}}),
                KMeansParams.defaults().withK(2))).hasMessageContaining("must be finite");
    }
}
