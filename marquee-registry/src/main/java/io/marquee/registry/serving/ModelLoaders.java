package io.marquee.registry.serving;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.predict.dropoff.DropoffModel;
import io.marquee.predict.tabular.TabularModel;
import io.marquee.recommend.Algorithms;
import io.marquee.recommend.RecommenderModel;

/** Loaders for the model kinds Marquee serves. */
public final class ModelLoaders {
    /** Any recommender algorithm of {@link Algorithms}, chosen by the algorithm recorded in the manifest. */
    public static final ModelLoader<RecommenderModel> RECOMMENDER =
            contents -> Algorithms.get(contents.algorithm()).loader().apply(contents);

    /** A drop-off predictor ({@link DropoffModel}, manifest kind {@code dropoff}). */
    public static final ModelLoader<DropoffModel> DROPOFF = contents -> {
        requireKind(contents, DropoffModel.KIND);
        return DropoffModel.load(contents.dir());
    };

    /**
     * A tabular classifier ({@link TabularModel}, manifest kind {@code tabular}) such as a churn model
     * trained by {@code marquee train classifier}.
     */
    public static final ModelLoader<TabularModel> TABULAR = contents -> {
        requireKind(contents, TabularModel.KIND);
        return TabularModel.read(contents);
    };

    private ModelLoaders() {
    }

    /** The manifest's {@code meta.kind}, or {@code null} when it records none (recommenders). */
    public static String kind(ModelArchive.Contents contents) {
        var k = contents.meta("kind");
        return k == null || k.isMissingNode() || k.isNull() ? null : k.asText();
    }

    private static void requireKind(ModelArchive.Contents contents, String expected) {
        String kind = kind(contents);
        if (!expected.equals(kind)) {
            throw InvalidInputException.of("model kind", kind == null ? "'" + contents.algorithm() + "' recommender"
                    : "'" + kind + "'", "'" + expected + "'");
        }
    }
}
