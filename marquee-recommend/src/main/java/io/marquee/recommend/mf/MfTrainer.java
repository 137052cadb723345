package io.marquee.recommend.mf;

import io.marquee.core.data.Interactions;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.ModelIO;
import io.marquee.recommend.RecommenderTrainer;
import io.marquee.recommend.baseline.RatingStats;
import java.util.SplittableRandom;

/**
 * Trains biased matrix factorisation (Funk's SVD with biases, Koren, Bell &amp; Volinsky 2009):
 * {@code r̂(u, i) = μ + b_u + b_i + p_u · q_i}, by stochastic gradient descent on
 * Σ (r − r̂)² + λ (‖p_u‖² + ‖q_i‖²) + λ_b (b_u² + b_i²). For each rating, in an order shuffled
 * afresh every epoch, with e = r − r̂:
 *
 * <pre>
 *   b_u ← b_u + γ_b (e − λ_b b_u)        b_i ← b_i + γ_b (e − λ_b b_i)
 *   p_u ← p_u + γ (e q_i − λ p_u)         q_i ← q_i + γ (e p_u − λ q_i)   (simultaneously)
 * </pre>
 *
 * <p>μ is the training mean (fixed); factors start N(0, σ²), biases 0; after each epoch both steps
 * are multiplied by {@code learning_rate_decay}. Single-threaded over a seeded order, so the same
 * data and seed give bit-identical factors. The hot loop runs on primitive float arrays and
 * allocates nothing per rating. The per-epoch loss in the summary is the training RMSE of the
 * errors met during that epoch.
 */
public final class MfTrainer implements RecommenderTrainer<MfModel> {
    /** Command-line name. */
    public static final String NAME = "mf";

    /** The algorithm as the CLI and registry see it. */
    public static final AlgorithmSpec<MfParams, MfModel> SPEC = new AlgorithmSpec<>(NAME,
            "biased matrix factorisation trained by SGD (μ + b_u + b_i + p_u·q_i)", MfParams.defaults(),
            MfTrainer::new, MfTrainer::load, true);

    private final MfParams params;

    public MfTrainer(MfParams params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public MfParams params() {
        return params;
    }

    @Override
    public MfModel train(Interactions data, Progress progress) {
        long start = System.nanoTime();
        RatingStats stats = RatingStats.of(data, NAME);
        final int n = data.size();
        final int k = params.nFactors();
        final int[] user = data.userArray();
        final int[] item = data.itemArray();
        final float[] value = data.valueArray();
        final int nUsers = data.users().size();
        final int nItems = data.items().size();
        final float mu = (float) stats.mean();

        SplittableRandom rnd = new SplittableRandom(params.seed());
        final float[] p = Sgd.gaussian(rnd, nUsers, k, params.initStd(), stats.userCountArray());
        final float[] q = Sgd.gaussian(rnd, nItems, k, params.initStd(), stats.itemCountArray());
        final float[] bu = new float[nUsers];
        final float[] bi = new float[nItems];
        final int[] order = Sgd.identity(n);
        final float reg = (float) params.regularization();
        final float regB = (float) params.biasRegularization();
        float lr = (float) params.learningRate();
        float lrB = (float) params.biasLearningRate();
        double[] loss = new double[params.epochs()];

        progress.start(NAME + ": " + params.epochs() + " epochs over " + n + " ratings", params.epochs());
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            Sgd.shuffle(order, 0, n, rnd);
            final float shrink = 1f - lr * reg;
            double sse = 0;
            for (int idx = 0; idx < n; idx++) {
                final int e = order[idx];
                final int u = user[e];
                final int i = item[e];
                final int pu = u * k;
                final int qi = i * k;
                final float dot = Sgd.dot(p, pu, q, qi, k);
                final float err = value[e] - (mu + bu[u] + bi[i] + dot);
                sse += err * err;
                bu[u] += lrB * (err - regB * bu[u]);
                bi[i] += lrB * (err - regB * bi[i]);
                final float ge = lr * err;
                for (int f = 0; f < k; f++) {
                    final float pf = p[pu + f];
                    final float qf = q[qi + f];
                    p[pu + f] = shrink * pf + ge * qf;
                    q[qi + f] = shrink * qf + ge * pf;
                }
            }
            loss[epoch] = Math.sqrt(sse / n);
            Sgd.checkFinite(NAME, epoch, loss[epoch]);
            lr *= (float) params.learningRateDecay();
            lrB *= (float) params.learningRateDecay();
            progress.advance(1);
        }
        progress.finish();
        TrainingSummary summary = new TrainingSummary(loss, (System.nanoTime() - start) / 1e9);
        return new MfModel(ModelProvenance.of(NAME, params, data.fingerprint()), summary, data.users(), data.items(),
                k, mu, bu, bi, p, q, stats.userCountArray().clone(), stats.itemCountArray().clone(), stats.min(),
                stats.max(), reg);
    }

    /** Loads a model saved by {@link MfModel#save}. */
    public static MfModel load(ModelArchive.Contents c) {
        Checks.algorithm(c, NAME);
        float[] scalars = c.floats("scalars");
        int k = c.shape("user_factors")[1];
        return new MfModel(c.provenance(), c.summary(), ModelIO.users(c), ModelIO.items(c), k, scalars[0],
                c.floats("user_bias"), c.floats("item_bias"), c.floats("user_factors"), c.floats("item_factors"),
                c.ints("user_counts"), c.ints("item_counts"), scalars[1], scalars[2], scalars[3]);
    }
}
