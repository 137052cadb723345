package io.marquee.core.features;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of a {@link NumericTransform}.
 *
 * @param lowerQuantile  lower winsorizing quantile (0 = no lower clipping), in [0, 0.5)
 * @param upperQuantile  upper winsorizing quantile (1 = no upper clipping), in (0.5, 1]
 * @param standardize    whether the cleaned values are standardised
 * @param quantileSample most values per column used to estimate the median and the quantiles (a
 *                       seeded sample above it); {@link Integer#MAX_VALUE} for exact quantiles
 * @param seed           seed of that sample (column {@code c} uses {@code seed + c})
 */
public record NumericTransformParams(double lowerQuantile, double upperQuantile, boolean standardize,
                                     int quantileSample, long seed) implements Params {
    public NumericTransformParams {
        checkQuantiles(lowerQuantile, upperQuantile);
        if (quantileSample < 1) {
            throw InvalidInputException.of("quantileSample", quantileSample, "at least 1");
        }
    }

    /** 1 % / 99 % winsorizing, standardised, exact quantiles, seed 42. */
    public static NumericTransformParams defaults() {
        return new NumericTransformParams(0.01, 0.99, true, Integer.MAX_VALUE, 42);
    }

    /** Winsorizing at {@code q} and {@code 1 − q}, standardised, exact quantiles. */
    public static NumericTransformParams symmetric(double q, boolean standardize) {
        if (!(q >= 0 && q < 0.5)) {
            throw InvalidInputException.of("winsor quantile", q, "in [0, 0.5)");
        }
        return new NumericTransformParams(q, 1 - q, standardize, Integer.MAX_VALUE, 42);
    }

    static void checkQuantiles(double lower, double upper) {
        if (!(lower >= 0 && lower < 0.5)) {
            throw InvalidInputException.of("lowerQuantile", lower, "in [0, 0.5)");
        }
        if (!(upper > 0.5 && upper <= 1)) {
            throw InvalidInputException.of("upperQuantile", upper, "in (0.5, 1]");
        }
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lowerQuantile", lowerQuantile);
        m.put("upperQuantile", upperQuantile);
        m.put("standardize", standardize);
        m.put("quantileSample", quantileSample);
        m.put("seed", seed);
        return m;
    }
}
