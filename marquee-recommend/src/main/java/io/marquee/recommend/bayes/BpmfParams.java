package io.marquee.recommend.bayes;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import io.marquee.recommend.ParamsBinder;
import java.util.Map;

/**
 * Params of {@link BpmfTrainer} ({@code bpmf}, Bayesian probabilistic matrix factorisation by
 * Gibbs sampling). The defaults were chosen by cross-validation inside u1.base of MovieLens 100K,
 * never on u1.test (see {@code docs/recommender-bpmf.md}).
 *
 * @param nFactors       latent dimension k (1–500); the user and item vectors carry one more
 *                       coordinate each for the bias
 * @param burnIn         Gibbs sweeps discarded before the first kept sample (0–100000)
 * @param samples        posterior samples kept and averaged (1–10000); the model's rank is
 *                       samples · k
 * @param thin           sweeps per kept sample after burn-in (1–1000): every {@code thin}-th is kept
 * @param noisePrecision α, the precision of the rating noise; 0 learns it (Gamma(1, 1) prior),
 *                       a positive value fixes it (BPMF's paper fixes α = 2)
 * @param beta0          β₀ of the Normal–Wishart hyperprior (&gt; 0; BPMF uses 2)
 * @param implicit       whether users and items get implicit feedback (the other side's entities
 *                       they are rated with in training) as side information: Bayesian SVD++ on
 *                       the user side and its "flipped" twin on the item side ({@link ImplicitLink})
 * @param initStd        standard deviation of the N(0, σ²) initial factors (biases start at 0) (≥ 0)
 * @param threads        threads for the per-user and per-item draws (1–256); the model does not
 *                       depend on it (every user and item draws from its own seeded stream)
 * @param seed           seed of every random stream
 */
public record BpmfParams(int nFactors, int burnIn, int samples, int thin, double noisePrecision, double beta0,
                         boolean implicit, double initStd, int threads, long seed) implements Params {
    public BpmfParams {
        between("n_factors", nFactors, 1, 500);
        between("burn_in", burnIn, 0, 100_000);
        between("samples", samples, 1, 10_000);
        between("thin", thin, 1, 1000);
        if (!(noisePrecision >= 0) || !Double.isFinite(noisePrecision)) {
            throw InvalidInputException.of("noise_precision", noisePrecision, "0 (learn it) or a finite number > 0");
        }
        if (!(beta0 > 0) || !Double.isFinite(beta0)) {
            throw InvalidInputException.of("beta0", beta0, "a finite number > 0");
        }
        if (!(initStd >= 0) || !Double.isFinite(initStd)) {
            throw InvalidInputException.of("init_std", initStd, "a finite number >= 0");
        }
        between("threads", threads, 1, 256);
        if ((long) samples * nFactors > 1_000_000) {
            throw InvalidInputException.of("samples", samples, "at most " + (1_000_000 / nFactors)
                    + " with n_factors " + nFactors + " (samples · n_factors ≤ 1,000,000)");
        }
    }

    /**
     * The cross-validated defaults: k = 10, 20 burn-in sweeps, 200 samples kept (every sweep),
     * α learned, β₀ = 2, implicit feedback on, σ = 0.1, min(2, cores) threads, seed 42.
     */
    public static BpmfParams defaults() {
        return new BpmfParams(10, 20, 200, 1, 0, 2.0, true, 0.1, defaultThreads(), 42);
    }

    static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Total Gibbs sweeps: burn-in plus samples · thin. */
    public int sweeps() {
        return burnIn + samples * thin;
    }

    @Override
    public Map<String, Object> toMap() {
        return ParamsBinder.toMap(this);
    }

    private static void between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw InvalidInputException.of(field, value, "between " + min + " and " + max);
        }
    }
}
