package io.marquee.recommend.mf;

import io.marquee.core.data.Interactions;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.RatingModel;
import io.marquee.recommend.RecommenderTrainer;
import io.marquee.recommend.baseline.BiasParams;
import io.marquee.recommend.baseline.BiasTrainer;
import io.marquee.recommend.baseline.RatingFixtures;
import io.marquee.recommend.eval.Fold;
import io.marquee.recommend.eval.KFoldSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The hyperparameter search behind the defaults of {@code baseline}, {@code mf} and {@code svdpp}
 * (see {@code docs/recommender-factor-models.md}). Not a test: it runs only when asked,
 *
 * <pre>
 *   ./mvnw -B -q -pl marquee-recommend test -Dtest=FactorModelTuning -Dmarquee.tune=true \
 *       -Dmarquee.tune.algorithm=mf -Dmarquee.tune.grid='n_factors=100,learning_rate=0.005;…'
 * </pre>
 *
 * and evaluates every configuration of the grid (configurations separated by {@code ;}, each a
 * list of {@code name=value} overrides of the defaults) by 5-fold cross-validation inside
 * u1.base alone ({@code new KFoldSplit(5, 7)} over u1.base): u1.test and the test folds of the
 * random 5-fold evaluation over u.data play no part. Prints one line per configuration.
 */
@EnabledIfSystemProperty(named = "marquee.tune", matches = "true")
class FactorModelTuning {

    @Test
    void grid() {
        String algorithm = System.getProperty("marquee.tune.algorithm", "mf");
        String grid = System.getProperty("marquee.tune.grid", "");
        int folds = Integer.getInteger("marquee.tune.folds", 5);
        Interactions u1base = RatingFixtures.officialSplit(1).train();
        List<Fold> inner = new KFoldSplit(5, 7).folds(u1base).subList(0, folds);
        System.out.printf(Locale.ROOT, "# %s, inner %d-of-5-fold CV on u1.base (%d ratings)%n", algorithm, folds,
                u1base.size());
        for (String config : grid.split(";")) {
            Map<String, String> overrides = new LinkedHashMap<>();
            for (String pair : config.split(",")) {
                if (!pair.isBlank()) {
                    String[] kv = pair.split("=");
                    overrides.put(kv[0].trim(), kv[1].trim());
                }
            }
            Function<Map<String, String>, RecommenderTrainer<? extends RatingModel>> make = switch (algorithm) {
                case "mf" -> o -> new MfTrainer(ParamsBinder.bind(MfParams.defaults(), o));
                case "svdpp" -> o -> new SvdppTrainer(ParamsBinder.bind(SvdppParams.defaults(), o));
                case "baseline" -> o -> new BiasTrainer(ParamsBinder.bind(BiasParams.defaults(), o));
                default -> throw new IllegalArgumentException(algorithm);
            };
            RecommenderTrainer<? extends RatingModel> trainer = make.apply(overrides);
            double[] rmse = new double[inner.size()];
            double[] fit = new double[inner.size()];
            double[] trainLoss = new double[inner.size()];
            for (Fold f : inner) {
                long t0 = System.nanoTime();
                RatingModel m = trainer.train(f.train());
                fit[f.index()] = (System.nanoTime() - t0) / 1e9;
                rmse[f.index()] = RatingFixtures.rmse(m, f.test());
                trainLoss[f.index()] = m.summary().finalLoss();
            }
            System.out.printf(Locale.ROOT, "%-90s cv_rmse %.4f ± %.4f  train_rmse %.4f  fit %.2f s%n",
                    overrides.isEmpty() ? "(defaults)" : config.trim(), RatingFixtures.mean(rmse),
                    rmse.length > 1 ? RatingFixtures.std(rmse) : 0, RatingFixtures.mean(trainLoss),
                    RatingFixtures.mean(fit));
        }
    }

