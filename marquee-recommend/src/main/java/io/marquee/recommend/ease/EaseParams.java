package io.marquee.recommend.ease;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import io.marquee.recommend.ParamsBinder;
import java.util.Map;

/**
 * Hyperparameters of {@link EaseTrainer} (Steck 2019). The default λ was chosen on the training
 * part of a per-user holdout of MovieLens 100K (see {@code docs/recommender-als-ease.md}).
 *
 * @param regularization  λ added to the diagonal of XᵀX (&gt; 0)
 * @param ratingThreshold interactions with a value below it are ignored; the rest set X_ui = 1
 * @param maxItems        largest catalogue accepted (1–46,340); the model is a dense
 *                        items × items matrix and training needs about 24·items² bytes of heap
 * @param seed            recorded in the provenance only: the closed form draws nothing at random
 */
public record EaseParams(double regularization, double ratingThreshold, int maxItems, long seed) implements Params {
    /** Largest n for which n² still fits a Java array. */
    public static final int MAX_ITEMS_LIMIT = 46_340;

    public EaseParams {
        if (!(regularization > 0) || !Double.isFinite(regularization)) {
            throw InvalidInputException.of("regularization", regularization, "a finite number > 0");
        }
        if (!Double.isFinite(ratingThreshold)) {
            throw InvalidInputException.of("rating_threshold", ratingThreshold, "a finite number");
        }
        if (maxItems < 1 || maxItems > MAX_ITEMS_LIMIT) {
            throw InvalidInputException.of("max_items", maxItems, "between 1 and " + MAX_ITEMS_LIMIT);
        }
    }

    /** λ 500, threshold 0 (every rating is a positive), at most 20,000 items, seed 42. */
    public static EaseParams defaults() {
        return new EaseParams(500.0, 0.0, 20_000, 42L);
    }

    public EaseParams withRegularization(double value) {
        return new EaseParams(value, ratingThreshold, maxItems, seed);
    }

    public EaseParams withRatingThreshold(double value) {
        return new EaseParams(regularization, value, maxItems, seed);
    }

    public EaseParams withMaxItems(int value) {
        return new EaseParams(regularization, ratingThreshold, value, seed);
    }

    @Override
    public Map<String, Object> toMap() {
        return ParamsBinder.toMap(this);
    }
}
