package io.marquee.predict.features;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of a {@link FeaturePipeline}.
 *
 * @param winsorLower       lower clipping quantile of numeric columns (0 = no lower clipping)
 * @param winsorUpper       upper clipping quantile of numeric columns (1 = no upper clipping)
 * @param maxLevels         most one-hot levels kept per categorical column (the most frequent)
 * @param minLevelCount     fewest training rows a level needs to get its own column
 * @param standardize       whether numeric features are standardised (logistic regression needs it)
 * @param missingIndicators whether a numeric or boolean column that had missing values in training
 *                          gets an extra 0/1 "was missing" feature
 * @param quantileSample    most values used to estimate a column's quantiles (a seeded sample above it)
 * @param seed              seed of that sample
 */
public record PipelineParams(double winsorLower, double winsorUpper, int maxLevels, int minLevelCount,
                             boolean standardize, boolean missingIndicators, int quantileSample, long seed)
        implements Params {
    public PipelineParams {
        if (!(winsorLower >= 0 && winsorLower < 0.5)) {
            throw InvalidInputException.of("winsorLower", winsorLower, "in [0, 0.5)");
        }
        if (!(winsorUpper > 0.5 && winsorUpper <= 1)) {
            throw InvalidInputException.of("winsorUpper", winsorUpper, "in (0.5, 1]");
        }
        if (maxLevels < 1 || maxLevels > 10_000) {
            throw InvalidInputException.of("maxLevels", maxLevels, "between 1 and 10000");
        }
        if (minLevelCount < 1) {
            throw InvalidInputException.of("minLevelCount", minLevelCount, "at least 1");
        }
        if (quantileSample < 100) {
            throw InvalidInputException.of("quantileSample", quantileSample, "at least 100");
        }
    }

    /** 1 % / 99 % winsorizing, up to 50 levels of at least 5 rows, missing indicators, no scaling. */
    public static PipelineParams defaults() {
        return new PipelineParams(0.01, 0.99, 50, 5, false, true, 200_000, 42);
    }

    /** A copy with standardisation on or off. */
    public PipelineParams withStandardize(boolean on) {
        return new PipelineParams(winsorLower, winsorUpper, maxLevels, minLevelCount, on, missingIndicators,
                quantileSample, seed);
    }

    /** A copy with another seed. */
    public PipelineParams withSeed(long s) {
        return new PipelineParams(winsorLower, winsorUpper, maxLevels, minLevelCount, standardize, missingIndicators,
                quantileSample, s);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("winsorLower", winsorLower);
        m.put("winsorUpper", winsorUpper);
        m.put("maxLevels", maxLevels);
        m.put("minLevelCount", minLevelCount);
        m.put("standardize", standardize);
        m.put("missingIndicators", missingIndicators);
        m.put("quantileSample", quantileSample);
        m.put("seed", seed);
        return m;
    }

    /** The inverse of {@link #toMap()}. */
    public static PipelineParams fromMap(Map<String, ?> m) {
        return new PipelineParams(((Number) m.get("winsorLower")).doubleValue(),
                ((Number) m.get("winsorUpper")).doubleValue(), ((Number) m.get("maxLevels")).intValue(),
                ((Number) m.get("minLevelCount")).intValue(), (Boolean) m.get("standardize"),
                (Boolean) m.get("missingIndicators"), ((Number) m.get("quantileSample")).intValue(),
                ((Number) m.get("seed")).longValue());
    }
}
