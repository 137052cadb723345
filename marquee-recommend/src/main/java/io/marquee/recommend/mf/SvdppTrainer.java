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
import io.marquee.recommend.data.CsrMatrix;
import java.util.SplittableRandom;

/**
 * Trains SVD++ (Koren 2008, "Factorization meets the neighborhood", §4): a biased factor model
 * whose user vector is completed by the items the user rated,
 *
 * <pre>
 *   r̂(u, i) = μ + b_u + b_i + q_i · (p_u + |N(u)|^−½ Σ_{j ∈ N(u)} y_j)
 * </pre>
 *
 * with N(u) the user's rated items in the training data. SGD visits users in an order shuffled
 * each epoch and, within a user, the user's ratings in a shuffled order. Per user it computes the
 * implicit term z = |N(u)|^−½ Σ y_j once, then for each rating (e = r − r̂):
 *
 * <pre>
 *   b_u ← b_u + γ_b (e − λ_b b_u)          b_i ← b_i + γ_b (e − λ_b b_i)
 *   p_u ← p_u + γ (e q_i − λ p_u)           q_i ← q_i + γ (e (p_u + z) − λ q_i)
 *   g   ← g + e q_i
 * </pre>
 *
 * and after the user's last rating updates every y_j, j ∈ N(u), once:
 * y_j ← (1 − γλ)^{|R(u)|} y_j + γ |N(u)|^−½ g. That is the sum of the per-rating updates of the
 * textbook SGD with z held fixed within the user, which makes an epoch O(Σ_u |R(u)| k) instead of
 * O(Σ_u |R(u)|² k). Single-threaded over a seeded order: same data and seed ⇒ identical model.
 */
public final class SvdppTrainer implements RecommenderTrainer<SvdppModel> {
    /** Command-line name. */
    public static final String NAME = "svdpp";

    /** The algorithm as the CLI and registry see it. */
    public static final AlgorithmSpec<SvdppParams, SvdppModel> SPEC = new AlgorithmSpec<>(NAME,
            "SVD++: biased MF whose user vector adds the factors of the items the user rated",
            SvdppParams.defaults(), SvdppTrainer::new, SvdppTrainer::load, true);

    private final SvdppParams params;

    public SvdppTrainer(SvdppParams params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public SvdppParams params() {
        return params;
    }

    @Override
    public SvdppModel train(Interactions data, Progress progress) {
        long start = System.nanoTime();
        RatingStats stats = RatingStats.of(data, NAME);
        final int n = data.size();
        final int k = params.nFactors();
        final int nUsers = data.users().size();
        final int nItems = data.items().size();
        final float mu = (float) stats.mean();
        final CsrMatrix byUser = CsrMatrix.byUser(data);
        final int[] ptr = byUser.rowPtrArray();
        final int[] col = byUser.colArray();
        final float[] val = byUser.valueArray();

        SplittableRandom rnd = new SplittableRandom(params.seed());
        final float[] p = Sgd.gaussian(rnd, nUsers, k, params.initStd(), stats.userCountArray());
        final float[] q = Sgd.gaussian(rnd, nItems, k, params.initStd(), stats.itemCountArray());
        final float[] y = Sgd.gaussian(rnd, nItems, k, params.initStd(), stats.itemCountArray());
        final float[] bu = new float[nUsers];
        final float[] bi = new float[nItems];
        final float reg = (float) params.regularization();
        final float regB = (float) params.biasRegularization();
        float lr = (float) params.learningRate();
        float lrB = (float) params.biasLearningRate();

        int active = 0;
        for (int u = 0; u < nUsers; u++) {
            if (ptr[u + 1] > ptr[u]) {
                active++;
            }
        }
        final int[] userOrder = new int[active];
        for (int u = 0, a = 0; u < nUsers; u++) {
            if (ptr[u + 1] > ptr[u]) {
                userOrder[a++] = u;
            }
        }
        final int[] pos = Sgd.identity(n); // positions into the CSR arrays, shuffled within each row
        final float[] z = new float[k];
        final float[] g = new float[k];
        double[] loss = new double[params.epochs()];

        progress.start(NAME + ": " + params.epochs() + " epochs over " + n + " ratings", params.epochs());
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            Sgd.shuffle(userOrder, 0, active, rnd);
            final float shrink = 1f - lr * reg;
            double sse = 0;
            for (int a = 0; a < active; a++) {
                final int u = userOrder[a];
                final int from = ptr[u];
                final int to = ptr[u + 1];
                final int cnt = to - from;
                final float norm = (float) (1.0 / Math.sqrt(cnt));
                java.util.Arrays.fill(z, 0f);
                java.util.Arrays.fill(g, 0f);
                for (int t = from; t < to; t++) {
                    final int yj = col[t] * k;
                    for (int f = 0; f < k; f++) {
                        z[f] += y[yj + f];
                    }
                }
                for (int f = 0; f < k; f++) {
                    z[f] *= norm;
                }
                Sgd.shuffle(pos, from, to, rnd);
                final int pu = u * k;
                for (int t = from; t < to; t++) {
                    final int e = pos[t];
                    final int i = col[e];
                    final int qi = i * k;
                    float dot = 0f;
                    for (int f = 0; f < k; f++) {
                        dot += q[qi + f] * (p[pu + f] + z[f]);
                    }
                    final float err = val[e] - (mu + bu[u] + bi[i] + dot);
                    sse += err * err;
                    bu[u] += lrB * (err - regB * bu[u]);
                    bi[i] += lrB * (err - regB * bi[i]);
                    final float ge = lr * err;
                    for (int f = 0; f < k; f++) {
                        final float pf = p[pu + f];
                        final float qf = q[qi + f];
                        g[f] += err * qf;
                        p[pu + f] = shrink * pf + ge * qf;
                        q[qi + f] = shrink * qf + ge * (pf + z[f]);
                    }
                }
                final float yShrink = (float) Math.pow(shrink, cnt);
                final float yStep = lr * norm;
                for (int t = from; t < to; t++) {
                    final int yj = col[t] * k;
                    for (int f = 0; f < k; f++) {
                        y[yj + f] = yShrink * y[yj + f] + yStep * g[f];
                    }
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
        int[] implicitPtr = ptr.clone();
        int[] implicitItems = col.clone();
        return new SvdppModel(ModelProvenance.of(NAME, params, data.fingerprint()), summary, data.users(),
                data.items(), k, mu, bu, bi, p, y, q, implicitPtr, implicitItems, stats.userCountArray().clone(),
                stats.itemCountArray().clone(), stats.min(), stats.max(), reg);
    }

    /** Loads a model saved by {@link SvdppModel#save}. */
    public static SvdppModel load(ModelArchive.Contents c) {
        Checks.algorithm(c, NAME);
        float[] scalars = c.floats("scalars");
        int k = c.shape("user_factors")[1];
        return new SvdppModel(c.provenance(), c.summary(), ModelIO.users(c), ModelIO.items(c), k, scalars[0],
                c.floats("user_bias"), c.floats("item_bias"), c.floats("user_factors"), c.floats("implicit_factors"),
                c.floats("item_factors"), c.ints("implicit_ptr"), c.ints("implicit_items"), c.ints("user_counts"),
                c.ints("item_counts"), scalars[1], scalars[2], scalars[3]);
    }
}
