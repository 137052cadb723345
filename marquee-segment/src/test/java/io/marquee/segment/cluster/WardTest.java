package io.marquee.segment.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WardTest {

    @Test
    void ward_merges_a_small_hand_case_in_the_expected_order_and_heights() {
        // points 0, 1, 5, 7, 20 on a line
        Points p = Points.ofRows(new double[][] {{0}, {1}, {5}, {7}, {20}});
        Dendrogram t = Ward.fit(p);
        assertThat(t.merges()).isEqualTo(4);
        // {0,1}: |0-1|² = 1 → height 1
        assertThat(new int[] {t.left(0), t.right(0)}).containsExactly(0, 1);
        assertThat(t.height(0)).isCloseTo(1.0, within(1e-12));
        // {5,7}: 4 → height 2
        assertThat(new int[] {t.left(1), t.right(1)}).containsExactly(2, 3);
        assertThat(t.height(1)).isCloseTo(2.0, within(1e-12));
        // {0,1} ∪ {5,7}: 2·2·2/4 · (6 − 0.5)² = 60.5
        assertThat(new int[] {t.left(2), t.right(2)}).containsExactly(5, 6);
        assertThat(t.height(2)).isCloseTo(Math.sqrt(60.5), within(1e-12));
        assertThat(t.size(2)).isEqualTo(4);
        // {0,1,5,7} ∪ {20}: 2·4·1/5 · (20 − 3.25)² = 448.9
        assertThat(new int[] {t.left(3), t.right(3)}).containsExactly(4, 7);
        assertThat(t.height(3)).isCloseTo(Math.sqrt(448.9), within(1e-9));
        assertThat(t.cut(2)).containsExactly(0, 0, 0, 0, 1);
        assertThat(t.cut(3)).containsExactly(0, 0, 1, 1, 2);
    }

    @Test
    void ward_heights_match_a_naive_implementation_on_random_points() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] rows = new double[40][3];
        for (double[] r : rows) {
            for (int j = 0; j < 3; j++) {
                r[j] = rnd.nextDouble() * 10;
            }
        }
        double[] fast = Ward.fit(Points.ofRows(rows)).heights();
        double[] naive = naiveWardHeights(rows);
        assertThat(fast).containsExactly(naive, within(1e-9));
    }

    /** O(n³) Ward: repeatedly merge the pair whose union raises the sum of squares least. */
    private static double[] naiveWardHeights(double[][] rows) {
        List<List<double[]>> clusters = new ArrayList<>();
        for (double[] r : rows) {
            List<double[]> c = new ArrayList<>();
            c.add(r);
            clusters.add(c);
        }
        double[] heights = new double[rows.length - 1];
        for (int m = 0; m < heights.length; m++) {
            double best = Double.POSITIVE_INFINITY;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < clusters.size(); i++) {
                for (int j = i + 1; j < clusters.size(); j++) {
                    double d = wardDistance(clusters.get(i), clusters.get(j));
                    if (d < best) {
                        best = d;
                        bi = i;
                        bj = j;
                    }
                }
            }
            heights[m] = Math.sqrt(best);
            clusters.get(bi).addAll(clusters.remove(bj));
        }
        Arrays.sort(heights);
        return heights;
    }

    private static double wardDistance(List<double[]> a, List<double[]> b) {
        double[] ca = mean(a);
        double[] cb = mean(b);
        double s = 0;
        for (int t = 0; t < ca.length; t++) {
            s += (ca[t] - cb[t]) * (ca[t] - cb[t]);
        }
        return 2.0 * a.size() * b.size() / (a.size() + b.size()) * s;
    }

    private static double[] mean(List<double[]> c) {
        double[] m = new double[c.get(0).length];
        for (double[] r : c) {
            for (int t = 0; t < m.length; t++) {
                m[t] += r[t] / c.size();
            }
        }
        return m;
    }

    @Test
    void ward_recovers_separable_blobs_and_is_deterministic() {
        Blobs b = Blobs.of(4, 60, 3, 0.5, 8);
        Dendrogram t = Ward.fit(b.points);
        assertThat(ClusterMetrics.adjustedRand(b.truth, t.cut(4))).isCloseTo(1.0, within(1e-9));
        assertThat(Ward.fit(b.points).heights()).containsExactly(t.heights());
        CentroidAssigner a = CentroidAssigner.ofLabels(b.points, t.cut(4), 4);
        assertThat(a.assignAll(b.points)).containsExactly(t.cut(4));
    }

    @Test
    void ward_refuses_empty_input_and_too_many_points_and_cut_checks_k() {
        assertThatThrownBy(() -> Ward.fit(new Points(new double[0], 0, 2))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Ward.fit(new Points(new double[2 * (Ward.MAX_POINTS + 1)], Ward.MAX_POINTS + 1, 2)))
                .hasMessageContaining("at most " + Ward.MAX_POINTS);
        Dendrogram t = Ward.fit(Points.ofRows(new double[][] {{0}, {1}}));
        assertThatThrownBy(() -> t.cut(3)).hasMessageContaining("k").hasMessageContaining("3");
        assertThat(Ward.fit(Points.ofRows(new double[][] {{4}})).merges()).isZero();
    }
}
