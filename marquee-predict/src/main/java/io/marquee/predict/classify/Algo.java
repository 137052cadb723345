package io.marquee.predict.classify;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The classifier algorithms, by the short names the CLI and the API use. */
public enum Algo {
    /** Gradient-boosted trees (XGBoost4J). */
    GBDT("gbdt"),
    /** Random forest (Tribuo). */
    RF("rf"),
    /** Extremely randomised trees (Tribuo). */
    EXTRATREES("extratrees"),
    /** One CART decision tree (Tribuo). */
    TREE("tree"),
    /** L2-regularised logistic regression (Newton / IRLS, written here). */
    LOGREG("logreg");

    private final String id;

    Algo(String id) {
        this.id = id;
    }

    /** The short name. */
    public String id() {
        return id;
    }

    /** Whether the features must be standardised for this algorithm. */
    public boolean needsScaling() {
        return this == LOGREG;
    }

    /** The algorithm of a short name. */
    public static Algo of(String id) {
        for (Algo a : values()) {
            if (a.id.equalsIgnoreCase(id) || a.name().equalsIgnoreCase(id)) {
                return a;
            }
        }
        throw InvalidInputException.of("algorithm", "'" + id + "'",
                "one of " + Arrays.stream(values()).map(Algo::id).collect(Collectors.joining(", ")));
    }

    /** Default parameters of this algorithm with overrides applied, as a map. */
    public Map<String, Object> params(Map<String, String> overrides, long seed) {
        return switch (this) {
            case GBDT -> GbdtParams.defaults().withSeed(seed).withOverrides(overrides).toMap();
            case RF, EXTRATREES -> ForestParams.defaults().withSeed(seed).withOverrides(overrides).toMap();
            case TREE -> TreeParams.defaults().withSeed(seed).withOverrides(overrides).toMap();
            case LOGREG -> LogRegParams.defaults().withSeed(seed).withOverrides(overrides).toMap();
        };
    }

    /** A trainer with default parameters, the given seed, and the overrides applied. */
    public ClassifierTrainer trainer(Map<String, String> overrides, long seed) {
        return switch (this) {
            case GBDT -> new GbdtTrainer(GbdtParams.defaults().withSeed(seed).withOverrides(overrides));
            case RF -> TribuoTrees.randomForest(ForestParams.defaults().withSeed(seed).withOverrides(overrides));
            case EXTRATREES -> TribuoTrees.extraTrees(ForestParams.defaults().withSeed(seed).withOverrides(overrides));
            case TREE -> TribuoTrees.decisionTree(TreeParams.defaults().withSeed(seed).withOverrides(overrides));
            case LOGREG -> new LogisticRegression(LogRegParams.defaults().withSeed(seed).withOverrides(overrides));
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
