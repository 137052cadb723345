package io.marquee.recommend.mf;

import io.marquee.core.model.Params;
import io.marquee.recommend.ParamsBinder;
import java.util.Map;

/**
 * Params of {@link SvdppTrainer} ({@code svdpp}, Koren's SVD++ by SGD). The defaults were
 * chosen by 5-fold cross-validation on u1.base of MovieLens 100K (see
 * {@code docs/recommender-factor-models.md}).
 *
 * @param nFactors           latent dimension k
 * @param learningRate       SGD step γ of the factors p_u, q_i and y_j
 * @param regularization     L2 weight λ of the factors p_u, q_i and y_j
 * @param biasLearningRate   SGD step of the biases b_u, b_i
 * @param biasRegularization L2 weight of the biases
 * @param epochs             passes over the training ratings
 * @param initStd            standard deviation of the N(0, σ²) initial p, q and y (biases start at 0)
 * @param learningRateDecay  both steps are multiplied by this after every epoch (1 = constant)
 * @param seed               seed of the initial factors and of the order of users and of each user's
 *                           ratings in each epoch
 */
public record SvdppParams(int nFactors, double learningRate, double regularization, double biasLearningRate,
                       double biasRegularization, int epochs, double initStd, double learningRateDecay, long seed)
        implements Params {
    public SvdppParams {
        Checks.between("n_factors", nFactors, 1, 4096);
        Checks.positive("learning_rate", learningRate);
        Checks.nonNegative("regularization", regularization);
        Checks.positive("bias_learning_rate", biasLearningRate);
        Checks.nonNegative("bias_regularization", biasRegularization);
        Checks.between("epochs", epochs, 1, 100_000);
        Checks.nonNegative("init_std", initStd);
        Checks.fraction("learning_rate_decay", learningRateDecay);
    }

    /**
     * The cross-validated defaults: 100 factors, γ = γ_b = 0.007, λ = λ_b = 0.08, 60 epochs,
     * σ = 0.01, no decay, seed 42.
     */
    public static SvdppParams defaults() {
        return new SvdppParams(100, 0.007, 0.08, 0.007, 0.08, 60, 0.01, 1.0, 42);
    }

    @Override
    public Map<String, Object> toMap() {
        return ParamsBinder.toMap(this);
    }
}
