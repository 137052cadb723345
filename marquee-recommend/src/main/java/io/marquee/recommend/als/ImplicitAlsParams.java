package io.marquee.recommend.als;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import io.marquee.recommend.ParamsBinder;
import java.util.Map;

/**
 * Hyperparameters of {@link ImplicitAlsTrainer}, ALS for implicit feedback (Hu, Koren, Volinsky
 * 2008) solved by conjugate gradient (Takács, Pilászy, Tikk 2011). The defaults were chosen on the
 * training part of a per-user holdout of MovieLens 100K (see {@code docs/recommender-als-ease.md}).
 *
 * @param rank            number of latent factors k (1–1000)
 * @param regularization  λ of ‖x_u‖² and ‖y_i‖² (not weighted by counts) (&gt; 0)
 * @param alpha           α of the confidence (&gt; 0)
 * @param confidence      {@code linear}: c = 1 + α·r; {@code log}: c = 1 + α·log(1 + r/ε)
 * @param epsilon         ε of the {@code log} confidence (&gt; 0; unused by {@code linear})
 * @param ratingThreshold interactions with a value below it are ignored (treated as unobserved);
 *                        the rest are positives (p = 1) with value r (≥ 0)
 * @param iterations      alternations (1–1000)
 * @param cgSteps         conjugate-gradient steps per user or item and iteration, warm-started from
 *                        the previous vector (1–1000; rank steps solve the system exactly)
 * @param initScale       standard deviation of the initial factors (&gt; 0)
 * @param seed            seed of the initial factors
 * @param threads         threads for the per-row solves (1–256); the model does not depend on it
 */
public record ImplicitAlsParams(int rank, double regularization, double alpha, Confidence confidence, double epsilon,
                                double ratingThreshold, int iterations, int cgSteps, double initScale, long seed,
                                int threads) implements Params {

    /** How a value r becomes a confidence c ≥ 1. */
    public enum Confidence {
        /** c = 1 + α·r. */
        LINEAR,
        /** c = 1 + α·log(1 + r/ε). */
        LOG
    }

    public ImplicitAlsParams {
        if (rank < 1 || rank > 1000) {
            throw InvalidInputException.of("rank", rank, "between 1 and 1000");
        }
        if (!(regularization > 0) || !Double.isFinite(regularization)) {
            throw InvalidInputException.of("regularization", regularization, "a finite number > 0");
        }
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw InvalidInputException.of("alpha", alpha, "a finite number > 0");
        }
        if (confidence == null) {
            throw InvalidInputException.of("confidence", null, "linear or log");
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw InvalidInputException.of("epsilon", epsilon, "a finite number > 0");
        }
        if (!Double.isFinite(ratingThreshold)) {
            throw InvalidInputException.of("rating_threshold", ratingThreshold, "a finite number");
        }
        if (iterations < 1 || iterations > 1000) {
            throw InvalidInputException.of("iterations", iterations, "between 1 and 1000");
        }
        if (cgSteps < 1 || cgSteps > 1000) {
            throw InvalidInputException.of("cg_steps", cgSteps, "between 1 and 1000");
        }
        if (!(initScale > 0) || !Double.isFinite(initScale)) {
            throw InvalidInputException.of("init_scale", initScale, "a finite number > 0");
        }
        if (threads < 1 || threads > 256) {
            throw InvalidInputException.of("threads", threads, "between 1 and 256");
        }
    }

    /**
     * rank 64, λ 40, α 1 (linear), ε 1, threshold 0 (every rating is a positive), 15 iterations,
     * 3 CG steps, init scale 0.01, seed 42, min(2, cores) threads.
     */
    public static ImplicitAlsParams defaults() {
        return new ImplicitAlsParams(64, 40.0, 1.0, Confidence.LINEAR, 1.0, 0.0, 15, 3, 0.01, 42L,
                AlsParams.defaultThreads());
    }

    /** The confidence of a value r (≥ 0). */
    public double confidenceOf(double r) {
        return confidence == Confidence.LINEAR ? 1 + alpha * r : 1 + alpha * Math.log1p(r / epsilon);
    }

    public ImplicitAlsParams withRank(int value) {
        return new ImplicitAlsParams(value, regularization, alpha, confidence, epsilon, ratingThreshold, iterations,
                cgSteps, initScale, seed, threads);
    }

    public ImplicitAlsParams withRegularization(double value) {
        return new ImplicitAlsParams(rank, value, alpha, confidence, epsilon, ratingThreshold, iterations, cgSteps,
                initScale, seed, threads);
    }

    public ImplicitAlsParams withAlpha(double value) {
        return new ImplicitAlsParams(rank, regularization, value, confidence, epsilon, ratingThreshold, iterations,
                cgSteps, initScale, seed, threads);
    }

    public ImplicitAlsParams withConfidence(Confidence value, double eps) {
        return new ImplicitAlsParams(rank, regularization, alpha, value, eps, ratingThreshold, iterations, cgSteps,
                initScale, seed, threads);
    }

    public ImplicitAlsParams withRatingThreshold(double value) {
        return new ImplicitAlsParams(rank, regularization, alpha, confidence, epsilon, value, iterations, cgSteps,
                initScale, seed, threads);
    }

    public ImplicitAlsParams withIterations(int value) {
        return new ImplicitAlsParams(rank, regularization, alpha, confidence, epsilon, ratingThreshold, value,
                cgSteps, initScale, seed, threads);
    }

    public ImplicitAlsParams withCgSteps(int value) {
        return new ImplicitAlsParams(rank, regularization, alpha, confidence, epsilon, ratingThreshold, iterations,
                value, initScale, seed, threads);
    }

    public ImplicitAlsParams withSeed(long value) {
        return new ImplicitAlsParams(rank, regularization, alpha, confidence, epsilon, ratingThreshold, iterations,
                cgSteps, initScale, value, threads);
    }

    public ImplicitAlsParams withThreads(int value) {
        return new ImplicitAlsParams(rank, regularization, alpha, confidence, epsilon, ratingThreshold, iterations,
                cgSteps, initScale, seed, value);
    }

    @Override
    public Map<String, Object> toMap() {
        return ParamsBinder.toMap(this);
    }
}
