package io.marquee.recommend.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.eval.Fold;
import io.marquee.recommend.testing.MovieLens100k;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BiasTrainerTest {
    /** μ = 3 exactly. */
    private static final Interactions THREE_BY_THREE = RatingFixtures.of(3, 3,
            new double[] {0, 0, 5}, new double[] {0, 1, 3}, new double[] {1, 0, 4},
            new double[] {1, 2, 2}, new double[] {2, 1, 1}, new double[] {2, 2, 3});

    @Test
    void one_sweep_on_a_three_by_three_case_gives_the_hand_computed_biases() {
        // λ_i = λ_u = 1. Items first, with b_u = 0:
        //   b_0 = ((5-3)+(4-3))/(1+2) = 1, b_1 = ((3-3)+(1-3))/3 = -2/3, b_2 = ((2-3)+(3-3))/3 = -1/3
        // then users:
        //   b_u0 = ((5-3-1)+(3-3+2/3))/3 = 5/9, b_u1 = ((4-3-1)+(2-3+1/3))/3 = -2/9,
        //   b_u2 = ((1-3+2/3)+(3-3+1/3))/3 = -1/3
        BiasModel m = new BiasTrainer(new BiasParams(1, 1, 1, 42)).train(THREE_BY_THREE);
        assertThat(m.globalMean()).isEqualTo(3f);
        assertThat(m.itemBias(0)).isCloseTo(1f, within(1e-6f));
        assertThat(m.itemBias(1)).isCloseTo(-2f / 3, within(1e-6f));
        assertThat(m.itemBias(2)).isCloseTo(-1f / 3, within(1e-6f));
        assertThat(m.userBias(0)).isCloseTo(5f / 9, within(1e-6f));
        assertThat(m.userBias(1)).isCloseTo(-2f / 9, within(1e-6f));
        assertThat(m.userBias(2)).isCloseTo(-1f / 3, within(1e-6f));
        assertThat(m.predict(2, 0)).isCloseTo(3 - 1f / 3 + 1, within(1e-6f));
        assertThat(m.predict(0, 0)).isCloseTo(3 + 5f / 9 + 1, within(1e-6f));
    }

    @Test
    void many_sweeps_reach_the_fixed_point_of_the_alternating_equations() {
        Interactions data = RatingFixtures.random(40, 25, 10, 9);
        BiasParams params = new BiasParams(15, 10, 300, 42);
        BiasModel m = new BiasTrainer(params).train(data);
        double[] sumI = new double[25];
        int[] cntI = new int[25];
        double[] sumU = new double[40];
        int[] cntU = new int[40];
        for (int k = 0; k < data.size(); k++) {
            sumI[data.item(k)] += data.value(k) - m.globalMean() - m.userBias(data.user(k));
            cntI[data.item(k)]++;
            sumU[data.user(k)] += data.value(k) - m.globalMean() - m.itemBias(data.item(k));
            cntU[data.user(k)]++;
        }
        for (int i = 0; i < 25; i++) {
            assertThat((double) m.itemBias(i)).isCloseTo(sumI[i] / (10 + cntI[i]), within(1e-5));
        }
        for (int u = 0; u < 40; u++) {
            assertThat((double) m.userBias(u)).isCloseTo(sumU[u] / (15 + cntU[u]), within(1e-5));
        }
        assertThat(m.summary().epochLoss()).hasSize(300);
    }

    @Test
    void training_twice_gives_identical_biases() {
        Interactions data = RatingFixtures.random(30, 20, 8, 3);
        BiasModel a = new BiasTrainer(BiasParams.defaults()).train(data);
        BiasModel b = new BiasTrainer(BiasParams.defaults()).train(data);
        for (int u = 0; u < 30; u++) {
            assertThat(a.userBias(u)).isEqualTo(b.userBias(u));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(a.itemBias(i)).isEqualTo(b.itemBias(i));
        }
    }

    @Test
    void saved_and_loaded_model_predicts_the_same(@TempDir Path tmp) {
        Interactions data = RatingFixtures.random(30, 20, 8, 3);
        BiasModel m = new BiasTrainer(BiasParams.defaults()).train(data);
        m.save(tmp.resolve("b"));
        BiasModel back = BiasTrainer.SPEC.loader().apply(ModelArchive.read(tmp.resolve("b")));
        for (int u = 0; u < 30; u++) {
            assertThat(back.knowsUser(u)).isEqualTo(m.knowsUser(u));
            for (int i = 0; i < 20; i++) {
                assertThat(back.predict(u, i)).isEqualTo(m.predict(u, i));
            }
        }
        RatingFixtures.assertSameProvenance(back.provenance(), m.provenance());
        assertThat(back.summary()).isEqualTo(m.summary());
        assertThat(back.minRating()).isEqualTo(m.minRating());
        assertThat(back.maxRating()).isEqualTo(m.maxRating());
    }

    @Test
    void archive_of_another_algorithm_is_refused(@TempDir Path tmp) {
        new GlobalMeanTrainer(GlobalMeanParams.defaults()).train(THREE_BY_THREE).save(tmp.resolve("m"));
        assertThatThrownBy(() -> BiasTrainer.load(ModelArchive.read(tmp.resolve("m"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'mean'");
    }

    @Test
    void bad_params_are_rejected_naming_the_field_and_value() {
        assertThatThrownBy(() -> new BiasParams(-1, 10, 10, 42))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("user_regularization")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new BiasParams(15, Double.NaN, 10, 42))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("item_regularization");
        assertThatThrownBy(() -> ParamsBinder.bind(BiasParams.defaults(), Map.of("epochs", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("epochs").hasMessageContaining("0");
        assertThatThrownBy(() -> ParamsBinder.bind(BiasParams.defaults(), Map.of("n_factors", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("n_factors");
    }

    @Test
    void empty_data_is_refused() {
        assertThatThrownBy(() -> new BiasTrainer(BiasParams.defaults()).train(RatingFixtures.empty(3, 3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }

    @Test
    void user_without_training_ratings_gets_mean_plus_item_bias_and_is_not_known() {
        Interactions data = RatingFixtures.random(10, 6, 4, 1); // the last user rates nothing
        BiasModel m = new BiasTrainer(BiasParams.defaults()).train(data);
        assertThat(m.knowsUser(9)).isFalse();
        assertThat(m.knowsUser(0)).isTrue();
        assertThat(m.userBias(9)).isZero();
        for (int i = 0; i < 6; i++) {
            assertThat(m.predict(9, i)).isEqualTo(m.globalMean() + m.itemBias(i)).isNotZero();
        }
    }

    @Test
    void item_without_training_ratings_gets_mean_plus_user_bias() {
        Interactions data = RatingFixtures.of(2, 3, new double[] {0, 0, 5}, new double[] {1, 0, 3},
                new double[] {0, 1, 4});
        BiasModel m = new BiasTrainer(BiasParams.defaults()).train(data);
        assertThat(m.knowsItem(2)).isFalse();
        assertThat(m.predict(0, 2)).isEqualTo(m.globalMean() + m.userBias(0));
    }

    @Test
    void surprise_defaults_on_movielens_100k_reproduce_its_published_baseline_only_figure() {
        double[] rmse = RatingFixtures.crossValidate(new BiasTrainer(new BiasParams(15, 10, 10, 42)),
                MovieLens100k.ratings(), 5, 42);
        // Surprise publishes 0.944; plain Python of the same sweeps on other folds gave 0.9445
        assertThat(RatingFixtures.mean(rmse)).isBetween(0.940, 0.948);
    }

    @Test
    void default_baseline_on_movielens_100k_beats_surprise_baseline_only() {
        double[] rmse = RatingFixtures.crossValidate(new BiasTrainer(BiasParams.defaults()), MovieLens100k.ratings(),
                5, 42);
        // Surprise publishes 0.944 for BaselineOnly (λ_u 15, λ_i 10); the cross-validated defaults
        // measured 0.9405 (docs/recommender-factor-models.md)
        assertThat(RatingFixtures.mean(rmse)).isLessThan(0.944);
        // u1.test is harder than a random fold (measured 0.9536)
        Fold u1 = RatingFixtures.officialSplit(1);
        assertThat(RatingFixtures.rmse(new BiasTrainer(BiasParams.defaults()).train(u1.train()), u1.test()))
                .isLessThan(0.96);
    }
}
