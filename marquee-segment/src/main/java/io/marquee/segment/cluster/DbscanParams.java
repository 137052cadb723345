package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of {@link Dbscan}.
 *
 * @param eps       neighbourhood radius (Euclidean, &gt; 0)
 * @param minPoints points within {@code eps}, the point itself included, that make a core point (1–100,000)
 * @param seed      unused (DBSCAN is deterministic); kept so every params record has one
 */
public record DbscanParams(double eps, int minPoints, long seed) implements Params {
    public DbscanParams {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw InvalidInputException.of("eps", eps, "a finite number > 0");
        }
        if (minPoints < 1 || minPoints > 100_000) {
            throw InvalidInputException.of("min_points", minPoints, "between 1 and 100000");
        }
    }

    /** ε 0.5, 5 points, seed 42. */
    public static DbscanParams defaults() {
        return new DbscanParams(0.5, 5, 42L);
    }

    public DbscanParams withEps(double value) {
        return new DbscanParams(value, minPoints, seed);
    }

    public DbscanParams withMinPoints(int value) {
        return new DbscanParams(eps, value, seed);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eps", eps);
        m.put("min_points", minPoints);
        m.put("seed", seed);
        return m;
    }
}
