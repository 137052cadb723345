package io.marquee.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.recommend.Fallback;
import io.marquee.recommend.ItemScorer;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.data.CsrMatrix;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplicitAlsTrainerTest {
    private static final ImplicitAlsParams SMALL = ImplicitAlsParams.defaults().withRank(4).withRegularization(0.1)
            .withIterations(10).withThreads(1);

    /**
     * Two blocks: users 0–9 like items 0–9, users 10–19 like items 10–19; user u has not seen
     * item (u + 3) mod 10 of its own block, nor (u + 7) mod 10.
     */
    private static Interactions blocks() {
        int[] u = new int[200];
        int[] i = new int[200];
        int n = 0;
        for (int user = 0; user < 20; user++) {
            int base = user < 10 ? 0 : 10;
            for (int k = 0; k < 10; k++) {
                if (k == (user + 3) % 10 || k == (user + 7) % 10) {
                    continue;
                }
                u[n] = user;
                i[n] = base + k;
                n++;
            }
        }
        float[] v = new float[n];
        Arrays.fill(v, 1f);
        return Tiny.of(20, 20, Arrays.copyOf(u, n), Arrays.copyOf(i, n), v);
    }

    @Test
    void unseen_items_of_the_users_own_block_outrank_every_item_of_the_other_block() {
        ImplicitAlsModel model = new ImplicitAlsTrainer(SMALL.withRank(2)).train(blocks());
        float[] s = new float[20];
        for (int user = 0; user < 20; user++) {
            model.scoreAll(user, s);
            int base = user < 10 ? 0 : 10;
            int other = 10 - base;
            float worstOwn = Math.min(s[base + (user + 3) % 10], s[base + (user + 7) % 10]);
            for (int k = 0; k < 10; k++) {
                assertThat(s[other + k]).as("user %d, other-block item %d", user, other + k).isLessThan(worstOwn);
            }
        }
    }

    @Test
    void conjugate_gradient_solves_a_hand_checked_implicit_system() {
        // Y = [[1,0],[0,1],[1,1]], positives items 0 and 2 with confidences 3 and 2, λ = 1:
        // A = YᵀY + I + 2·y0y0ᵀ + 1·y2y2ᵀ = [[6,2],[2,4]], b = 3·y0 + 2·y2 = [5,2]  ⇒  x = [0.8, 0.1]
        float[] y = {1, 0, 0, 1, 1, 1};
        double[][] gram = {{2, 1}, {1, 2}};
        double[] x = new double[2];
        int steps = ImplicitAlsTrainer.conjugateGradient(new int[] {0, 2}, new float[] {3, 2}, 0, 2, y, 2, gram, 1.0,
                x, 5, new double[2], new double[2], new double[2]);
        assertThat(steps).isEqualTo(2);
        assertThat(x[0]).isCloseTo(0.8, within(1e-12));
        assertThat(x[1]).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void conjugate_gradient_with_rank_steps_matches_a_direct_cholesky_solve() {
        int k = 6;
        int items = 30;
        float[] y = new float[items * k];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
        for (int a = 0; a < y.length; a++) {
            y[a] = (float) (rnd.nextDouble() - 0.5);
        }
        int[] cols = {1, 4, 7, 8, 15, 22, 29};
        float[] conf = {2, 5, 1.5f, 3, 9, 1.2f, 4};
        double lambda = 0.3;
        double[] gram = new double[k * k];
        for (int i = 0; i < items; i++) {
            for (int a = 0; a < k; a++) {
                for (int c = 0; c < k; c++) {
                    gram[a * k + c] += (double) y[i * k + a] * y[i * k + c];
                }
            }
        }
        // the explicit system
        double[] a = gram.clone();
        double[] b = new double[k];
        for (int a0 = 0; a0 < k; a0++) {
            a[a0 * k + a0] += lambda;
        }
        for (int q = 0; q < cols.length; q++) {
            int off = cols[q] * k;
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    a[r * k + c] += (conf[q] - 1) * (double) y[off + r] * y[off + c];
                }
                b[r] += conf[q] * y[off + r];
            }
        }
        SmallSolvers.choleskySolve(a, k, b);
        double[] x = {1, -1, 1, -1, 1, -1};
        ImplicitAlsTrainer.conjugateGradient(cols, conf, 0, cols.length, y, k, Factors.rows(gram, k), lambda, x, 3 * k,
                new double[k], new double[k], new double[k]);
        for (int r = 0; r < k; r++) {
            // CG stops once ‖r‖ < 1e-10·‖b‖
            assertThat(x[r]).isCloseTo(b[r], within(1e-6));
        }
    }

    @Test
    void objective_never_increases_from_one_iteration_to_the_next() {
        ImplicitAlsModel model = new ImplicitAlsTrainer(SMALL.withIterations(12))
                .train(Tiny.randomRatings(80, 60, 0.2, 1));
        double[] loss = model.summary().epochLoss();
        for (int t = 1; t < loss.length; t++) {
            assertThat(loss[t]).isLessThanOrEqualTo(loss[t - 1] * (1 + 1e-6));
        }
    }

    @Test
    void training_twice_with_the_same_seed_yields_identical_arrays() {
        Interactions data = Tiny.randomRatings(150, 90, 0.2, 2);
        ImplicitAlsModel a = new ImplicitAlsTrainer(SMALL).train(data);
        ImplicitAlsModel b = new ImplicitAlsTrainer(SMALL).train(data);
        assertThat(a.userFactorArray()).isEqualTo(b.userFactorArray());
        assertThat(a.itemFactorArray()).isEqualTo(b.itemFactorArray());
        assertThat(a.summary().epochLoss()).isEqualTo(b.summary().epochLoss());
        ImplicitAlsModel c = new ImplicitAlsTrainer(SMALL.withSeed(9)).train(data);
        assertThat(c.itemFactorArray()).isNotEqualTo(a.itemFactorArray());
    }

    @Test
    void one_and_two_threads_yield_identical_arrays() {
        // more rows than one chunk of work and than one Gram block, so both threads take part
        Interactions data = Tiny.randomRatings(2500, 300, 0.02, 3);
        ImplicitAlsModel one = new ImplicitAlsTrainer(SMALL.withThreads(1)).train(data);
        ImplicitAlsModel two = new ImplicitAlsTrainer(SMALL.withThreads(2)).train(data);
        assertThat(two.userFactorArray()).isEqualTo(one.userFactorArray());
        assertThat(two.itemFactorArray()).isEqualTo(one.itemFactorArray());
        assertThat(two.summary().epochLoss()).isEqualTo(one.summary().epochLoss());
    }

    @Test
    void save_then_load_gives_equal_scores(@TempDir Path dir) {
        ImplicitAlsModel model = new ImplicitAlsTrainer(SMALL).train(Tiny.randomRatings(60, 40, 0.3, 4));
        ImplicitAlsModel back = (ImplicitAlsModel) ImplicitAlsTrainer.SPEC.loader()
                .apply(ModelArchive.read(model.save(dir.resolve("ials"))));
        assertThat(back.users()).isEqualTo(model.users());
        assertThat(back.items()).isEqualTo(model.items());
        assertThat(back.provenance().toString()).isEqualTo(model.provenance().toString());
        float[] s1 = new float[40];
        float[] s2 = new float[40];
        for (int u = 0; u < 60; u++) {
            model.scoreAll(u, s1);
            back.scoreAll(u, s2);
            assertThat(s2).isEqualTo(s1);
            for (int i = 0; i < 40; i++) {
                assertThat(back.score(u, i)).isEqualTo(s1[i]);
            }
            assertThat(back.knowsUser(u)).isEqualTo(model.knowsUser(u));
        }
        assertThat(back.rank()).isEqualTo(4);
        assertThat(back.userRegularization()).isEqualTo(model.userRegularization());
    }

    @Test
    void bad_params_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> ParamsBinder.bind(ImplicitAlsParams.defaults(), Map.of("rank", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rank must be")
                .hasMessageContaining("was 0");
        assertThatThrownBy(() -> ParamsBinder.bind(ImplicitAlsParams.defaults(), Map.of("cg_steps", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cg_steps");
        assertThatThrownBy(() -> ParamsBinder.bind(ImplicitAlsParams.defaults(), Map.of("alpha", "-1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("alpha").hasMessageContaining("-1");
        assertThatThrownBy(() -> ParamsBinder.bind(ImplicitAlsParams.defaults(), Map.of("confidence", "cubic")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("confidence");
        assertThatThrownBy(() -> ImplicitAlsParams.defaults().withRegularization(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("regularization");
        assertThatThrownBy(() -> ImplicitAlsParams.defaults().withConfidence(ImplicitAlsParams.Confidence.LOG, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> ImplicitAlsParams.defaults().withRatingThreshold(Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rating_threshold");
        ImplicitAlsParams log = ParamsBinder.bind(ImplicitAlsParams.defaults(), Map.of("confidence", "log",
                "epsilon", "0.5", "alpha", "2"));
        assertThat(log.confidenceOf(1.0)).isCloseTo(1 + 2 * Math.log(3), within(1e-12));
        assertThat(log.toMap()).containsEntry("confidence", "log").containsEntry("cg_steps", 3);
        assertThat(ImplicitAlsTrainer.SPEC.name()).isEqualTo("ials");
        assertThat(ImplicitAlsTrainer.SPEC.predictsRatings()).isFalse();
    }

    @Test
    void empty_data_and_data_without_positives_are_refused() {
        assertThatThrownBy(() -> new ImplicitAlsTrainer(SMALL).train(Tiny.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        Interactions low = Tiny.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new float[] {1, 2});
        assertThatThrownBy(() -> new ImplicitAlsTrainer(SMALL.withRatingThreshold(4)).train(low))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rating_threshold");
    }

    @Test
    void ratings_below_the_threshold_are_ignored_and_repeats_are_merged() {
        Interactions data = Tiny.of(2, 3, new int[] {0, 0, 0, 1, 1}, new int[] {0, 1, 1, 2, 0},
                new float[] {5, 2, 3, 1, 4});
        Interactions conf = ImplicitAlsTrainer.confidences(data, SMALL.withRatingThreshold(2).withAlpha(0.5));
        CsrMatrix m = CsrMatrix.byUser(conf);
        // user 0: item 0 (5 → 3.5), item 1 (2 + 3 = 5 → 3.5); user 1: item 0 (4 → 3); item 2 (1) dropped
        assertThat(conf.size()).isEqualTo(3);
        assertThat(m.rowLength(0)).isEqualTo(2);
        assertThat(m.value(m.rowStart(0))).isEqualTo(3.5f);
        assertThat(m.value(m.rowStart(0) + 1)).isEqualTo(3.5f);
        assertThat(m.col(m.rowStart(1))).isZero();
        assertThat(m.value(m.rowStart(1))).isEqualTo(3f);
    }

    @Test
    void a_user_without_positives_is_unknown_scores_zero_and_falls_back_to_popularity() {
        Interactions data = Tiny.of(3, 3, new int[] {0, 0, 1, 2}, new int[] {0, 1, 1, 2},
                new float[] {5, 4, 5, 1});
        ImplicitAlsModel model = new ImplicitAlsTrainer(SMALL.withRatingThreshold(4)).train(data);
        assertThat(model.knowsUser(0)).isTrue();
        assertThat(model.knowsUser(2)).isFalse();
        assertThat(model.userPositiveCount(2)).isZero();
        float[] s = new float[3];
        model.scoreAll(2, s);
        assertThat(s).containsOnly(0f);
        ItemScorer popularity = TopNEvaluation.popularity(data);
        Fallback served = new Fallback(model, popularity);
        assertThat(served.usesPrimary(2)).isFalse();
        assertThat(served.usesPrimary(0)).isTrue();
        served.scoreAll(2, s);
        assertThat(s).containsExactly(1f, 2f, 1f);
        assertThat(model.globalMean()).isZero();
        assertThat(model.userBias(0)).isZero();
        assertThat(model.itemBias(0)).isZero();
    }
}
