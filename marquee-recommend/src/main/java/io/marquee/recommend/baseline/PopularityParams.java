package io.marquee.recommend.baseline;

import io.marquee.core.model.Params;
import io.marquee.recommend.ParamsBinder;
import java.util.Map;

/**
 * Params of {@link PopularityTrainer} ({@code pop}).
 *
 * @param minRating only interactions with value ≥ this count toward an item's popularity; the
 *                  default 0 counts every rating on a 1–5 scale (set 4 to count "liked" ratings)
 * @param seed      unused (counting is deterministic), recorded in provenance
 */
public record PopularityParams(double minRating, long seed) implements Params {
    public PopularityParams {
        Checks.finite("min_rating", minRating);
    }

    /** Count every rating; seed 42. */
    public static PopularityParams defaults() {
        return new PopularityParams(0, 42);
    }

    @Override
    public Map<String, Object> toMap() {
        return ParamsBinder.toMap(this);
    }
}
