package io.marquee.predict.imbalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.TestData;
import io.marquee.predict.features.FloatMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImbalanceTest {
    private static final boolean T = true;
    private static final boolean F = false;

    /** 40 majority rows around (0, 0, 0) and 8 minority rows around (5, 5, 50). */
    private static TestData.Labelled imbalanced() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 48;
        float[] d = new float[n * 3];
        boolean[] y = new boolean[n];
        for (int r = 0; r < n; r++) {
            y[r] = r % 6 == 0;
            double shift = y[r] ? 5 : 0;
            d[r * 3] = (float) (shift + TestData.gaussian(rnd));
            d[r * 3 + 1] = (float) (shift + TestData.gaussian(rnd));
            d[r * 3 + 2] = (float) (10 * shift + 10 * TestData.gaussian(rnd));
        }
        return new TestData.Labelled(new FloatMatrix(n, 3, d, List.of("a", "b", "c")), y);
    }

    @Test
    void every_smote_point_lies_on_a_segment_between_a_minority_row_and_one_of_its_k_minority_neighbours() {
        TestData.Labelled data = imbalanced();
        int k = 3;
        Smote.Result res = new Smote(new SmoteParams(k, 1.0, 9)).resample(data.x(), data.y());
        assertThat(res.synthetic()).isEqualTo(40 - 8);
        assertThat(res.x().rows()).isEqualTo(48 + 32);
        // the minority rows, and the scale SMOTE documents (minority standard deviations)
        List<Integer> minority = new ArrayList<>();
        for (int r = 0; r < 48; r++) {
            if (data.y()[r]) {
                minority.add(r);
            }
        }
        double[] inv = new double[3];
        for (int f = 0; f < 3; f++) {
            double s = 0;
            double sq = 0;
            for (int r : minority) {
                s += data.x().get(r, f);
                sq += data.x().get(r, f) * data.x().get(r, f);
            }
            double mean = s / minority.size();
            inv[f] = 1 / Math.sqrt(sq / minority.size() - mean * mean);
        }
        for (int s = 0; s < res.synthetic(); s++) {
            int row = 48 + s;
            assertThat(res.y()[row]).isTrue();
            float[] p = res.x().row(row);
            boolean onSomeSegment = false;
            for (int a : minority) {
                List<Integer> nearest = new ArrayList<>(minority);
                nearest.remove(Integer.valueOf(a));
                nearest.sort(Comparator.comparingDouble(b -> dist(data.x(), a, b, inv)));
                for (int b : nearest.subList(0, k)) {
                    onSomeSegment |= onSegment(p, data.x().row(a), data.x().row(b));
                }
            }
            assertThat(onSomeSegment).as("synthetic row %d on a minority segment", s).isTrue();
        }
    }

    private static double dist(FloatMatrix x, int a, int b, double[] inv) {
        double d = 0;
        for (int f = 0; f < x.cols(); f++) {
            double diff = (x.get(a, f) - x.get(b, f)) * inv[f];
            d += diff * diff;
        }
        return d;
    }

    /** Whether p = a + u (b − a) for one u in [0, 1], within float rounding. */
    private static boolean onSegment(float[] p, float[] a, float[] b) {
        double u = Double.NaN;
        for (int f = 0; f < p.length; f++) {
            double span = b[f] - a[f];
            if (Math.abs(span) > 1e-3) {
                u = (p[f] - a[f]) / span;
                break;
            }
        }
        if (Double.isNaN(u) || u < -1e-5 || u > 1 + 1e-5) {
            return false;
        }
        for (int f = 0; f < p.length; f++) {
            if (Math.abs(a[f] + u * (b[f] - a[f]) - p[f]) > 1e-3 * (1 + Math.abs(p[f]))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void smote_is_deterministic_for_a_seed() {
        TestData.Labelled data = imbalanced();
        Smote.Result a = new Smote(new SmoteParams(5, 1.0, 1)).resample(data.x(), data.y());
        Smote.Result b = new Smote(new SmoteParams(5, 1.0, 1)).resample(data.x(), data.y());
        Smote.Result c = new Smote(new SmoteParams(5, 1.0, 2)).resample(data.x(), data.y());
        assertThat(a.x()).isEqualTo(b.x());
        assertThat(a.x()).isNotEqualTo(c.x());
    }

    @Test
    void smote_needs_two_minority_rows_and_valid_params() {
        FloatMatrix x = new FloatMatrix(3, 1, new float[] {1, 2, 3}, List.of("a"));
        assertThatThrownBy(() -> new Smote(SmoteParams.defaults()).resample(x, new boolean[] {T, F, F}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minority");
        assertThatThrownBy(() -> new SmoteParams(0, 1, 1)).hasMessageContaining("k").hasMessageContaining("0");
        assertThatThrownBy(() -> new SmoteParams(5, 1.5, 1)).hasMessageContaining("ratio");
    }

    @Test
    void balanced_class_weights_give_each_class_half_the_total() {
        float[] w = ClassWeights.balanced(new boolean[] {T, F, F, F});
        assertThat(w).containsExactly(2f, 2f / 3, 2f / 3, 2f / 3);
    }

    @Test
    void f1_threshold_is_the_best_cut_placed_between_scores() {
        double[] p = {0.9, 0.8, 0.7, 0.6, 0.2, 0.1};
        boolean[] y = {T, T, F, T, F, F};
        ThresholdTuner.Choice c = ThresholdTuner.tune(p, y, ThresholdPolicy.F1);
        // cuts: ≥0.9 F1 .5, ≥0.8 .8, ≥0.7 .667, ≥0.6 .857, ≥0.2 .75, ≥0.1 .667 → cut at 0.6, midpoint with 0.2
        assertThat(c.threshold()).isCloseTo(0.4, within(1e-12));
        assertThat(c.objective()).isCloseTo(6.0 / 7, within(1e-12));
    }

    @Test
    void youden_threshold_maximises_tpr_minus_fpr() {
        double[] p = {0.9, 0.8, 0.7, 0.6, 0.2, 0.1};
        boolean[] y = {T, T, F, T, F, F};
        ThresholdTuner.Choice c = ThresholdTuner.tune(p, y, ThresholdPolicy.YOUDEN);
        // at ≥0.8: tpr 2/3, fpr 0 → .667; at ≥0.6: 1 − 1/3 = .667 (tie: the higher threshold is kept)
        assertThat(c.threshold()).isCloseTo(0.75, within(1e-12));
        assertThat(ThresholdTuner.tune(p, y, ThresholdPolicy.FIXED).threshold()).isEqualTo(0.5);
    }

    @Test
    void the_policies_have_names() {
        assertThat(ThresholdPolicy.of("youden")).isEqualTo(ThresholdPolicy.YOUDEN);
        assertThat(Resampling.of("class_weights")).isEqualTo(Resampling.CLASS_WEIGHTS);
        assertThatThrownBy(() -> Resampling.of("undersample")).hasMessageContaining("'undersample'");
        assertThat(Arrays.stream(Resampling.values()).map(Resampling::id)).containsExactly("none", "class_weights",
                "smote");
    }
}
