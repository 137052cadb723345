package io.marquee.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Dataset;
import io.marquee.core.data.Interactions;
import io.marquee.recommend.testing.MovieLens100k;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs on ML-100K from the shared data folder; skipped when it is absent. */
class MovieLensSplitsTest {
    @Test
    void given_files_u1_base_and_u1_test_yield_80000_and_20000_ratings() {
        Interactions data = MovieLens100k.ratings();
        Split split = Splits.parse("files:u1.base,u1.test", 0, MovieLens100k.dir());
        List<Fold> folds = split.folds(data);
        assertThat(folds).hasSize(1);
        assertThat(folds.get(0).train().size()).isEqualTo(80_000);
        assertThat(folds.get(0).test().size()).isEqualTo(20_000);
        assertThat(folds.get(0).train().users()).isSameAs(data.users());
    }

    @Test
    void the_official_five_folds_each_yield_80000_and_20000_ratings() {
        List<Fold> folds = Splits.parse("files:u1..u5", 0, MovieLens100k.dir()).folds(MovieLens100k.ratings());
        assertThat(folds).hasSize(5);
        for (Fold f : folds) {
            assertThat(f.train().size()).isEqualTo(80_000);
            assertThat(f.test().size()).isEqualTo(20_000);
        }
    }

    @Test
    void a_global_mean_predictor_on_u1_has_the_rmse_computed_directly_from_the_files() {
        Dataset ml = MovieLens100k.dataset();
        Split split = Splits.parse("files:u1.base,u1.test", 0, MovieLens100k.dir());
        Evaluation e = new Evaluator(split, Metrics.parse("rmse, mae, precision@10, coverage@10, ild@10"),
                Protocol.defaults()).withCatalogue(ml.catalogue()).evaluate(EvalFixtures.globalMeanTrainer(), ml.ratings());
        Fold f = split.folds(ml.ratings()).get(0);
        double mean = f.train().meanValue();
        double se = 0;
        double ae = 0;
        for (int k = 0; k < f.test().size(); k++) {
            double err = (float) mean - f.test().value(k);
            se += err * err;
            ae += Math.abs(err);
        }
        assertThat(e.value("rmse")).isCloseTo(Math.sqrt(se / 20_000), within(1e-9));
        assertThat(e.value("mae")).isCloseTo(ae / 20_000, within(1e-9));
        assertThat(e.value("rmse")).isBetween(1.1, 1.2);
        // u1.test has 459 users; a constant score ranks by item index, so lists are the lowest unrated ids
        assertThat(e.usersWithTest()).isEqualTo(459);
        assertThat(e.usersEvaluated() + e.usersSkipped()).isEqualTo(459);
        assertThat(e.value("coverage@10")).isGreaterThan(0).isLessThan(0.1);
        assertThat(e.value("ild@10")).isBetween(0.0, 1.0);
    }
}
