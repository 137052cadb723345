package io.marquee.predict.classify;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of L2-regularised logistic regression fitted by Newton's method (IRLS).
 *
 * @param l2            L2 penalty λ on the coefficients (not the intercept): the objective is the
 *                      weighted negative log-likelihood plus λ/2 ‖β‖²
 * @param maxIterations most Newton steps
 * @param tolerance     stop when the largest coefficient change is below this
 * @param seed          unused by this deterministic solver; kept for provenance like every params record
 */
public record LogRegParams(double l2, int maxIterations, double tolerance, long seed) implements Params {
    public LogRegParams {
        if (!(l2 >= 0 && Double.isFinite(l2))) {
            throw InvalidInputException.of("l2", l2, "a finite number >= 0");
        }
        if (maxIterations < 1 || maxIterations > 1000) {
            throw InvalidInputException.of("maxIterations", maxIterations, "between 1 and 1000");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw InvalidInputException.of("tolerance", tolerance, "in (0, 1)");
        }
    }

    /** λ = 1 (on standardised features), up to 50 Newton steps, tolerance 1e-8. */
    public static LogRegParams defaults() {
        return new LogRegParams(1.0, 50, 1e-8, 42);
    }

    public LogRegParams withSeed(long s) {
        return new LogRegParams(l2, maxIterations, tolerance, s);
    }

    /** A copy with text overrides applied (see {@link Overrides}). */
    public LogRegParams withOverrides(Map<String, String> overrides) {
        return overrides.isEmpty() ? this : fromMap(Overrides.apply(toMap(), overrides));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("l2", l2);
        m.put("maxIterations", maxIterations);
        m.put("tolerance", tolerance);
        m.put("seed", seed);
        return m;
    }

    /** The inverse of {@link #toMap()}. */
    public static LogRegParams fromMap(Map<String, ?> m) {
        return new LogRegParams(Overrides.d(m, "l2"), Overrides.i(m, "maxIterations"), Overrides.d(m, "tolerance"),
                Overrides.l(m, "seed"));
    }
}
