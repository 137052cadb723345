package io.marquee.predict.imbalance;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link Smote}.
 *
 * @param k     nearest minority neighbours to interpolate towards
 * @param ratio minority rows wanted after resampling per majority row (1 = balanced)
 * @param seed  seed of the choice of base points, neighbours and interpolation factors
 */
public record SmoteParams(int k, double ratio, long seed) implements Params {
    public SmoteParams {
        if (k < 1 || k > 100) {
            throw InvalidInputException.of("k", k, "between 1 and 100");
        }
        if (!(ratio > 0 && ratio <= 1)) {
            throw InvalidInputException.of("ratio", ratio, "in (0, 1]");
        }
    }

    /** k = 5 neighbours, balance the classes, seed 42. */
    public static SmoteParams defaults() {
        return new SmoteParams(5, 1.0, 42);
    }

    public SmoteParams withSeed(long s) {
        return new SmoteParams(k, ratio, s);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", k);
        m.put("ratio", ratio);
        m.put("seed", seed);
        return m;
    }
}
