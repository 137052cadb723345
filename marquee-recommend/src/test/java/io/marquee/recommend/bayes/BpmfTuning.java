package io.marquee.recommend.bayes;

import io.marquee.core.data.Interactions;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.baseline.RatingFixtures;
import io.marquee.recommend.eval.Fold;
import io.marquee.recommend.eval.KFoldSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The hyperparameter search behind the defaults of {@code bpmf} (see
 * {@code docs/recommender-bpmf.md}). Not a test: it runs only when asked,
 *
 * <pre>
 *   ./mvnw -B -q -pl marquee-recommend test -Dtest=BpmfTuning -Dmarquee.tune=true \
 *       -Dmarquee.tune.grid='n_factors=10;n_factors=20' [-Dmarquee.tune.folds=5]
 * </pre>
 *
 * and evaluates every configuration of the grid (configurations separated by {@code ;}, each a
 * list of {@code name=value} overrides of the defaults) by 5-fold cross-validation inside u1.base
 * alone ({@code new KFoldSplit(5, 7)} over u1.base, the same inner folds as the {@code mf} and
 * {@code svdpp} search): u1.test plays no part. Prints one line per configuration with the mean
 * and standard deviation of the inner-fold RMSEs and the mean fit time.
 */
@EnabledIfSystemProperty(named = "marquee.tune", matches = "true")
class BpmfTuning {

    @Test
    void grid() {
        String grid = System.getProperty("marquee.tune.grid", "");
        int folds = Integer.getInteger("marquee.tune.folds", 5);
        Interactions u1base = RatingFixtures.officialSplit(1).train();
        List<Fold> inner = new KFoldSplit(5, 7).folds(u1base).subList(0, folds);
        System.out.printf(Locale.ROOT, "# bpmf, inner %d-of-5-fold CV on u1.base (%d ratings)%n", folds,
                u1base.size());
        for (String config : grid.split(";")) {
            Map<String, String> overrides = new LinkedHashMap<>();
            for (String pair : config.split(",")) {
                if (!pair.isBlank()) {
                    String[] kv = pair.split("=");
                    overrides.put(kv[0].trim(), kv[1].trim());
                }
            }
            BpmfTrainer trainer = new BpmfTrainer(ParamsBinder.bind(BpmfParams.defaults(), overrides));
            double[] rmse = new double[inner.size()];
            double seconds = 0;
            for (int f = 0; f < inner.size(); f++) {
                BpmfModel m = trainer.train(inner.get(f).train());
                seconds += m.summary().wallSeconds();
                rmse[f] = RatingFixtures.rmse(m, inner.get(f).test());
            }
            System.out.printf(Locale.ROOT, "%-60s rmse %.4f ± %.4f  fit %.1f s%n", overrides,
                    RatingFixtures.mean(rmse), rmse.length > 1 ? RatingFixtures.std(rmse) : 0.0,
                    seconds / inner.size());
        }
    }
}
