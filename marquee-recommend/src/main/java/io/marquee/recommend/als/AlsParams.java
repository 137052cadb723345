package io.marquee.recommend.als;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import io.marquee.recommend.ParamsBinder;
import java.util.Map;

/**
 * Hyperparameters of {@link AlsTrainer}, ALS for explicit ratings with weighted-λ
 * regularisation (Zhou et al. 2008) and learned biases. The defaults were chosen on holdouts
 * drawn inside the training part of one MovieLens 100K fold, never on a test fold (see
 * {@code docs/recommender-als-ease.md}).
 *
 * @param rank           number of latent factors k (1–1000)
 * @param regularization λ; a user with n_u ratings is penalised λ·n_u·(‖x_u‖² + b_u²), an item
 *                       with n_i ratings λ·n_i·(‖q_i‖² + b_i²) (&gt; 0)
 * @param iterations     alternations (user pass then item pass) (1–1000)
 * @param biases         whether to learn user and item biases inside the alternation
 * @param initScale      standard deviation of the initial item factors (&gt; 0)
 * @param seed           seed of the initial factors
 * @param threads        threads for the per-row solves (1–256); the model does not depend on it
 */
public record AlsParams(int rank, double regularization, int iterations, boolean biases, double initScale,
                        long seed, int threads) implements Params {

    public AlsParams {
        if (rank < 1 || rank > 1000) {
            throw InvalidInputException.of("rank", rank, "between 1 and 1000");
        }
        if (!(regularization > 0) || !Double.isFinite(regularization)) {
            throw InvalidInputException.of("regularization", regularization, "a finite number > 0");
        }
        if (iterations < 1 || iterations > 1000) {
            throw InvalidInputException.of("iterations", iterations, "between 1 and 1000");
        }
        if (!(initScale > 0) || !Double.isFinite(initScale)) {
            throw InvalidInputException.of("init_scale", initScale, "a finite number > 0");
        }
        if (threads < 1 || threads > 256) {
            throw InvalidInputException.of("threads", threads, "between 1 and 256");
        }
    }

    /** rank 64, λ 0.12, 10 iterations, biases on, init scale 0.1, seed 42, min(2, cores) threads. */
    public static AlsParams defaults() {
        return new AlsParams(64, 0.12, 10, true, 0.1, 42L, defaultThreads());
    }

    static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    public AlsParams withRank(int value) {
        return new AlsParams(value, regularization, iterations, biases, initScale, seed, threads);
    }

    public AlsParams withRegularization(double value) {
        return new AlsParams(rank, value, iterations, biases, initScale, seed, threads);
    }

    public AlsParams withIterations(int value) {
        return new AlsParams(rank, regularization, value, biases, initScale, seed, threads);
    }

    public AlsParams withBiases(boolean value) {
        return new AlsParams(rank, regularization, iterations, value, initScale, seed, threads);
    }

    public AlsParams withSeed(long value) {
        return new AlsParams(rank, regularization, iterations, biases, initScale, value, threads);
    }

    public AlsParams withThreads(int value) {
        return new AlsParams(rank, regularization, iterations, biases, initScale, seed, value);
    }

    @Override
    public Map<String, Object> toMap() {
        return ParamsBinder.toMap(this);
    }
}
