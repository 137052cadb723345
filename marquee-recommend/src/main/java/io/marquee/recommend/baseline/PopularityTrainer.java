package io.marquee.recommend.baseline;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.ModelIO;
import io.marquee.recommend.RecommenderTrainer;

/**
 * Trains the most-popular recommender: an item's score is the number of its interactions with
 * value ≥ {@link PopularityParams#minRating()}. The same list for everyone, which makes it the
 * {@link io.marquee.recommend.Fallback} for users a personal model does not know. Not a rating
 * model.
 */
public final class PopularityTrainer implements RecommenderTrainer<PopularityModel> {
    /** Command-line name. */
    public static final String NAME = "pop";

    /** The algorithm as the CLI and registry see it. */
    public static final AlgorithmSpec<PopularityParams, PopularityModel> SPEC = new AlgorithmSpec<>(NAME,
            "most popular items (count of ratings at or above min_rating); the fallback for unknown users",
            PopularityParams.defaults(), PopularityTrainer::new, PopularityTrainer::load, false);

    private final PopularityParams params;

    public PopularityTrainer(PopularityParams params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public PopularityParams params() {
        return params;
    }

    @Override
    public PopularityModel train(Interactions data, Progress progress) {
        long start = System.nanoTime();
        if (data.size() == 0) {
            throw new InvalidInputException("cannot train '" + NAME + "' on empty data: " + data
                    + " has 0 interactions");
        }
        progress.start(NAME + ": counting " + data.size() + " interactions", 1);
        int[] item = data.itemArray();
        float[] value = data.valueArray();
        float[] counts = new float[data.items().size()];
        int counted = 0;
        for (int k = 0; k < item.length; k++) {
            if (value[k] >= params.minRating()) {
                counts[item[k]]++;
                counted++;
            }
        }
        if (counted == 0) {
            throw new InvalidInputException("cannot train '" + NAME + "': no interaction has a value >= min_rating "
                    + params.minRating());
        }
        progress.advance(1);
        progress.finish();
        TrainingSummary summary = new TrainingSummary(new double[0], (System.nanoTime() - start) / 1e9);
        return new PopularityModel(ModelProvenance.of(NAME, params, data.fingerprint()), summary, data.users(),
                data.items(), counts);
    }

    /** Loads a model saved by {@link PopularityModel#save}. */
    public static PopularityModel load(ModelArchive.Contents c) {
        Checks.algorithm(c, NAME);
        return new PopularityModel(c.provenance(), c.summary(), ModelIO.users(c), ModelIO.items(c),
                c.floats("item_counts"));
    }
}
