package io.marquee.recommend.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.testing.MovieLens100k;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalMeanTrainerTest {
    private static final Interactions THREE_BY_THREE = RatingFixtures.of(3, 3,
            new double[] {0, 0, 5}, new double[] {0, 1, 3}, new double[] {1, 0, 4},
            new double[] {1, 2, 2}, new double[] {2, 1, 1}, new double[] {2, 2, 3.5});

    @Test
    void model_predicts_the_exact_mean_of_the_training_ratings_for_every_pair() {
        GlobalMeanModel m = new GlobalMeanTrainer(GlobalMeanParams.defaults()).train(THREE_BY_THREE);
        float expected = (5 + 3 + 4 + 2 + 1 + 3.5f) / 6;
        assertThat(m.mean()).isEqualTo(expected);
        for (int u = 0; u < 3; u++) {
            for (int i = 0; i < 3; i++) {
                assertThat(m.predict(u, i)).isEqualTo(expected);
            }
        }
        float[] all = new float[3];
        m.scoreAll(1, all);
        assertThat(all).containsOnly(expected);
        assertThat(m.provenance().algorithm()).isEqualTo("mean");
    }

    @Test
    void training_twice_gives_the_same_mean_whatever_the_seed() {
        Interactions data = RatingFixtures.random(30, 20, 8, 3);
        float a = new GlobalMeanTrainer(new GlobalMeanParams(1)).train(data).mean();
        float b = new GlobalMeanTrainer(new GlobalMeanParams(1)).train(data).mean();
        float c = new GlobalMeanTrainer(new GlobalMeanParams(2)).train(data).mean();
        assertThat(a).isEqualTo(b).isEqualTo(c);
    }

    @Test
    void saved_and_loaded_model_predicts_the_same(@TempDir Path tmp) {
        GlobalMeanModel m = new GlobalMeanTrainer(GlobalMeanParams.defaults()).train(THREE_BY_THREE);
        m.save(tmp.resolve("mean"));
        GlobalMeanModel back = GlobalMeanTrainer.load(ModelArchive.read(tmp.resolve("mean")));
        assertThat(back.mean()).isEqualTo(m.mean());
        assertThat(back.users()).isEqualTo(m.users());
        assertThat(back.items()).isEqualTo(m.items());
        RatingFixtures.assertSameProvenance(back.provenance(), m.provenance());
        assertThat(back.summary()).isEqualTo(m.summary());
        assertThat(back.knowsUser(0)).isTrue();
    }

    @Test
    void unknown_parameter_is_rejected_with_its_name() {
        assertThatThrownBy(() -> ParamsBinder.bind(GlobalMeanParams.defaults(), Map.of("n_factors", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("n_factors");
        assertThat(ParamsBinder.bind(GlobalMeanParams.defaults(), Map.of("seed", "7")).seed()).isEqualTo(7);
    }

    @Test
    void empty_data_is_refused() {
        assertThatThrownBy(() -> new GlobalMeanTrainer(GlobalMeanParams.defaults()).train(RatingFixtures.empty(3, 3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }

    @Test
    void user_without_training_ratings_gets_the_mean_and_is_not_known() {
        Interactions data = RatingFixtures.random(10, 6, 4, 1); // the last user rates nothing
        GlobalMeanModel m = new GlobalMeanTrainer(GlobalMeanParams.defaults()).train(data);
        assertThat(m.knowsUser(9)).isFalse();
        assertThat(m.knowsUser(0)).isTrue();
        assertThat(m.predict(9, 0)).isEqualTo(m.mean()).isNotZero();
    }

    @Test
    void global_mean_on_movielens_100k_five_fold_is_about_1_12() {
        double[] rmse = RatingFixtures.crossValidate(new GlobalMeanTrainer(GlobalMeanParams.defaults()),
                MovieLens100k.ratings(), 5, 42);
        // the standard deviation of ML-100K ratings is 1.1257
        assertThat(RatingFixtures.mean(rmse)).isBetween(1.11, 1.14);
    }
}
