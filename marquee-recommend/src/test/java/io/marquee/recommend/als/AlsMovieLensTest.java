package io.marquee.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.core.data.Interactions;
import io.marquee.recommend.RatingPredictor;
import io.marquee.recommend.eval.Fold;
import io.marquee.recommend.eval.KFoldSplit;
import io.marquee.recommend.testing.MovieLens100k;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ALS accuracy on MovieLens 100K, random 5-fold (skipped without the shared data). */
class AlsMovieLensTest {
    private static final Logger LOG = LoggerFactory.getLogger(AlsMovieLensTest.class);

    static double rmse(RatingPredictor model, Interactions test) {
        double s = 0;
        for (int k = 0; k < test.size(); k++) {
            double e = model.predict(test.user(k), test.item(k)) - test.value(k);
            s += e * e;
        }
        return Math.sqrt(s / test.size());
    }

    @Test
    void default_als_reaches_rmse_below_0_92_on_movielens_100k_random_5_fold() {
        Interactions ratings = MovieLens100k.ratings();
        List<Fold> folds = new KFoldSplit(5, 42).folds(ratings);
        double[] r = new double[folds.size()];
        double seconds = 0;
        AlsTrainer trainer = new AlsTrainer(AlsParams.defaults());
        for (Fold f : folds) {
            AlsModel model = trainer.train(f.train());
            seconds += model.summary().wallSeconds();
            r[f.index()] = rmse(model, f.test());
        }
        double mean = java.util.Arrays.stream(r).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(r).map(v -> (v - mean) * (v - mean)).sum() / (r.length - 1));
        String report = String.format("ALS defaults %s: 5-fold RMSE %.4f ± %.4f (sample sd), folds %s, mean training"
                + " time %.2f s", AlsParams.defaults(), mean, sd, java.util.Arrays.toString(r), seconds / folds.size());
        LOG.info(report);
        System.out.println(report);
        assertThat(mean).isLessThan(0.92);
    }
}
