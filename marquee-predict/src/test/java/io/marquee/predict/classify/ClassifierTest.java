package io.marquee.predict.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.TestData;
import io.marquee.predict.features.FloatMatrix;
import io.marquee.predict.metrics.Metrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;

class ClassifierTest {
    private static final TestData.Labelled TRAIN = TestData.logistic(1500, 6, 1);
    private static final TestData.Labelled TEST = TestData.logistic(1000, 6, 2);
    /** Small settings so the suite stays fast. */
    private static final Map<String, String> SMALL = Map.of();

    @TempDir
    Path dir;

    private static ClassifierTrainer trainer(Algo algo, long seed) {
        return switch (algo) {
            case GBDT -> algo.trainer(Map.of("rounds", "100", "nthread", "1"), seed);
            case RF, EXTRATREES -> algo.trainer(Map.of("trees", "15"), seed);
            default -> algo.trainer(SMALL, seed);
        };
    }

    @ParameterizedTest
    @EnumSource(Algo.class)
    void every_classifier_learns_a_known_logistic_signal(Algo algo) {
        Classifier c = trainer(algo, 42).fit(TRAIN.x(), TRAIN.y(), null);
        double auc = Metrics.rocAuc(c.predictProba(TEST.x()), TEST.y());
        assertThat(auc).as(algo.id()).isGreaterThan(algo == Algo.TREE ? 0.75 : 0.8);
        assertThat(c.algo()).isEqualTo(algo);
        assertThat(c.provenance().algorithm()).isEqualTo(algo.id());
        assertThat(c.features()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(Algo.class)
    void the_same_seed_gives_identical_probabilities(Algo algo) {
        double[] a = trainer(algo, 7).fit(TRAIN.x(), TRAIN.y(), null).predictProba(TEST.x());
        double[] b = trainer(algo, 7).fit(TRAIN.x(), TRAIN.y(), null).predictProba(TEST.x());
        assertThat(a).containsExactly(b);
    }

    @ParameterizedTest
    @EnumSource(Algo.class)
    void save_then_load_gives_equal_predictions(Algo algo) {
        Classifier c = trainer(algo, 3).fit(TRAIN.x(), TRAIN.y(), null);
        Path saved = Classifiers.save(c, dir.resolve(algo.id()));
        Classifier back = Classifiers.load(saved);
        assertThat(back.algo()).isEqualTo(algo);
        assertThat(back.predictProba(TEST.x())).containsExactly(c.predictProba(TEST.x()));
        assertThat(back.provenance().toString()).isEqualTo(c.provenance().toString());
    }

    @ParameterizedTest
    @EnumSource(Algo.class)
    void weights_change_the_fit(Algo algo) {
        float[] w = new float[TRAIN.y().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = TRAIN.y()[i] ? 3f : 1f;
        }
        double[] plain = trainer(algo, 5).fit(TRAIN.x(), TRAIN.y(), null).predictProba(TEST.x());
        double[] weighted = trainer(algo, 5).fit(TRAIN.x(), TRAIN.y(), w).predictProba(TEST.x());
        double meanPlain = java.util.Arrays.stream(plain).average().orElseThrow();
        double meanWeighted = java.util.Arrays.stream(weighted).average().orElseThrow();
        assertThat(meanWeighted).as(algo.id()).isGreaterThan(meanPlain + 0.05);
    }

    @ParameterizedTest
    @EnumSource(Algo.class)
    void training_on_no_rows_or_one_class_is_refused(Algo algo) {
        FloatMatrix empty = new FloatMatrix(0, 2, new float[0], List.of("a", "b"));
        assertThatThrownBy(() -> trainer(algo, 1).fit(empty, new boolean[0], null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("training rows");
        FloatMatrix two = new FloatMatrix(2, 1, new float[] {1, 2}, List.of("a"));
        assertThatThrownBy(() -> trainer(algo, 1).fit(two, new boolean[] {true, true}, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("both classes");
    }

    @ParameterizedTest
    @EnumSource(Algo.class)
    void predictions_from_many_threads_equal_sequential_ones(Algo algo) throws Exception {
        Classifier c = trainer(algo, 4).fit(TRAIN.x(), TRAIN.y(), null);
        double[] expected = c.predictProba(TEST.x());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<double[]>> futures = new java.util.ArrayList<>();
            for (int k = 0; k < 8; k++) {
                futures.add(pool.submit(() -> c.predictProba(TEST.x())));
            }
            for (java.util.concurrent.Future<double[]> f : futures) {
                assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bad_params_are_refused_naming_the_field_and_the_value() {
        assertThatThrownBy(() -> new GbdtParams(0, 0.1, 3, 1, 1, 1, 1, 256, 1, 1)).hasMessageContaining("rounds")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> GbdtParams.defaults().withOverrides(Map.of("eta", "2"))).hasMessageContaining("eta");
        assertThatThrownBy(() -> GbdtParams.defaults().withOverrides(Map.of("depth", "2")))
                .hasMessageContaining("'depth'");
        assertThatThrownBy(() -> GbdtParams.defaults().withOverrides(Map.of("maxDepth", "deep")))
                .hasMessageContaining("maxDepth").hasMessageContaining("'deep'");
        assertThatThrownBy(() -> new ForestParams(10, 5, 1, 1f, "gini", 1)).hasMessageContaining("featureFraction");
        assertThatThrownBy(() -> new TreeParams(5, 1, 0, "chaos", 1)).hasMessageContaining("impurity");
        assertThatThrownBy(() -> new LogRegParams(-1, 10, 1e-6, 1)).hasMessageContaining("l2");
        assertThatThrownBy(() -> Algo.of("svm")).hasMessageContaining("'svm'");
    }

    @Test
    void flattened_forest_gives_tribuos_own_probabilities() {
        ForestParams p = new ForestParams(15, 6, 3f, 0.5f, "gini", 11);
        TreeEnsemble flat = TribuoTrees.randomForest(p).fit(TRAIN.x(), TRAIN.y(), null);
        CARTClassificationTrainer cart = new CARTClassificationTrainer(6, 3f, 0f, 0.5f, false, new GiniIndex(), 11);
        Model<Label> tribuo = new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(), 15, 11)
                .train(TribuoTrees.dataset(TRAIN.x(), TRAIN.y(), null));
        double[] ours = flat.predictProba(TEST.x());
        String[] names = TribuoTrees.featureNames(6);
        for (int r = 0; r < TEST.x().rows(); r++) {
            double[] v = new double[6];
            for (int c = 0; c < 6; c++) {
                v[c] = TEST.x().get(r, c);
            }
            Prediction<Label> pred = tribuo.predict(new ArrayExample<>(new Label("0"), names, v));
            Label pos = pred.getOutputScores().get(TribuoTrees.POSITIVE);
            double total = pred.getOutputScores().values().stream().mapToDouble(Label::getScore).sum();
            double expected = pos == null ? 0 : pos.getScore() / total;
            assertThat(ours[r]).as("row %d", r).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void logistic_regression_reaches_the_penalised_optimum() {
        LogisticModel m = new LogisticRegression(new LogRegParams(0.5, 100, 1e-10, 1)).fit(TRAIN.x(), TRAIN.y(), null);
        double[] beta = m.coefficients();
        double[] p = m.predictProba(TRAIN.x());
        // gradient of the penalised log-likelihood vanishes: Σ (y − p) x_j − λ β_j = 0 (no penalty on β0)
        for (int j = 0; j < beta.length; j++) {
            double g = 0;
            for (int i = 0; i < p.length; i++) {
                double xj = j == 0 ? 1 : TRAIN.x().get(i, j - 1);
                g += ((TRAIN.y()[i] ? 1 : 0) - p[i]) * xj;
            }
            if (j > 0) {
                g -= 0.5 * beta[j];
            }
            assertThat(g).as("gradient %d", j).isCloseTo(0, within(1e-6));
        }
        assertThat(beta[1]).isCloseTo(1.5, within(0.25)); // the generating coefficient of x0
        double[] loss = m.summary().epochLoss();
        for (int i = 1; i < loss.length; i++) {
            assertThat(loss[i]).isLessThanOrEqualTo(loss[i - 1] + 1e-9);
        }
    }
}
