package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of {@link KMeans}: k-means++ seeding followed by Lloyd iterations, the best of
 * several restarts kept.
 *
 * @param k             number of clusters (1–10,000)
 * @param maxIterations Lloyd iterations per restart (1–10,000)
 * @param restarts      independent k-means++ starts; the lowest inertia wins (1–1,000)
 * @param tolerance     stop when an iteration lowers the inertia by less than this fraction (0–1)
 * @param seed          seed of the k-means++ draws
 */
public record KMeansParams(int k, int maxIterations, int restarts, double tolerance, long seed) implements Params {
    public KMeansParams {
        if (k < 1 || k > 10_000) {
            throw InvalidInputException.of("k", k, "between 1 and 10000");
        }
        if (maxIterations < 1 || maxIterations > 10_000) {
            throw InvalidInputException.of("max_iterations", maxIterations, "between 1 and 10000");
        }
        if (restarts < 1 || restarts > 1000) {
            throw InvalidInputException.of("restarts", restarts, "between 1 and 1000");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw InvalidInputException.of("tolerance", tolerance, "in [0, 1)");
        }
    }

    /** k 8, 100 iterations, 4 restarts, tolerance 1e-6, seed 42. */
    public static KMeansParams defaults() {
        return new KMeansParams(8, 100, 4, 1e-6, 42L);
    }

    public KMeansParams withK(int value) {
        return new KMeansParams(value, maxIterations, restarts, tolerance, seed);
    }

    public KMeansParams withRestarts(int value) {
        return new KMeansParams(k, maxIterations, value, tolerance, seed);
    }

    public KMeansParams withMaxIterations(int value) {
        return new KMeansParams(k, value, restarts, tolerance, seed);
    }

    public KMeansParams withTolerance(double value) {
        return new KMeansParams(k, maxIterations, restarts, value, seed);
    }

    public KMeansParams withSeed(long value) {
        return new KMeansParams(k, maxIterations, restarts, tolerance, value);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", k);
        m.put("max_iterations", maxIterations);
        m.put("restarts", restarts);
        m.put("tolerance", tolerance);
        m.put("seed", seed);
        return m;
    }
}
