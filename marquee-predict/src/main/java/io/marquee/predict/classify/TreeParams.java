package io.marquee.predict.classify;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of one CART decision tree (Tribuo's {@code CARTClassificationTrainer}).
 *
 * @param maxDepth            depth limit
 * @param minChildWeight      least total example weight in a child
 * @param minImpurityDecrease least impurity decrease for a split
 * @param impurity            {@code gini} or {@code entropy}
 * @param seed                seed (used by Tribuo for feature sampling; a single tree uses all features)
 */
public record TreeParams(int maxDepth, float minChildWeight, float minImpurityDecrease, String impurity, long seed)
        implements Params {
    public TreeParams {
        if (maxDepth < 1 || maxDepth > 64) {
            throw InvalidInputException.of("maxDepth", maxDepth, "between 1 and 64");
        }
        if (!(minChildWeight > 0 && Float.isFinite(minChildWeight))) {
            throw InvalidInputException.of("minChildWeight", minChildWeight, "a finite number > 0");
        }
        if (!(minImpurityDecrease >= 0 && Float.isFinite(minImpurityDecrease))) {
            throw InvalidInputException.of("minImpurityDecrease", minImpurityDecrease, "a finite number >= 0");
        }
        if (!"gini".equals(impurity) && !"entropy".equals(impurity)) {
            throw InvalidInputException.of("impurity", "'" + impurity + "'", "gini or entropy");
        }
    }

    /** Depth 6, at least 10 (weighted) examples per child, Gini impurity, seed 42. */
    public static TreeParams defaults() {
        return new TreeParams(6, 10f, 0f, "gini", 42);
    }

    public TreeParams withSeed(long s) {
        return new TreeParams(maxDepth, minChildWeight, minImpurityDecrease, impurity, s);
    }

    /** A copy with text overrides applied (see {@link Overrides}). */
    public TreeParams withOverrides(Map<String, String> overrides) {
        return overrides.isEmpty() ? this : fromMap(Overrides.apply(toMap(), overrides));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxDepth", maxDepth);
        m.put("minChildWeight", minChildWeight);
        m.put("minImpurityDecrease", minImpurityDecrease);
        m.put("impurity", impurity);
        m.put("seed", seed);
        return m;
    }

    /** The inverse of {@link #toMap()}. */
    public static TreeParams fromMap(Map<String, ?> m) {
        return new TreeParams(Overrides.i(m, "maxDepth"), Overrides.f(m, "minChildWeight"),
                Overrides.f(m, "minImpurityDecrease"), String.valueOf(m.get("impurity")), Overrides.l(m, "seed"));
    }
}
