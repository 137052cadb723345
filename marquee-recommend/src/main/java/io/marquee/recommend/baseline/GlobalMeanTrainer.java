package io.marquee.recommend.baseline;

import io.marquee.core.data.Interactions;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.RecommenderTrainer;

/**
 * Trains the simplest rating model, {@code r̂(u, i) = μ}: the mean of all training ratings. The
 * floor every other rating model must beat.
 */
public final class GlobalMeanTrainer implements RecommenderTrainer<GlobalMeanModel> {
    /** Command-line name. */
    public static final String NAME = "mean";

    /** The algorithm as the CLI and registry see it. */
    public static final AlgorithmSpec<GlobalMeanParams, GlobalMeanModel> SPEC = new AlgorithmSpec<>(NAME,
            "global mean rating (the floor every rating model must beat)", GlobalMeanParams.defaults(),
            GlobalMeanTrainer::new, GlobalMeanTrainer::load, true);

    private final GlobalMeanParams params;

    public GlobalMeanTrainer(GlobalMeanParams params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public GlobalMeanParams params() {
        return params;
    }

    @Override
    public GlobalMeanModel train(Interactions data, Progress progress) {
        long start = System.nanoTime();
        progress.start(NAME + ": mean of " + data.size() + " ratings", 1);
        RatingStats stats = RatingStats.of(data, NAME);
        float mean = (float) stats.mean();
        double sse = 0;
        float[] value = data.valueArray();
        for (float v : value) {
            sse += (v - mean) * (double) (v - mean);
        }
        progress.advance(1);
        progress.finish();
        TrainingSummary summary = new TrainingSummary(new double[] {Math.sqrt(sse / value.length)},
                (System.nanoTime() - start) / 1e9);
        return new GlobalMeanModel(ModelProvenance.of(NAME, params, data.fingerprint()), summary, data.users(),
                data.items(), mean, stats.userCountArray().clone());
    }

    /** Loads a model saved by {@link GlobalMeanModel#save}. */
    public static GlobalMeanModel load(ModelArchive.Contents c) {
        Checks.algorithm(c, NAME);
        return new GlobalMeanModel(c.provenance(), c.summary(), io.marquee.recommend.ModelIO.users(c),
                io.marquee.recommend.ModelIO.items(c), c.floats("global_mean")[0], c.ints("user_counts"));
    }
}
