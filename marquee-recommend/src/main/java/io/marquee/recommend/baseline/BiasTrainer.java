package io.marquee.recommend.baseline;

import io.marquee.core.data.Interactions;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.ModelIO;
import io.marquee.recommend.RecommenderTrainer;

/**
 * Trains the baseline predictor {@code r̂(u, i) = μ + b_u + b_i} (Koren 2010, §2.1) by alternating
 * least squares, as Surprise's {@code BaselineOnly} does. With μ the training mean and b_u = 0 at
 * the start, each sweep sets, in this order,
 *
 * <pre>
 *   b_i = Σ_{u ∈ U(i)} (r_ui − μ − b_u) / (λ_i + |U(i)|)   for every item
 *   b_u = Σ_{i ∈ I(u)} (r_ui − μ − b_i) / (λ_u + |I(u)|)   for every user
 * </pre>
 *
 * <p>Each step is the exact minimiser of Σ (r − μ − b_u − b_i)² + λ_u Σ b_u² + λ_i Σ b_i² in one
 * block of biases, so the objective never increases. Users and items without ratings keep bias 0.
 * Deterministic (no random choice).
 */
public final class BiasTrainer implements RecommenderTrainer<BiasModel> {
    /** Command-line name. */
    public static final String NAME = "baseline";

    /** The algorithm as the CLI and registry see it. */
    public static final AlgorithmSpec<BiasParams, BiasModel> SPEC = new AlgorithmSpec<>(NAME,
            "global mean + user bias + item bias, fitted by alternating least squares", BiasParams.defaults(),
            BiasTrainer::new, BiasTrainer::load, true);

    private final BiasParams params;

    public BiasTrainer(BiasParams params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public BiasParams params() {
        return params;
    }

    @Override
    public BiasModel train(Interactions data, Progress progress) {
        long start = System.nanoTime();
        RatingStats stats = RatingStats.of(data, NAME);
        int n = data.size();
        int[] user = data.userArray();
        int[] item = data.itemArray();
        float[] value = data.valueArray();
        int[] uc = stats.userCountArray();
        int[] ic = stats.itemCountArray();
        double mu = (float) stats.mean(); // the model keeps μ as a float: fit against that value
        double[] bu = new double[uc.length];
        double[] bi = new double[ic.length];
        double[] acc = new double[Math.max(uc.length, ic.length)];
        double[] loss = new double[params.epochs()];
        progress.start(NAME + ": " + params.epochs() + " sweeps over " + n + " ratings", params.epochs());
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            java.util.Arrays.fill(acc, 0, ic.length, 0);
            for (int k = 0; k < n; k++) {
                acc[item[k]] += value[k] - mu - bu[user[k]];
            }
            for (int i = 0; i < ic.length; i++) {
                bi[i] = ic[i] == 0 ? 0 : acc[i] / (params.itemRegularization() + ic[i]);
            }
            java.util.Arrays.fill(acc, 0, uc.length, 0);
            for (int k = 0; k < n; k++) {
                acc[user[k]] += value[k] - mu - bi[item[k]];
            }
            for (int u = 0; u < uc.length; u++) {
                bu[u] = uc[u] == 0 ? 0 : acc[u] / (params.userRegularization() + uc[u]);
            }
            double sse = 0;
            for (int k = 0; k < n; k++) {
                double e = value[k] - mu - bu[user[k]] - bi[item[k]];
                sse += e * e;
            }
            loss[epoch] = Math.sqrt(sse / n);
            progress.advance(1);
        }
        progress.finish();
        TrainingSummary summary = new TrainingSummary(loss, (System.nanoTime() - start) / 1e9);
        return new BiasModel(ModelProvenance.of(NAME, params, data.fingerprint()), summary, data.users(),
                data.items(), (float) mu, toFloats(bu), toFloats(bi), uc.clone(), ic.clone(), stats.min(), stats.max());
    }

    private static float[] toFloats(double[] a) {
        float[] out = new float[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = (float) a[k];
        }
        return out;
    }

    /** Loads a model saved by {@link BiasModel#save}. */
    public static BiasModel load(ModelArchive.Contents c) {
        Checks.algorithm(c, NAME);
        float[] range = c.floats("rating_range");
        return new BiasModel(c.provenance(), c.summary(), ModelIO.users(c), ModelIO.items(c),
                c.floats("global_mean")[0], c.floats("user_bias"), c.floats("item_bias"), c.ints("user_counts"),
                c.ints("item_counts"), range[0], range[1]);
    }
}
