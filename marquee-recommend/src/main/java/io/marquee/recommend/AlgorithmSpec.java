package io.marquee.recommend;

import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.Params;
import java.util.Map;
import java.util.function.Function;

/**
 * One algorithm as the CLI, the registry and tuning see it: its name, default params, how to
 * make a trainer from params, and how to load a saved model.
 *
 * @param name            command-line name, e.g. {@code mf}
 * @param description     one line for help texts
 * @param defaults        default params (a record implementing {@link Params})
 * @param trainerFactory  params → trainer
 * @param loader          verified model directory → model
 * @param predictsRatings whether its models implement {@link RatingModel}
 */
public record AlgorithmSpec<P extends Record & Params, M extends RecommenderModel>(
        String name, String description, P defaults, Function<P, RecommenderTrainer<M>> trainerFactory,
        Function<ModelArchive.Contents, M> loader, boolean predictsRatings) {

    /** A trainer with {@code overrides} ({@code name=value}) applied to the defaults. */
    public RecommenderTrainer<M> trainer(Map<String, String> overrides) {
        return trainerFactory.apply(ParamsBinder.bind(defaults, overrides));
    }
}
