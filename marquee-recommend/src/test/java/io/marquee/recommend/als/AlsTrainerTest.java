package io.marquee.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.RecommenderModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlsTrainerTest {
    private static final AlsParams SMALL = AlsParams.defaults().withRank(4).withIterations(8).withThreads(1);

    /** 40 users × 30 items, r = 3 + u·v with rank-2 u, v; 80 % of the entries observed. */
    private static double[][] lowRank() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] r = new double[40][30];
        double[][] u = new double[40][2];
        double[][] v = new double[30][2];
        for (double[] row : u) {
            row[0] = rnd.nextDouble() * 2 - 1;
            row[1] = rnd.nextDouble() * 2 - 1;
        }
        for (double[] row : v) {
            row[0] = rnd.nextDouble() * 2 - 1;
            row[1] = rnd.nextDouble() * 2 - 1;
        }
        for (int a = 0; a < 40; a++) {
            for (int b = 0; b < 30; b++) {
                r[a][b] = 3 + u[a][0] * v[b][0] + u[a][1] * v[b][1];
            }
        }
        return r;
    }

    @Test
    void recovers_an_exactly_low_rank_matrix_with_small_lambda() {
        double[][] r = lowRank();
        SplittableRandom rnd = new SplittableRandom(5);
        int[] us = new int[1200];
        int[] is = new int[1200];
        float[] vs = new float[1200];
        boolean[][] observed = new boolean[40][30];
        int n = 0;
        for (int a = 0; a < 40; a++) {
            for (int b = 0; b < 30; b++) {
                if (rnd.nextDouble() < 0.8) {
                    us[n] = a;
                    is[n] = b;
                    vs[n] = (float) r[a][b];
                    observed[a][b] = true;
                    n++;
                }
            }
        }
        Interactions data = Tiny.of(40, 30, java.util.Arrays.copyOf(us, n), java.util.Arrays.copyOf(is, n),
                java.util.Arrays.copyOf(vs, n));
        AlsModel model = new AlsTrainer(AlsParams.defaults().withRank(2).withRegularization(1e-4).withIterations(200))
                .train(data);
        double seen = 0;
        double unseen = 0;
        int nSeen = 0;
        for (int a = 0; a < 40; a++) {
            for (int b = 0; b < 30; b++) {
                double e = model.score(a, b) - r[a][b];
                if (observed[a][b]) {
                    seen += e * e;
                    nSeen++;
                } else {
                    unseen += e * e;
                }
            }
        }
        assertThat(Math.sqrt(seen / nSeen)).isLessThan(0.05);
        assertThat(Math.sqrt(unseen / (1200 - nSeen))).isLessThan(0.05);
    }

    @Test
    void objective_never_increases_from_one_iteration_to_the_next() {
        AlsModel model = new AlsTrainer(SMALL.withIterations(12)).train(Tiny.randomRatings(80, 50, 0.3, 1));
        double[] loss = model.summary().epochLoss();
        assertThat(loss).hasSize(12);
        for (int t = 1; t < loss.length; t++) {
            assertThat(loss[t]).isLessThanOrEqualTo(loss[t - 1] * (1 + 1e-6));
        }
    }

    @Test
    void training_twice_with_the_same_seed_yields_identical_arrays() {
        Interactions data = Tiny.randomRatings(150, 90, 0.2, 2);
        AlsModel a = new AlsTrainer(SMALL).train(data);
        AlsModel b = new AlsTrainer(SMALL).train(data);
        assertIdentical(a, b);
        AlsModel c = new AlsTrainer(SMALL.withSeed(7)).train(data);
        assertThat(c.itemFactorArray()).isNotEqualTo(a.itemFactorArray());
    }

    @Test
    void one_and_two_threads_yield_identical_arrays() {
        Interactions data = Tiny.randomRatings(300, 200, 0.1, 3);
        assertIdentical(new AlsTrainer(SMALL.withThreads(1)).train(data),
                new AlsTrainer(SMALL.withThreads(2)).train(data));
    }

    private static void assertIdentical(AlsModel a, AlsModel b) {
        assertThat(a.userFactorArray()).isEqualTo(b.userFactorArray());
        assertThat(a.itemFactorArray()).isEqualTo(b.itemFactorArray());
        assertThat(a.userBiasArray()).isEqualTo(b.userBiasArray());
        assertThat(a.itemBiasArray()).isEqualTo(b.itemBiasArray());
        assertThat(a.globalMean()).isEqualTo(b.globalMean());
        assertThat(a.summary().epochLoss()).isEqualTo(b.summary().epochLoss());
    }

    @Test
    void save_then_load_gives_equal_scores_and_predictions(@TempDir Path dir) {
        Interactions data = Tiny.randomRatings(60, 40, 0.3, 4);
        AlsModel model = new AlsTrainer(SMALL).train(data);
        Path saved = model.save(dir.resolve("als"));
        RecommenderModel loaded = AlsTrainer.SPEC.loader().apply(ModelArchive.read(saved));
        assertThat(loaded).isInstanceOf(AlsModel.class);
        AlsModel back = (AlsModel) loaded;
        assertThat(back.users()).isEqualTo(model.users());
        assertThat(back.items()).isEqualTo(model.items());
        // JSON brings numbers back as the narrowest type, so compare the provenance as text
        assertThat(back.provenance().toString()).isEqualTo(model.provenance().toString());
        assertThat(back.summary()).isEqualTo(model.summary());
        float[] s1 = new float[40];
        float[] s2 = new float[40];
        for (int u = 0; u < 60; u++) {
            model.scoreAll(u, s1);
            back.scoreAll(u, s2);
            assertThat(s2).isEqualTo(s1);
            for (int i = 0; i < 40; i++) {
                assertThat(back.score(u, i)).isEqualTo(s1[i]);
            }
            assertThat(back.predict(u, 3)).isEqualTo(model.predict(u, 3));
            assertThat(back.knowsUser(u)).isEqualTo(model.knowsUser(u));
        }
        assertThat(back.userRegularization()).isEqualTo(model.userRegularization());
    }

    @Test
    void bad_params_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> AlsParams.defaults().withRank(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rank").hasMessageContaining("0");
        assertThatThrownBy(() -> AlsParams.defaults().withRegularization(-0.1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("regularization")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> AlsParams.defaults().withRegularization(Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("regularization");
        assertThatThrownBy(() -> AlsParams.defaults().withIterations(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("iterations");
        assertThatThrownBy(() -> AlsParams.defaults().withThreads(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> ParamsBinder.bind(AlsParams.defaults(), Map.of("rank", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rank must be")
                .hasMessageContaining("was 0");
        assertThatThrownBy(() -> ParamsBinder.bind(AlsParams.defaults(), Map.of("init_scale", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("init_scale");
    }

    @Test
    void params_bind_from_text_and_map_back_to_the_same_values() {
        AlsParams p = ParamsBinder.bind(AlsParams.defaults(), Map.of("rank", "8", "regularization", "0.2",
                "biases", "false", "threads", "1"));
        assertThat(p.rank()).isEqualTo(8);
        assertThat(p.biases()).isFalse();
        assertThat(p.toMap()).containsEntry("rank", 8).containsEntry("regularization", 0.2)
                .containsEntry("init_scale", 0.1).containsKey("seed");
        assertThat(AlsTrainer.SPEC.name()).isEqualTo("als");
        assertThat(AlsTrainer.SPEC.predictsRatings()).isTrue();
        assertThat(AlsTrainer.SPEC.trainer(Map.of("rank", "3")).train(Tiny.randomRatings(20, 10, 0.5, 1)))
                .satisfies(m -> assertThat(m.rank()).isEqualTo(3));
    }

    @Test
    void empty_data_is_refused() {
        assertThatThrownBy(() -> new AlsTrainer(SMALL).train(Tiny.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }

    @Test
    void a_non_finite_rating_is_refused_naming_the_entry() {
        Interactions data = Tiny.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new float[] {3, Float.NaN});
        assertThatThrownBy(() -> new AlsTrainer(SMALL).train(data))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("entry 1");
    }

    @Test
    void a_user_without_training_ratings_is_unknown_and_gets_the_mean_plus_item_bias() {
        Interactions rated = Tiny.randomRatings(30, 20, 0.4, 6);
        // the same entries over an index with one more user (index 30) who has none
        int n = rated.size();
        Interactions data = Tiny.of(31, 20, rated.userArray(), rated.itemArray(), rated.valueArray());
        assertThat(data.size()).isEqualTo(n);
        AlsModel model = new AlsTrainer(SMALL).train(data);
        assertThat(model.knowsUser(30)).isFalse();
        assertThat(model.knowsUser(0)).isTrue();
        assertThat(model.userRatingCount(30)).isZero();
        float[] out = new float[20];
        model.scoreAll(30, out);
        for (int i = 0; i < 20; i++) {
            float expected = model.globalMean() + model.itemBias(i);
            assertThat(out[i]).isEqualTo(expected);
            assertThat(model.score(30, i)).isEqualTo(expected);
            assertThat(model.predict(30, i)).isCloseTo(
                    Math.min(model.maxRating(), Math.max(model.minRating(), expected)), within(1e-6f));
        }
        assertThat(model.userBias(30)).isZero();
        assertThat(model.globalMean()).isCloseTo((float) data.meanValue(), within(1e-6f));
    }

    @Test
    void predictions_are_clipped_to_the_training_rating_range() {
        AlsModel model = new AlsTrainer(SMALL).train(Tiny.randomRatings(40, 30, 0.4, 8));
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 30; i++) {
                assertThat(model.predict(u, i)).isBetween(1f, 5f);
            }
        }
    }
}
