package io.marquee.recommend.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.recommend.Fallback;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.Recommendations;
import io.marquee.recommend.TopN;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopularityTrainerTest {
    private static final Interactions DATA = RatingFixtures.of(4, 4,
            new double[] {0, 0, 5}, new double[] {1, 0, 2}, new double[] {2, 0, 1},
            new double[] {0, 1, 4}, new double[] {1, 1, 5},
            new double[] {2, 2, 3});

    @Test
    void scores_are_the_number_of_ratings_of_each_item() {
        PopularityModel m = new PopularityTrainer(PopularityParams.defaults()).train(DATA);
        float[] s = new float[4];
        m.scoreAll(0, s);
        assertThat(s).containsExactly(3, 2, 1, 0);
        Recommendations top = new TopN(m).recommend(3, 2, null, null);
        assertThat(top.items()).containsExactly(0, 1);
    }

    @Test
    void min_rating_counts_only_ratings_at_or_above_it() {
        PopularityModel m = new PopularityTrainer(new PopularityParams(4, 42)).train(DATA);
        assertThat(m.count(0)).isEqualTo(1);
        assertThat(m.count(1)).isEqualTo(2);
        assertThat(m.count(2)).isZero();
        assertThat(new TopN(m).recommend(0, 1, null, null).items()).containsExactly(1);
    }

    @Test
    void knows_every_user_so_it_serves_as_the_fallback_for_cold_users() {
        PopularityModel pop = new PopularityTrainer(PopularityParams.defaults()).train(DATA);
        BiasModel bias = new BiasTrainer(BiasParams.defaults()).train(DATA);
        assertThat(pop.knowsUser(3)).isTrue();
        assertThat(bias.knowsUser(3)).isFalse();
        Fallback f = new Fallback(bias, pop);
        assertThat(f.usesPrimary(0)).isTrue();
        assertThat(f.usesPrimary(3)).isFalse();
        assertThat(f.score(3, 0)).isEqualTo(3);
    }

    @Test
    void training_twice_gives_identical_counts() {
        Interactions data = RatingFixtures.random(30, 20, 8, 3);
        PopularityModel a = new PopularityTrainer(PopularityParams.defaults()).train(data);
        PopularityModel b = new PopularityTrainer(new PopularityParams(0, 7)).train(data);
        for (int i = 0; i < 20; i++) {
            assertThat(a.count(i)).isEqualTo(b.count(i));
        }
    }

    @Test
    void saved_and_loaded_model_scores_the_same(@TempDir Path tmp) {
        PopularityModel m = new PopularityTrainer(PopularityParams.defaults()).train(DATA);
        m.save(tmp.resolve("pop"));
        PopularityModel back = PopularityTrainer.load(ModelArchive.read(tmp.resolve("pop")));
        float[] a = new float[4];
        float[] b = new float[4];
        m.scoreAll(1, a);
        back.scoreAll(1, b);
        assertThat(b).containsExactly(a);
        RatingFixtures.assertSameProvenance(back.provenance(), m.provenance());
        assertThat(back.users()).isEqualTo(m.users());
    }

    @Test
    void bad_params_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> new PopularityParams(Double.NaN, 42))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("min_rating");
        assertThatThrownBy(() -> ParamsBinder.bind(PopularityParams.defaults(), Map.of("min_rating", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("min_rating");
        assertThatThrownBy(() -> ParamsBinder.bind(PopularityParams.defaults(), Map.of("n_factors", "0")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("n_factors");
    }

    @Test
    void empty_data_is_refused() {
        assertThatThrownBy(() -> new PopularityTrainer(PopularityParams.defaults()).train(RatingFixtures.empty(2, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> new PopularityTrainer(new PopularityParams(6, 42)).train(DATA))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("min_rating");
    }
}
