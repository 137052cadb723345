package io.marquee.recommend.baseline;

import io.marquee.core.model.Params;
import io.marquee.recommend.ParamsBinder;
import java.util.Map;

/**
 * Params of {@link BiasTrainer} (the {@code baseline} algorithm). The defaults were chosen by
 * 5-fold cross-validation inside u1.base of MovieLens 100K; Surprise's BaselineOnly defaults
 * (λ_u = 15, λ_i = 10) scored 0.0045 worse there (see {@code docs/recommender-factor-models.md}).
 *
 * @param userRegularization λ_u, shrinks user biases toward 0 (default 5)
 * @param itemRegularization λ_i, shrinks item biases toward 0 (default 3)
 * @param epochs             alternating sweeps, each item biases then user biases (default 10)
 * @param seed               unused (the fit is deterministic), recorded in provenance
 */
public record BiasParams(double userRegularization, double itemRegularization, int epochs, long seed)
        implements Params {
    public BiasParams {
        Checks.nonNegative("user_regularization", userRegularization);
        Checks.nonNegative("item_regularization", itemRegularization);
        Checks.between("epochs", epochs, 1, 10_000);
    }

    /** λ_u = 5, λ_i = 3, 10 sweeps, seed 42 (chosen by cross-validation on u1.base). */
    public static BiasParams defaults() {
        return new BiasParams(5, 3, 10, 42);
    }

    @Override
    public Map<String, Object> toMap() {
        return ParamsBinder.toMap(this);
    }
}
