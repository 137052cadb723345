package io.marquee.recommend;

import io.marquee.core.data.Interactions;
import io.marquee.core.model.Params;
import io.marquee.core.progress.Progress;

/**
 * Trains one kind of recommender. Immutable and configured by its params record; the same data
 * and seed give an identical model.
 *
 * @param <M> the model type it produces
 */
public interface RecommenderTrainer<M extends RecommenderModel> {
    /** Algorithm name as used on the command line and in manifests, e.g. {@code mf}. */
    String algorithm();

    /** The hyperparameters. */
    Params params();

    /**
     * Trains on {@code data}. Empty data is refused with an
     * {@link io.marquee.core.error.InvalidInputException}.
     */
    M train(Interactions data, Progress progress);

    /** Trains without progress reporting. */
    default M train(Interactions data) {
        return train(data, Progress.NONE);
    }
}
