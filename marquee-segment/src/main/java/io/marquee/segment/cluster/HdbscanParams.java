package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of {@link Hdbscan} (Tribuo's HDBSCAN*).
 *
 * @param minClusterSize smallest group of points that counts as a cluster (2–1,000,000)
 * @param coreNeighbours neighbours defining a point's core distance (1–10,000)
 * @param seed           unused (HDBSCAN* is deterministic); kept so every params record has one
 */
public record HdbscanParams(int minClusterSize, int coreNeighbours, long seed) implements Params {
    public HdbscanParams {
        if (minClusterSize < 2 || minClusterSize > 1_000_000) {
            throw InvalidInputException.of("min_cluster_size", minClusterSize, "between 2 and 1000000");
        }
        if (coreNeighbours < 1 || coreNeighbours > 10_000) {
            throw InvalidInputException.of("core_neighbours", coreNeighbours, "between 1 and 10000");
        }
    }

    /** Clusters of at least 20 points, 5 core neighbours, seed 42. */
    public static HdbscanParams defaults() {
        return new HdbscanParams(20, 5, 42L);
    }

    public HdbscanParams withMinClusterSize(int value) {
        return new HdbscanParams(value, coreNeighbours, seed);
    }

    public HdbscanParams withCoreNeighbours(int value) {
        return new HdbscanParams(minClusterSize, value, seed);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min_cluster_size", minClusterSize);
        m.put("core_neighbours", coreNeighbours);
        m.put("seed", seed);
        return m;
    }
}
