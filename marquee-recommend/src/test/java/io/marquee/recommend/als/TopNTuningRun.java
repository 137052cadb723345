package io.marquee.recommend.als;

import io.marquee.core.data.Interactions;
import io.marquee.recommend.ease.EaseParams;
import io.marquee.recommend.ease.EaseTrainer;
import io.marquee.recommend.eval.Fold;
import io.marquee.recommend.testing.MovieLens100k;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the iALS and EASE defaults were chosen (not part of the normal build): the training part of
 * the outer per-user 80/20 holdout that {@link TopNMovieLensTest} reports (seed 42) is split
 * again per user 80/20 (seed 43); each setting is trained on the inner training part and scored
 * by NDCG@10 on the inner test part, so the outer test part is never seen. Run with
 * {@code ./mvnw -pl marquee-recommend test -Dtest=TopNTuningRun -Dmarquee.tune=topn}
 * (grids: {@code -Dease.lambdas=…}, {@code -Dials.grid=rank:lambda:alpha:threshold;…}).
 */
@EnabledIfSystemProperty(named = "marquee.tune", matches = "topn")
class TopNTuningRun {
    @Test
    void grids_scored_on_an_inner_per_user_holdout() {
        Fold outer = PerUserHoldout.split(MovieLens100k.ratings(), 0.2, 42);
        Fold inner = PerUserHoldout.split(outer.train(), 0.2, 43);
        Interactions train = inner.train();
        Interactions test = inner.test();
        System.out.println("TUNE popularity " + TopNEvaluation.evaluate(TopNEvaluation.popularity(train), train, test,
                4, 10));
        String thresholds = System.getProperty("ease.thresholds", "0,4");
        for (String t : thresholds.isEmpty() ? new String[0] : thresholds.split(",")) {
            for (String l : System.getProperty("ease.lambdas", "50,100,200,300,500,800").split(",")) {
                EaseParams p = EaseParams.defaults().withRegularization(Double.parseDouble(l))
                        .withRatingThreshold(Double.parseDouble(t));
                System.out.println("TUNE ease lambda=" + l + " threshold=" + t + " "
                        + TopNEvaluation.evaluate(new EaseTrainer(p).train(train), train, test, 4, 10));
            }
        }
        String grid = System.getProperty("ials.grid", "");
        for (String g : grid.isEmpty() ? new String[0] : grid.split(";")) {
            double[] v = Arrays.stream(g.split(":")).mapToDouble(Double::parseDouble).toArray();
            ImplicitAlsParams p = ImplicitAlsParams.defaults().withRank((int) v[0]).withRegularization(v[1])
                    .withAlpha(v[2]).withRatingThreshold(v[3])
                    .withIterations(Integer.getInteger("ials.iterations", 15))
                    .withCgSteps(Integer.getInteger("ials.cg", 3));
            if (v.length > 4) {
                p = p.withConfidence(ImplicitAlsParams.Confidence.LOG, v[4]);
            }
            System.out.println("TUNE ials " + g + " it=" + p.iterations() + " cg=" + p.cgSteps() + " "
                    + TopNEvaluation.evaluate(new ImplicitAlsTrainer(p).train(train), train, test, 4, 10));
        }
    }
}
