package io.marquee.segment.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusterMetricsTest {
    // two pairs on a line: {0, 1} and {4, 5}
    private final Points line = Points.ofRows(new double[][] {{0}, {1}, {4}, {5}});
    private final int[] pairs = {0, 0, 1, 1};

    @Test
    void silhouette_matches_a_hand_computed_case() {
        // point 0: a = 1, b = (4 + 5)/2 = 4.5 → 3.5/4.5; point 1: a = 1, b = 3.5 → 2.5/3.5; symmetric for 4 and 5
        double expected = (3.5 / 4.5 + 2.5 / 3.5) / 2;
        assertThat(ClusterMetrics.silhouette(line, pairs)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void silhouette_gives_singletons_zero_and_leaves_noise_out() {
        // {0,1} and the singleton {5}; the point at 4 is noise
        int[] labels = {0, 0, -1, 1};
        double s0 = (5 - 1) / 5.0;         // a = 1, b = 5
        double s1 = (4 - 1) / 4.0;         // a = 1, b = 4
        assertThat(ClusterMetrics.silhouette(line, labels)).isCloseTo((s0 + s1 + 0) / 3, within(1e-12));
        assertThat(ClusterMetrics.silhouette(line, new int[] {0, 0, 0, 0})).isNaN();
    }

    @Test
    void silhouette_is_sampled_beyond_the_exact_limit_and_stays_deterministic() {
        Blobs b = Blobs.of(3, 200, 2, 1.0, 12);
        int[] labels = b.truth;
        double exact = ClusterMetrics.silhouette(b.points, labels);
        double[] s1 = ClusterMetrics.silhouettes(b.points, new int[][] {labels}, 100, 300, 5);
        double[] s2 = ClusterMetrics.silhouettes(b.points, new int[][] {labels}, 100, 300, 5);
        assertThat(s1[0]).isEqualTo(s2[0]);
        assertThat(s1[0]).isCloseTo(exact, within(0.05)).isNotEqualTo(exact);
        assertThat(ClusterMetrics.sampleRows(600, 100, 300, 5)).hasSize(300).isSorted();
        assertThat(ClusterMetrics.sampleRows(600, 1000, 300, 5)).hasSize(600);
    }

    @Test
    void davies_bouldin_matches_a_hand_computed_case() {
        // S_A = S_B = 0.5, centroid distance 4 → (0.5 + 0.5) / 4
        assertThat(ClusterMetrics.daviesBouldin(line, pairs)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void calinski_harabasz_matches_a_hand_computed_case() {
        // B = 2·2² + 2·2² = 16, W = 4·0.25 = 1, k = 2, n = 4 → (16/1)/(1/2) = 32
        assertThat(ClusterMetrics.calinskiHarabasz(line, pairs)).isCloseTo(32.0, within(1e-12));
        assertThat(ClusterMetrics.inertia(line, pairs)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void adjusted_rand_index_matches_hand_computed_cases() {
        // contingency [[2,0,0],[0,1,1]]: index 1, expected 2·1/6, max 1.5 → (1 − 1/3)/(1.5 − 1/3) = 4/7
        assertThat(ClusterMetrics.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}))
                .isCloseTo(4.0 / 7, within(1e-12));
        assertThat(ClusterMetrics.adjustedRand(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, 9})).isEqualTo(1.0);
        assertThat(ClusterMetrics.adjustedRand(new int[] {0, 0, 0}, new int[] {1, 1, 1})).isEqualTo(1.0);
        // the classic example: a = [0,0,1,1], b = [0,1,0,1] has ARI −0.5
        assertThat(ClusterMetrics.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
                .isCloseTo(-0.5, within(1e-12));
    }
}
