package io.marquee.registry.serving;

import io.marquee.core.model.ModelArchive;

/**
 * Turns a verified artifact into a servable model. For recommenders use {@link ModelLoaders#RECOMMENDER};
 * other model kinds (drop-off, segments) supply their own.
 *
 * @param <M> the model type served
 */
@FunctionalInterface
public interface ModelLoader<M> {
    /** Builds the model from verified artifact contents; throws on a model it cannot read. */
    M load(ModelArchive.Contents contents);
}
