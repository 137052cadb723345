package io.marquee.segment.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DensityClusteringTest {

    @Test
    void dbscan_on_a_hand_case_finds_two_groups_and_one_noise_point() {
        Points p = Points.ofRows(new double[][] {{0}, {0.5}, {1}, {10}, {10.5}, {11}, {50}});
        DensityModel m = Dbscan.fit(p, new DbscanParams(0.6, 2, 1));
        assertThat(m.labels()).containsExactly(0, 0, 0, 1, 1, 1, -1);
        assertThat(m.clusters()).isEqualTo(2);
        assertThat(m.assign(new double[] {10.2}, 0)).isEqualTo(1);
        assertThat(m.assign(new double[] {30}, 0)).isEqualTo(Assigner.NOISE);
    }

    @Test
    void dbscan_border_points_join_a_cluster_without_being_core() {
        // with minPoints 3, 0.5 is core (0, 0.5, 1 within 0.6); 0 and 1 are border points
        Points p = Points.ofRows(new double[][] {{0}, {0.5}, {1}, {5}});
        DensityModel m = Dbscan.fit(p, new DbscanParams(0.6, 3, 1));
        assertThat(m.labels()).containsExactly(0, 0, 0, -1);
        assertThat(m.core()).containsExactly(false, true, false, false);
    }

    @Test
    void dbscan_recovers_separable_blobs() {
        Blobs b = Blobs.of(3, 100, 2, 0.3, 9);
        DensityModel m = Dbscan.fit(b.points, new DbscanParams(1.0, 5, 1));
        assertThat(m.clusters()).isEqualTo(3);
        assertThat(Arrays.stream(m.labels()).filter(l -> l < 0).count()).isLessThan(5);
        assertThat(ClusterMetrics.adjustedRand(b.truth, m.labels())).isGreaterThan(0.97);
        double[] kd = Dbscan.kDistances(b.points, 5);
        assertThat(kd).hasSize(300);
        assertThat(Arrays.stream(kd).min().getAsDouble()).isPositive();
    }

    @Test
    void hdbscan_recovers_separable_blobs() {
        Blobs b = Blobs.of(3, 100, 2, 0.3, 10);
        DensityModel m = Hdbscan.fit(b.points, new HdbscanParams(10, 5, 1));
        assertThat(m.clusters()).isEqualTo(3);
        int[] labels = m.labels();
        long noise = Arrays.stream(labels).filter(l -> l < 0).count();
        assertThat(noise).isLessThan(30);
        // agreement on the points HDBSCAN* kept
        int[] kept = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] >= 0).toArray();
        int[] a = Arrays.stream(kept).map(i -> b.truth[i]).toArray();
        int[] c = Arrays.stream(kept).map(i -> labels[i]).toArray();
        assertThat(ClusterMetrics.adjustedRand(a, c)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void hdbscan_on_a_hand_case_marks_a_far_point_as_noise() {
        double[][] rows = new double[21][];
        for (int i = 0; i < 10; i++) {
            rows[i] = new double[] {i * 0.1, 0};
            rows[10 + i] = new double[] {20 + i * 0.1, 0};
        }
        rows[20] = new double[] {100, 100};
        DensityModel m = Hdbscan.fit(Points.ofRows(rows), new HdbscanParams(5, 3, 1));
        int[] l = m.labels();
        assertThat(m.clusters()).isEqualTo(2);
        assertThat(l[20]).isEqualTo(Assigner.NOISE);
        assertThat(l[0]).isNotEqualTo(l[10]);
        assertThat(Arrays.copyOfRange(l, 0, 10)).containsOnly(l[0]);
        assertThat(Arrays.copyOfRange(l, 10, 20)).containsOnly(l[10]);
        assertThat(m.assign(new double[] {500, 500}, 0)).isEqualTo(Assigner.NOISE);
    }

    @Test
    void density_params_reject_bad_values() {
        assertThatThrownBy(() -> new DbscanParams(0, 5, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("eps");
        assertThatThrownBy(() -> new DbscanParams(1, 0, 1)).hasMessageContaining("min_points");
        assertThatThrownBy(() -> new HdbscanParams(1, 5, 1)).hasMessageContaining("min_cluster_size");
    }

    @Test
    void dbscan_on_no_points_finds_no_cluster() {
        DensityModel m = Dbscan.fit(new Points(new double[0], 0, 2), DbscanParams.defaults());
        assertThat(m.clusters()).isZero();
        assertThat(m.assign(new double[] {1, 1}, 0)).isEqualTo(Assigner.NOISE);
    }
}
