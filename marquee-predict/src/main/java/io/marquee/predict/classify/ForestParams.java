package io.marquee.predict.classify;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of a random forest or an extra-trees ensemble (Tribuo).
 *
 * @param trees           number of trees
 * @param maxDepth        depth limit of each tree
 * @param minChildWeight  least total example weight in a child
 * @param featureFraction share of features considered at each split (below 1: random subspaces)
 * @param impurity        {@code gini} or {@code entropy}
 * @param seed            seed of bootstrap samples, feature draws and (extra trees) split points
 */
public record ForestParams(int trees, int maxDepth, float minChildWeight, float featureFraction, String impurity,
                           long seed) implements Params {
    public ForestParams {
        if (trees < 1 || trees > 10_000) {
            throw InvalidInputException.of("trees", trees, "between 1 and 10000");
        }
        if (maxDepth < 1 || maxDepth > 64) {
            throw InvalidInputException.of("maxDepth", maxDepth, "between 1 and 64");
        }
        if (!(minChildWeight > 0 && Float.isFinite(minChildWeight))) {
            throw InvalidInputException.of("minChildWeight", minChildWeight, "a finite number > 0");
        }
        if (!(featureFraction > 0 && featureFraction < 1)) {
            throw InvalidInputException.of("featureFraction", featureFraction, "in (0, 1)");
        }
        if (!"gini".equals(impurity) && !"entropy".equals(impurity)) {
            throw InvalidInputException.of("impurity", "'" + impurity + "'", "gini or entropy");
        }
    }

    /** 100 trees of depth 10, at least 5 examples per child, a third of the features per split, Gini. */
    public static ForestParams defaults() {
        return new ForestParams(100, 10, 5f, 0.33f, "gini", 42);
    }

    public ForestParams withSeed(long s) {
        return new ForestParams(trees, maxDepth, minChildWeight, featureFraction, impurity, s);
    }

    /** A copy with text overrides applied (see {@link Overrides}). */
    public ForestParams withOverrides(Map<String, String> overrides) {
        return overrides.isEmpty() ? this : fromMap(Overrides.apply(toMap(), overrides));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trees", trees);
        m.put("maxDepth", maxDepth);
        m.put("minChildWeight", minChildWeight);
        m.put("featureFraction", featureFraction);
        m.put("impurity", impurity);
        m.put("seed", seed);
        return m;
    }

    /** The inverse of {@link #toMap()}. */
    public static ForestParams fromMap(Map<String, ?> m) {
        return new ForestParams(Overrides.i(m, "trees"), Overrides.i(m, "maxDepth"), Overrides.f(m, "minChildWeight"),
                Overrides.f(m, "featureFraction"), String.valueOf(m.get("impurity")), Overrides.l(m, "seed"));
    }
}