    /**
     * Fit times on all 100,000 ML-100K ratings: {@code -Dmarquee.tune.algorithm} with
     * {@code -Dmarquee.tune.grid} (one configuration), {@code -Dmarquee.tune.reps} runs after one
     * warm-up run. Prints every run's wall time and the training thread's CPU time (JVM start and
     * data loading excluded); on a busy machine the CPU time is the steadier figure.
     */
    @Test
    void fitTime() {
        String algorithm = System.getProperty("marquee.tune.algorithm", "mf");
        String config = System.getProperty("marquee.tune.grid", "n_factors=100,epochs=20");
        int reps = Integer.getInteger("marquee.tune.reps", 5);
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : config.split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=");
                overrides.put(kv[0].trim(), kv[1].trim());
            }
        }
        RecommenderTrainer<? extends RatingModel> trainer = switch (algorithm) {
            case "mf" -> new MfTrainer(ParamsBinder.bind(MfParams.defaults(), overrides));
            case "svdpp" -> new SvdppTrainer(ParamsBinder.bind(SvdppParams.defaults(), overrides));
            case "baseline" -> new BiasTrainer(ParamsBinder.bind(BiasParams.defaults(), overrides));
            default -> throw new IllegalArgumentException(algorithm);
        };
        Interactions all = io.marquee.recommend.testing.MovieLens100k.ratings();
        trainer.train(all); // warm-up
        StringBuilder sb = new StringBuilder();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < reps; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            RatingModel m = trainer.train(all);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            sb.append(String.format(Locale.ROOT, " %.3f (cpu %.3f)", s, cpu));
            if (m.summary().epochLoss().length == 0) {
                throw new AssertionError();
            }
        }
        System.out.printf(Locale.ROOT, "# fit %s %s on %d ratings, seconds per run, wall (cpu):%s%n", algorithm,
                trainer.params().toMap(), all.size(), sb);
    }

    /**
     * The reported figures: each algorithm at its defaults on the random 5-fold split of all of
     * u.data ({@code new KFoldSplit(5, 42)}, as the accuracy tests) and on u1.base → u1.test.
     * {@code -Dmarquee.tune.algorithm} may name one algorithm or {@code all}.
     */
    @Test
    void evaluate() {
        String which = System.getProperty("marquee.tune.algorithm", "all");
        Map<String, RecommenderTrainer<? extends RatingModel>> trainers = new LinkedHashMap<>();
        trainers.put("mean", new io.marquee.recommend.baseline.GlobalMeanTrainer(
                io.marquee.recommend.baseline.GlobalMeanParams.defaults()));
        trainers.put("baseline", new BiasTrainer(BiasParams.defaults()));
        trainers.put("baseline(surprise 15/10)", new BiasTrainer(new BiasParams(15, 10, 10, 42)));
        trainers.put("mf", new MfTrainer(MfParams.defaults()));
        trainers.put("svdpp", new SvdppTrainer(SvdppParams.defaults()));
        Interactions all = io.marquee.recommend.testing.MovieLens100k.ratings();
        List<Fold> folds = new KFoldSplit(5, 42).folds(all);
        Fold u1 = RatingFixtures.officialSplit(1);
        for (Map.Entry<String, RecommenderTrainer<? extends RatingModel>> e : trainers.entrySet()) {
            if (!which.equals("all") && !e.getKey().startsWith(which)) {
                continue;
            }
            double[] rmse = new double[folds.size()];
            double fitSum = 0;
            for (Fold f : folds) {
                long t0 = System.nanoTime();
                RatingModel m = e.getValue().train(f.train());
                fitSum += (System.nanoTime() - t0) / 1e9;
                rmse[f.index()] = RatingFixtures.rmse(m, f.test());
            }
            long t0 = System.nanoTime();
            RatingModel m1 = e.getValue().train(u1.train());
            double fit1 = (System.nanoTime() - t0) / 1e9;
            double u1rmse = RatingFixtures.rmse(m1, u1.test());
            StringBuilder per = new StringBuilder();
            for (double r : rmse) {
                per.append(String.format(Locale.ROOT, " %.4f", r));
            }
            System.out.printf(Locale.ROOT, "%-26s 5-fold %.4f ± %.4f (folds%s; mean fit %.2f s)  u1 %.4f (fit %.2f s)%n",
                    e.getKey(), RatingFixtures.mean(rmse), RatingFixtures.std(rmse), per, fitSum / folds.size(),
                    u1rmse, fit1);
        }
    }
}
