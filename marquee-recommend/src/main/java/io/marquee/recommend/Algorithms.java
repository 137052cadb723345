package io.marquee.recommend;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.recommend.als.AlsTrainer;
import io.marquee.recommend.als.ImplicitAlsTrainer;
import io.marquee.recommend.baseline.BiasTrainer;
import io.marquee.recommend.bayes.BpmfTrainer;
import io.marquee.recommend.baseline.GlobalMeanTrainer;
import io.marquee.recommend.baseline.PopularityTrainer;
import io.marquee.recommend.ease.EaseTrainer;
import io.marquee.recommend.knn.ItemKnnModel;
import io.marquee.recommend.mf.MfTrainer;
import io.marquee.recommend.mf.SvdppTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every recommender algorithm Marquee has, by command-line name: the one place the CLI, the
 * registry and tuning look them up, and the loader that turns a saved model directory back into
 * a model of the right type.
 */
public final class Algorithms {
    private static final List<AlgorithmSpec<?, ?>> ALL = List.of(
            GlobalMeanTrainer.SPEC,
            BiasTrainer.SPEC,
            PopularityTrainer.SPEC,
            MfTrainer.SPEC,
            SvdppTrainer.SPEC,
            BpmfTrainer.SPEC,
            AlsTrainer.SPEC,
            ImplicitAlsTrainer.SPEC,
            EaseTrainer.SPEC,
            ItemKnnModel.SPEC);

    private Algorithms() {
    }

    /** All algorithms, in the order help texts list them. */
    public static List<AlgorithmSpec<?, ?>> all() {
        return ALL;
    }

    /** Names, comma-separated, for messages. */
    public static String names() {
        return ALL.stream().map(AlgorithmSpec::name).collect(Collectors.joining(", "));
    }

    /** The algorithm of this name; an unknown name is an error listing the known ones. */
    public static AlgorithmSpec<?, ?> get(String name) {
        for (AlgorithmSpec<?, ?> spec : ALL) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        throw InvalidInputException.of("algorithm", "'" + name + "'", "one of " + names());
    }

    /** Loads a saved model, verifying its files, with the loader of the algorithm it records. */
    public static RecommenderModel load(Path dir) {
        ModelArchive.Contents contents = ModelArchive.read(dir);
        return get(contents.algorithm()).loader().apply(contents);
    }
}
