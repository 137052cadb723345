package io.marquee.registry.serving;

import io.marquee.recommend.Algorithms;
import io.marquee.recommend.RecommenderModel;

/** Loaders for the model kinds Marquee serves. */
public final class ModelLoaders {
    /** Any recommender algorithm of {@link Algorithms}, chosen by the algorithm recorded in the manifest. */
    public static final ModelLoader<RecommenderModel> RECOMMENDER =
            contents -> Algorithms.get(contents.algorithm()).loader().apply(contents);

    private ModelLoaders() {
    }
}
