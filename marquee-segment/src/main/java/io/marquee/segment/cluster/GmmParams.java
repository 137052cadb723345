package io.marquee.segment.cluster;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hyperparameters of {@link GaussianMixture}.
 *
 * @param components     number of Gaussian components (1–1,000)
 * @param covariance     diagonal or full covariance matrices
 * @param maxIterations  EM iterations at most (1–10,000)
 * @param tolerance      stop when the mean log-likelihood per point rises by less than this (≥ 0)
 * @param varianceFloor  smallest variance (diagonal) or eigenvalue (full) allowed; the M-step
 *                       maximises the likelihood under this constraint, so EM stays monotone (&gt; 0)
 * @param seed           seed of the k-means++ start
 */
public record GmmParams(int components, Covariance covariance, int maxIterations, double tolerance,
                        double varianceFloor, long seed) implements Params {

    /** Shape of the component covariance matrices. */
    public enum Covariance {
        /** One variance per component and dimension (features independent within a component). */
        DIAGONAL,
        /** A full symmetric positive-definite matrix per component. */
        FULL;

        /** Lower-case name for reports. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GmmParams {
        if (components < 1 || components > 1000) {
            throw InvalidInputException.of("components", components, "between 1 and 1000");
        }
        if (covariance == null) {
            throw InvalidInputException.of("covariance", null, "diagonal or full");
        }
        if (maxIterations < 1 || maxIterations > 10_000) {
            throw InvalidInputException.of("max_iterations", maxIterations, "between 1 and 10000");
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw InvalidInputException.of("tolerance", tolerance, "a finite number >= 0");
        }
        if (!(varianceFloor > 0) || !Double.isFinite(varianceFloor)) {
            throw InvalidInputException.of("variance_floor", varianceFloor, "a finite number > 0");
        }
    }

    /** 4 components, diagonal, 200 iterations, tolerance 1e-6, variance floor 1e-6, seed 42. */
    public static GmmParams defaults() {
        return new GmmParams(4, Covariance.DIAGONAL, 200, 1e-6, 1e-6, 42L);
    }

    public GmmParams withComponents(int value) {
        return new GmmParams(value, covariance, maxIterations, tolerance, varianceFloor, seed);
    }

    public GmmParams withCovariance(Covariance value) {
        return new GmmParams(components, value, maxIterations, tolerance, varianceFloor, seed);
    }

    public GmmParams withMaxIterations(int value) {
        return new GmmParams(components, covariance, value, tolerance, varianceFloor, seed);
    }

    public GmmParams withTolerance(double value) {
        return new GmmParams(components, covariance, maxIterations, value, varianceFloor, seed);
    }

    public GmmParams withSeed(long value) {
        return new GmmParams(components, covariance, maxIterations, tolerance, varianceFloor, value);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("components", components);
        m.put("covariance", covariance.id());
        m.put("max_iterations", maxIterations);
        m.put("tolerance", tolerance);
        m.put("variance_floor", varianceFloor);
        m.put("seed", seed);
        return m;
    }
}
