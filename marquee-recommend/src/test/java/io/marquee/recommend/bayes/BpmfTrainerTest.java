package io.marquee.recommend.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.Algorithms;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.RecommenderModel;
import io.marquee.recommend.baseline.RatingFixtures;
import io.marquee.recommend.eval.Fold;
import io.marquee.recommend.testing.MovieLens100k;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpmfTrainerTest {
    /** Small chains for the small fixtures. */
    private static final BpmfParams SMALL = new BpmfParams(4, 20, 10, 1, 0, 2.0, false, 0.1, 1, 5);

    /** r_ui = a_u · b_i − 1 with known rank-2 vectors, 10 users × 12 items, values 0.6–4.6. */
    static double lowRank(int u, int i) {
        double[] a = {1.0 + 0.12 * u, 0.4 + 0.15 * (u % 4)};
        double[] b = {1.2 + 0.1 * i, 1.0 + 0.25 * ((i * 7) % 5)};
        return a[0] * b[0] + a[1] * b[1] - 1.0;
    }

    static Interactions lowRankMatrix(int heldUser, int heldItem) {
        List<double[]> rows = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            for (int i = 0; i < 12; i++) {
                if (!(u == heldUser && i == heldItem)) {
                    rows.add(new double[] {u, i, lowRank(u, i)});
                }
            }
        }
        return RatingFixtures.of(10, 12, rows.toArray(new double[0][]));
    }

    @Test
    void an_exactly_rank_two_matrix_is_recovered_including_a_held_out_entry() {
        // nearly noiseless (α = 10⁴ fixed): the posterior concentrates on the exact factorisation
        BpmfParams p = new BpmfParams(3, 300, 200, 1, 1e4, 2.0, false, 0.1, 1, 11);
        Interactions train = lowRankMatrix(4, 5);
        BpmfModel m = new BpmfTrainer(p).train(train);
        assertThat(RatingFixtures.rmse(m, train)).isLessThan(0.03);
        assertThat((double) m.predict(4, 5)).isCloseTo(lowRank(4, 5), within(0.1));
        assertThat(m.rank()).isEqualTo(3 * 200);
        assertThat(m.factorsPerSample()).isEqualTo(3);
        assertThat(m.samples()).isEqualTo(200);
    }

    @Test
    void prediction_is_mean_plus_averaged_biases_plus_dot_product_clipped_to_the_training_range() {
        Interactions data = RatingFixtures.random(20, 15, 8, 5);
        BpmfModel m = new BpmfTrainer(new BpmfParams(3, 5, 4, 2, 50, 2.0, false, 0.5, 1, 3)).train(data);
        int r = m.rank();
        float[] x = new float[r];
        float[] all = new float[15];
        float[] q = m.itemFactorArray();
        for (int u = 0; u < 19; u++) {
            m.userVector(u, x);
            m.scoreAll(u, all);
            for (int i = 0; i < 15; i++) {
                double dot = 0;
                for (int f = 0; f < r; f++) {
                    dot += x[f] * q[i * r + f];
                }
                double raw = m.globalMean() + m.userBias(u) + m.itemBias(i) + dot;
                assertThat((double) m.score(u, i)).isCloseTo(raw, within(1e-4));
                assertThat((double) all[i]).isCloseTo(raw, within(1e-4));
                assertThat((double) m.predict(u, i)).isCloseTo(Math.max(1, Math.min(5, raw)), within(1e-4));
            }
        }
        assertThat(m.minRating()).isEqualTo(1f);
        assertThat(m.maxRating()).isEqualTo(5f);
        assertThat(m.globalMean()).isCloseTo((float) data.meanValue(), within(1e-5f));
    }

    @Test
    void the_model_concatenates_the_kept_samples_scaled_by_one_over_root_s_and_averages_their_biases() {
        // the chain does not depend on how many samples are kept, so a 1-sample model at sweep 8
        // and a 2-sample model (sweeps 8 and 10, thin 2) share their first sample
        Interactions data = RatingFixtures.random(20, 15, 8, 5);
        BpmfModel one = new BpmfTrainer(new BpmfParams(3, 6, 1, 2, 0, 2.0, false, 0.1, 1, 9)).train(data);
        BpmfModel two = new BpmfTrainer(new BpmfParams(3, 6, 2, 2, 0, 2.0, false, 0.1, 1, 9)).train(data);
        assertThat(two.rank()).isEqualTo(6);
        float[] x1 = new float[3];
        float[] x2 = new float[6];
        for (int u = 0; u < 19; u++) {
            one.userVector(u, x1);
            two.userVector(u, x2);
            for (int f = 0; f < 3; f++) {
                assertThat((double) x2[f] * Math.sqrt(2)).isCloseTo(x1[f], within(1e-5));
            }
        }
        float[] q1 = one.itemFactorArray();
        float[] q2 = two.itemFactorArray();
        for (int i = 0; i < 15; i++) {
            for (int f = 0; f < 3; f++) {
                assertThat((double) q2[i * 6 + f] * Math.sqrt(2)).isCloseTo(q1[i * 3 + f], within(1e-5));
            }
        }
        // the biases of the 2-sample model are the mean of two draws: not the first draw alone
        boolean differs = false;
        for (int i = 0; i < 15; i++) {
            differs |= Math.abs(one.itemBias(i) - two.itemBias(i)) > 1e-4;
        }
        assertThat(differs).isTrue();
        assertThat(one.summary().epochLoss()).hasSize(8);
        assertThat(two.summary().epochLoss()).hasSize(10);
        assertThat(two.summary().epochLoss()).startsWith(one.summary().epochLoss());
    }

    @Test
    void same_seed_gives_identical_models_whatever_the_thread_count_and_another_seed_different_ones() {
        Interactions data = RatingFixtures.random(300, 80, 12, 2);
        BpmfParams p = new BpmfParams(5, 5, 3, 1, 0, 2.0, false, 0.1, 1, 5);
        BpmfModel a = new BpmfTrainer(p).train(data);
        BpmfModel b = new BpmfTrainer(ParamsBinder.bind(p, Map.of("threads", "3"))).train(data);
        BpmfModel c = new BpmfTrainer(ParamsBinder.bind(p, Map.of("seed", "6"))).train(data);
        assertThat(b.userFactorArray()).containsExactly(a.userFactorArray());
        assertThat(b.itemFactorArray()).containsExactly(a.itemFactorArray());
        assertThat(b.summary().epochLoss()).containsExactly(a.summary().epochLoss());
        assertThat(b.userRegularization()).isEqualTo(a.userRegularization());
        assertThat(c.itemFactorArray()).isNotEqualTo(a.itemFactorArray());
        assertThat(c.userFactorArray()).isNotEqualTo(a.userFactorArray());
    }

    @Test
    void with_implicit_feedback_the_same_seed_gives_identical_models_whatever_the_thread_count() {
        Interactions data = RatingFixtures.random(300, 80, 12, 2);
        BpmfParams p = new BpmfParams(5, 5, 3, 1, 0, 2.0, true, 0.1, 1, 5);
        BpmfModel a = new BpmfTrainer(p).train(data);
        BpmfModel b = new BpmfTrainer(ParamsBinder.bind(p, Map.of("threads", "3"))).train(data);
        BpmfModel plain = new BpmfTrainer(ParamsBinder.bind(p, Map.of("implicit", "false"))).train(data);
        assertThat(b.userFactorArray()).containsExactly(a.userFactorArray());
        assertThat(b.itemFactorArray()).containsExactly(a.itemFactorArray());
        assertThat(b.summary().epochLoss()).containsExactly(a.summary().epochLoss());
        assertThat(plain.userFactorArray()).isNotEqualTo(a.userFactorArray());
        assertThat(a.provenance().params()).containsEntry("implicit", true);
    }

    @Test
    void implicit_feedback_fits_a_rank_two_matrix_too() {
        BpmfParams p = new BpmfParams(3, 300, 200, 1, 1e4, 2.0, true, 0.1, 1, 11);
        Interactions train = lowRankMatrix(4, 5);
        BpmfModel m = new BpmfTrainer(p).train(train);
        assertThat(RatingFixtures.rmse(m, train)).isLessThan(0.03);
        assertThat((double) m.predict(4, 5)).isCloseTo(lowRank(4, 5), within(0.1));
    }

    @Test
    void summary_records_one_training_rmse_per_sweep_and_progress_hears_of_every_sweep() {
        Interactions data = RatingFixtures.random(40, 30, 10, 2);
        List<Long> steps = new ArrayList<>();
        long[] total = new long[1];
        Progress progress = new Progress() {
            @Override
            public void start(String task, long t) {
                total[0] = t;
            }

            @Override
            public void advance(long s) {
                steps.add(s);
            }

            @Override
            public void finish() {
                steps.add(-1L);
            }
        };
        BpmfModel m = new BpmfTrainer(new BpmfParams(4, 4, 3, 2, 0, 2.0, false, 0.1, 1, 5)).train(data, progress);
        double[] loss = m.summary().epochLoss();
        assertThat(loss).hasSize(10);
        assertThat(loss[9]).isLessThan(loss[0]);
        assertThat(total[0]).isEqualTo(10);
        assertThat(steps).hasSize(11).endsWith(-1L);
        assertThat(m.summary().wallSeconds()).isPositive();
        assertThat(m.provenance().algorithm()).isEqualTo("bpmf");
        assertThat(m.provenance().params()).containsEntry("n_factors", 4).containsEntry("burn_in", 4);
        assertThat(m.provenance().dataFingerprint()).isEqualTo(data.fingerprint());
        assertThat(m.userRegularization()).isPositive();
    }

    @Test
    void saved_and_loaded_model_predicts_the_same(@TempDir Path tmp) {
        Interactions data = RatingFixtures.random(40, 30, 10, 2);
        BpmfModel m = new BpmfTrainer(SMALL).train(data);
        m.save(tmp.resolve("bpmf"));
        BpmfModel back = BpmfTrainer.load(ModelArchive.read(tmp.resolve("bpmf")));
        assertThat(back.rank()).isEqualTo(m.rank());
        assertThat(back.samples()).isEqualTo(10);
        for (int u = 0; u < 40; u++) {
            assertThat(back.knowsUser(u)).isEqualTo(m.knowsUser(u));
            for (int i = 0; i < 30; i++) {
                assertThat(back.predict(u, i)).isEqualTo(m.predict(u, i));
            }
        }
        assertThat(back.itemFactorArray()).containsExactly(m.itemFactorArray());
        assertThat(back.userRegularization()).isEqualTo(m.userRegularization());
        RatingFixtures.assertSameProvenance(back.provenance(), m.provenance());
        assertThat(back.summary()).isEqualTo(m.summary());
        RecommenderModel generic = Algorithms.load(tmp.resolve("bpmf"));
        assertThat(generic).isInstanceOf(BpmfModel.class);
        assertThat(((BpmfModel) generic).predict(3, 4)).isEqualTo(m.predict(3, 4));
    }

    @Test
    void a_model_of_another_algorithm_is_not_loaded_as_bpmf(@TempDir Path tmp) {
        Interactions data = RatingFixtures.random(40, 30, 10, 2);
        Algorithms.get("baseline").trainer(Map.of()).train(data).save(tmp.resolve("b"));
        assertThatThrownBy(() -> BpmfTrainer.load(ModelArchive.read(tmp.resolve("b"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not 'bpmf'");
    }

    @Test
    void bad_params_are_rejected_naming_the_field_and_value() {
        BpmfParams d = BpmfParams.defaults();
        assertThatThrownBy(() -> ParamsBinder.bind(d, Map.of("n_factors", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("n_factors").hasMessageContaining("0");
        assertThatThrownBy(() -> ParamsBinder.bind(d, Map.of("samples", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("samples");
        assertThatThrownBy(() -> ParamsBinder.bind(d, Map.of("burn_in", "-1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("burn_in").hasMessageContaining("-1");
        assertThatThrownBy(() -> ParamsBinder.bind(d, Map.of("thin", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("thin");
        assertThatThrownBy(() -> ParamsBinder.bind(d, Map.of("noise_precision", "-2")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("noise_precision");
        assertThatThrownBy(() -> ParamsBinder.bind(d, Map.of("beta0", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("beta0");
        assertThatThrownBy(() -> ParamsBinder.bind(d, Map.of("init_std", "NaN")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("init_std");
        assertThatThrownBy(() -> ParamsBinder.bind(d, Map.of("threads", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> ParamsBinder.bind(d, Map.of("n_factors", "500", "samples", "5000")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("samples");
        assertThatThrownBy(() -> ParamsBinder.bind(d, Map.of("learning_rate", "0.1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown parameter");
    }

    @Test
    void a_model_too_large_for_one_array_is_refused_before_sampling() {
        long[] ids = new long[1_100_000];
        for (int x = 0; x < ids.length; x++) {
            ids[x] = x + 1;
        }
        Interactions data = new Interactions(IdIndex.of(ids), IdIndex.of(7, 8), new int[] {0, 1}, new int[] {0, 1},
                new float[] {4, 2}, new long[2]);
        BpmfParams big = ParamsBinder.bind(SMALL, Map.of("n_factors", "10", "samples", "200"));
        assertThatThrownBy(() -> new BpmfTrainer(big).train(data)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("samples").hasMessageContaining("1100000");
    }

    @Test
    void empty_data_is_refused() {
        assertThatThrownBy(() -> new BpmfTrainer(SMALL).train(RatingFixtures.empty(3, 4)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }

    @Test
    void user_without_training_ratings_gets_mean_plus_item_bias_and_is_not_known() {
        Interactions data = RatingFixtures.random(30, 20, 8, 4); // the last user (29) rates nothing
        BpmfModel m = new BpmfTrainer(SMALL).train(data);
        assertThat(m.knowsUser(29)).isFalse();
        assertThat(m.knowsUser(0)).isTrue();
        assertThat(m.userBias(29)).isZero();
        float[] x = new float[m.rank()];
        m.userVector(29, x);
        assertThat(x).containsOnly(0f);
        float[] all = new float[20];
        m.scoreAll(29, all);
        for (int i = 0; i < 20; i++) {
            float expected = m.globalMean() + m.itemBias(i);
            assertThat(m.predict(29, i)).isEqualTo(Math.max(1f, Math.min(5f, expected))).isNotZero();
            assertThat(all[i]).isEqualTo(expected);
        }
    }

    @Test
    void an_item_without_training_ratings_has_no_factors_and_no_bias() {
        double[][] rows = {{0, 0, 4}, {0, 1, 3}, {1, 0, 5}, {1, 1, 2}, {2, 1, 1}};
        BpmfModel m = new BpmfTrainer(SMALL).train(RatingFixtures.of(3, 3, rows));
        assertThat(m.knowsItem(2)).isFalse();
        assertThat(m.itemBias(2)).isZero();
        assertThat(m.score(0, 2)).isEqualTo(m.globalMean() + m.userBias(0));
    }

    @Test
    void bpmf_is_registered_for_the_cli() {
        assertThat(Algorithms.get("bpmf").defaults()).isEqualTo(BpmfParams.defaults());
        assertThat(Algorithms.get("bpmf").predictsRatings()).isTrue();
    }

    @Test
    void default_bpmf_on_movielens_100k_u1_split() {
        Fold u1 = RatingFixtures.officialSplit(1);
        BpmfModel m = new BpmfTrainer(BpmfParams.defaults()).train(u1.train());
        // goal ≤ 0.900; measured 0.8849 (docs/recommender-bpmf.md); svdpp 0.9143, GC-MC 0.905, GLocal-K 0.889
        assertThat(RatingFixtures.rmse(m, u1.test())).isLessThan(0.895);
    }

    @Test
    void default_bpmf_on_movielens_100k_five_fold() {
        double[] rmse = RatingFixtures.crossValidate(new BpmfTrainer(BpmfParams.defaults()), MovieLens100k.ratings(),
                5, 42);
        // measured 0.8762 ± 0.0030 with the CLI's kfold:5 (seed 42); svdpp 0.9014
        assertThat(RatingFixtures.mean(rmse)).isLessThan(0.885);
    }
}
