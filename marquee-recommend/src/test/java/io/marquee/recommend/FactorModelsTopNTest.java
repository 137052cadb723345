package io.marquee.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.core.data.Interactions;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.als.AlsParams;
import io.marquee.recommend.als.AlsTrainer;
import io.marquee.recommend.als.ImplicitAlsParams;
import io.marquee.recommend.als.ImplicitAlsTrainer;
import io.marquee.recommend.baseline.PopularityParams;
import io.marquee.recommend.baseline.PopularityTrainer;
import io.marquee.recommend.baseline.RatingFixtures;
import io.marquee.recommend.bayes.BpmfParams;
import io.marquee.recommend.bayes.BpmfTrainer;
import io.marquee.recommend.mf.MfParams;
import io.marquee.recommend.mf.MfTrainer;
import io.marquee.recommend.mf.SvdppParams;
import io.marquee.recommend.mf.SvdppTrainer;
import io.marquee.recommend.online.FoldedUser;
import io.marquee.recommend.online.OverlayScorer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Every factor model's {@code topN} (the 16-bit first pass of {@link FactorTopN}) gives the list that
 * scoring every item and {@link TopN#select} give — items and scores bit for bit.
 */
class FactorModelsTopNTest {
    private static final Interactions DATA = RatingFixtures.random(120, 400, 25, 3);

    private static List<RecommenderModel> models() {
        return List.of(
                new MfTrainer(MfParams.defaults()).train(DATA, Progress.NONE),
                new SvdppTrainer(SvdppParams.defaults()).train(DATA, Progress.NONE),
                new AlsTrainer(AlsParams.defaults()).train(DATA, Progress.NONE),
                new ImplicitAlsTrainer(ImplicitAlsParams.defaults()).train(DATA, Progress.NONE),
                new BpmfTrainer(new BpmfParams(6, 5, 20, 1, 0, 2.0, true, 0.1, 1, 42)).train(DATA, Progress.NONE));
    }

    private static Recommendations fullScan(ItemScorer scorer, int user, int n, IntPredicate exclude) {
        float[] scores = new float[scorer.itemCount()];
        scorer.scoreAll(user, scores);
        return TopN.select(scores, n, null, exclude);
    }

    @Test
    void everyFactorModelListsWhatScoringEveryItemLists() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (RecommenderModel model : models()) {
            for (int user = 0; user < model.userCount(); user++) {
                boolean[] seen = new boolean[model.itemCount()];
                for (int i = 0; i < seen.length; i++) {
                    seen[i] = rnd.nextDouble() < 0.06;
                }
                IntPredicate exclude = user % 2 == 0 ? null : i -> seen[i];
                for (int n : new int[] {1, 10, 50}) {
                    assertThat(model.topN(user, n, exclude))
                            .as("%s user %d n %d", model.provenance().algorithm(), user, n)
                            .isEqualTo(fullScan(model, user, n, exclude));
                }
            }
            // TopN without candidates goes through the same path
            assertThat(new TopN(model).recommend(3, 10, null, null)).isEqualTo(fullScan(model, 3, 10, null));
        }
    }

    @Test
    void foldedViewersAndFallbackUsersGetTheFullScansListToo() {
        SplittableRandom rnd = new SplittableRandom(2);
        ItemScorer popularity = new PopularityTrainer(PopularityParams.defaults()).train(DATA, Progress.NONE);
        for (RecommenderModel model : models()) {
            FactorModel factors = (FactorModel) model;
            OverlayScorer overlay = new OverlayScorer(factors);
            float[] x = new float[factors.rank()];
            for (int f = 0; f < x.length; f++) {
                x[f] = (float) (0.3 * rnd.nextGaussian());
            }
            overlay.put(5, new FoldedUser(x, 0.2f, 3));
            int added = overlay.add(new FoldedUser(x, -0.1f, 1));
            Fallback scorer = new Fallback(overlay, popularity);
            IntPredicate exclude = i -> i % 11 == 0;
            for (int user : new int[] {5, added, 7, model.userCount() - 1}) {
                assertThat(scorer.topN(user, 10, exclude))
                        .as("%s user %d", model.provenance().algorithm(), user)
                        .isEqualTo(fullScan(scorer, user, 10, exclude));
            }
        }
    }
}
