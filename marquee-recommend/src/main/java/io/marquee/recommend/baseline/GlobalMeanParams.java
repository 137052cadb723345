package io.marquee.recommend.baseline;

import io.marquee.core.model.Params;
import io.marquee.recommend.ParamsBinder;
import java.util.Map;

/**
 * Params of {@link GlobalMeanTrainer}. The global mean has no hyperparameters; the seed is kept
 * only because every params record has one (nothing random happens).
 *
 * @param seed unused by the algorithm, recorded in provenance
 */
public record GlobalMeanParams(long seed) implements Params {
    /** Seed 42. */
    public static GlobalMeanParams defaults() {
        return new GlobalMeanParams(42);
    }

    @Override
    public Map<String, Object> toMap() {
        return ParamsBinder.toMap(this);
    }
}
