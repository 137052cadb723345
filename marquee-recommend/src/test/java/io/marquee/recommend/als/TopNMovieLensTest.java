package io.marquee.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.core.data.Interactions;
import io.marquee.recommend.ease.EaseModel;
import io.marquee.recommend.ease.EaseParams;
import io.marquee.recommend.ease.EaseTrainer;
import io.marquee.recommend.eval.Fold;
import io.marquee.recommend.testing.MovieLens100k;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Top-N check on MovieLens 100K (skipped without the shared data). Protocol: each user's ratings
 * are split at random 80/20 ({@link PerUserHoldout}, seed 42); candidates are the items the user
 * has not rated in the training part; relevant items are the user's test ratings ≥ 4; NDCG@10
 * and Recall@10 are averaged over users with at least one relevant test item. Popularity ranks by
 * the number of training ratings. iALS trains on all training ratings (its default threshold 0,
 * confidence 1 + α·rating); EASE on the training positives (ratings ≥ 4), which scored better on
 * the inner tuning split ({@link TopNTuningRun}).
 */
class TopNMovieLensTest {
    private static final Logger LOG = LoggerFactory.getLogger(TopNMovieLensTest.class);

    @Test
    void ials_and_ease_rank_far_better_than_popularity_on_movielens_100k() {
        Fold fold = PerUserHoldout.split(MovieLens100k.ratings(), 0.2, 42);
        Interactions train = fold.train();
        Interactions test = fold.test();
        TopNEvaluation.Result pop = TopNEvaluation.evaluate(TopNEvaluation.popularity(train), train, test, 4, 10);
        ImplicitAlsModel ialsModel = new ImplicitAlsTrainer(ImplicitAlsParams.defaults()).train(train);
        TopNEvaluation.Result ials = TopNEvaluation.evaluate(ialsModel, train, test, 4, 10);
        EaseModel easeModel = new EaseTrainer(EaseParams.defaults().withRatingThreshold(4)).train(train);
        TopNEvaluation.Result ease = TopNEvaluation.evaluate(easeModel, train, test, 4, 10);
        String report = String.format("top-N ML-100K per-user 80/20 (seed 42): popularity %s; ials %s (trained in"
                + " %.2f s); ease %s (trained in %.2f s)", pop, ials, ialsModel.summary().wallSeconds(), ease,
                easeModel.summary().wallSeconds());
        LOG.info(report);
        System.out.println(report);
        assertThat(ials.ndcg()).isGreaterThanOrEqualTo(1.3 * pop.ndcg());
        assertThat(ease.ndcg()).isGreaterThanOrEqualTo(1.3 * pop.ndcg());
        assertThat(ials.recall()).isGreaterThan(pop.recall());
        assertThat(ease.recall()).isGreaterThan(pop.recall());
    }
}
