package io.marquee.recommend.als;

import io.marquee.core.data.Interactions;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.Params;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.RecommenderTrainer;
import io.marquee.recommend.RowParallel;
import io.marquee.recommend.data.CsrMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.SplittableRandom;

/**
 * Alternating least squares for explicit ratings with weighted-λ regularisation (Zhou, Wilkinson,
 * Schreiber, Pan 2008, "Large-scale parallel collaborative filtering for the Netflix prize") and
 * user and item biases learned inside the alternation.
 *
 * <p>The model is r̂_ui = μ + b_u + b_i + x_u·q_i with μ the training mean. The objective is
 * <pre>
 *   Σ_(u,i) (r_ui − r̂_ui)² + λ Σ_u n_u (‖x_u‖² + b_u²) + λ Σ_i n_i (‖q_i‖² + b_i²)
 * </pre>
 * With the item side fixed, each user's (x_u, b_u) is an independent ridge regression on the
 * augmented item vectors [q_i, 1] with target r_ui − μ − b_i:
 * <pre>
 *   (Q̃_uᵀ Q̃_u + λ n_u I) [x_u; b_u] = Q̃_uᵀ (r_u − μ − b_I)
 * </pre>
 * solved by a (k+1)×(k+1) Cholesky ({@link SmallSolvers#choleskySolve}); the item pass is the
 * same with the roles swapped. Each pass lowers the objective, which the training summary records
 * after every iteration (a test checks that it never rises). Users and items without ratings keep
 * zero vectors and biases.
 *
 * <p>Initial item factors are drawn from the seed; user factors need none because the user pass
 * comes first. Rows are solved in parallel on {@code threads} threads; each solve reads only the
 * other side's fixed factors and writes its own row, so the model is identical for any thread
 * count.
 */
public final class AlsTrainer implements RecommenderTrainer<AlsModel> {
    /** Algorithm name. */
    public static final String NAME = "als";

    /** The algorithm as the CLI, registry and tuning see it. */
    public static final AlgorithmSpec<AlsParams, AlsModel> SPEC = new AlgorithmSpec<>(NAME,
            "ALS for explicit ratings, weighted-λ regularisation with biases (Zhou et al. 2008)",
            AlsParams.defaults(), AlsTrainer::new, AlsModel::load, true);

    private static final Logger LOG = LoggerFactory.getLogger(AlsTrainer.class);

    private final AlsParams params;

    public AlsTrainer(AlsParams params) {
        this.params = params;
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public AlsModel train(Interactions data, Progress progress) {
        Factors.requireUsable(data, NAME);
        long t0 = System.nanoTime();
        int nUsers = data.users().size();
        int nItems = data.items().size();
        int k = params.rank();
        CsrMatrix byUser = CsrMatrix.byUser(data);
        CsrMatrix byItem = CsrMatrix.byItem(data);
        float mu = (float) data.meanValue();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : data.valueArray()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        float[] x = new float[nUsers * k];
        float[] q = Factors.random(nItems, k, params.initScale(), new SplittableRandom(params.seed()));
        for (int i = 0; i < nItems; i++) {
            if (byItem.rowLength(i) == 0) {
                java.util.Arrays.fill(q, i * k, (i + 1) * k, 0f);
            }
        }
        float[] bu = new float[nUsers];
        float[] bi = new float[nItems];
        double[] userPenalty = new double[nUsers];
        double[] itemLoss = new double[nItems];
        double[] loss = new double[params.iterations()];
        int d = params.biases() ? k + 1 : k;

        progress.start("als: iterations", params.iterations());
        try (RowParallel par = new RowParallel(params.threads(), "marquee-als")) {
            for (int it = 0; it < params.iterations(); it++) {
                long ti = System.nanoTime();
                par.forEachRow(nUsers, () -> new Scratch(d),
                        (u, s) -> solveRow(byUser, u, q, bi, x, bu, mu, s, userPenalty, null));
                par.forEachRow(nItems, () -> new Scratch(d),
                        (i, s) -> solveRow(byItem, i, x, bu, q, bi, mu, s, null, itemLoss));
                double objective = 0;
                for (double v : itemLoss) {
                    objective += v;
                }
                for (double v : userPenalty) {
                    objective += v;
                }
                loss[it] = objective;
                progress.advance(1);
                LOG.debug("als iteration {}: objective {} ({} s)", it + 1, objective, (System.nanoTime() - ti) / 1e9);
            }
        } finally {
            progress.finish();
        }
        int[] userCounts = new int[nUsers];
        for (int u = 0; u < nUsers; u++) {
            userCounts[u] = byUser.rowLength(u);
        }
        TrainingSummary summary = new TrainingSummary(loss, (System.nanoTime() - t0) / 1e9);
        ModelProvenance provenance = ModelProvenance.of(NAME, params, data.fingerprint());
        return new AlsModel(provenance, summary, data.users(), data.items(), k, mu, x, q, bu, bi, userCounts,
                (float) params.regularization(), min, max);
    }

    /** Per-thread buffers: the (k+1)² system (by rows, then flat), the right-hand side, four feature rows. */
    private static final class Scratch {
        final double[][] g;
        final double[] a;
        final double[] b;
        final double[] f0;
        final double[] f1;
        final double[] f2;
        final double[] f3;

        Scratch(int d) {
            g = new double[d][d];
            a = new double[d * d];
            b = new double[d];
            f0 = new double[d];
            f1 = new double[d];
            f2 = new double[d];
            f3 = new double[d];
        }
    }

    /** Copies the other side's vector j into f (first k entries) and returns the target. */
    private static double gather(int j, float value, float[] other, float[] otherBias, float mu, int k,
                                 boolean biases, double[] f) {
        int off = j * k;
        for (int c = 0; c < k; c++) {
            f[c] = other[off + c];
        }
        return value - mu - (biases ? otherBias[j] : 0f);
    }

    /**
     * Solves one row (a user, or an item) against the fixed other side and writes its vector and
     * bias. With {@code penalty} given, records λ n (‖v‖² + b²) of the row; with {@code loss}
     * given, the row's squared errors after the solve plus that penalty.
     */
    private void solveRow(CsrMatrix m, int row, float[] other, float[] otherBias, float[] own, float[] ownBias,
                          float mu, Scratch s, double[] penalty, double[] loss) {
        int k = params.rank();
        boolean biases = params.biases();
        int d = biases ? k + 1 : k;
        int start = m.rowStart(row);
        int end = m.rowEnd(row);
        int ownOff = row * k;
        if (start == end) {
            java.util.Arrays.fill(own, ownOff, ownOff + k, 0f);
            ownBias[row] = 0f;
            if (penalty != null) {
                penalty[row] = 0;
            }
            if (loss != null) {
                loss[row] = 0;
            }
            return;
        }
        double[][] g = s.g;
        double[] b = s.b;
        for (double[] gr : g) {
            java.util.Arrays.fill(gr, 0);
        }
        java.util.Arrays.fill(b, 0);
        int[] cols = m.colArray();
        float[] vals = m.valueArray();
        // Q̃ᵀQ̃ (lower triangle) and Q̃ᵀt, four ratings at a time: a quarter of the passes over the
        // accumulator. Its rows are separate arrays so that every access in the inner loop has the
        // same index, which the JIT vectorises (with an offset into one flat array it cannot rule
        // out aliasing and stays scalar, about 3× slower when measured).
        double[] f0 = s.f0;
        double[] f1 = s.f1;
        double[] f2 = s.f2;
        double[] f3 = s.f3;
        if (biases) {
            f0[k] = 1;
            f1[k] = 1;
            f2[k] = 1;
            f3[k] = 1;
        }
        int p = start;
        for (; p + 4 <= end; p += 4) {
            double t0 = gather(cols[p], vals[p], other, otherBias, mu, k, biases, f0);
            double t1 = gather(cols[p + 1], vals[p + 1], other, otherBias, mu, k, biases, f1);
            double t2 = gather(cols[p + 2], vals[p + 2], other, otherBias, mu, k, biases, f2);
            double t3 = gather(cols[p + 3], vals[p + 3], other, otherBias, mu, k, biases, f3);
            for (int r = 0; r < d; r++) {
                double g0 = f0[r];
                double g1 = f1[r];
                double g2 = f2[r];
                double g3 = f3[r];
                double[] gr = g[r];
                for (int c = 0; c <= r; c++) {
                    gr[c] += g0 * f0[c] + g1 * f1[c] + g2 * f2[c] + g3 * f3[c];
                }
                b[r] += t0 * g0 + t1 * g1 + t2 * g2 + t3 * g3;
            }
        }
        for (; p < end; p++) {
            double t0 = gather(cols[p], vals[p], other, otherBias, mu, k, biases, f0);
            for (int r = 0; r < d; r++) {
                double g0 = f0[r];
                double[] gr = g[r];
                for (int c = 0; c <= r; c++) {
                    gr[c] += g0 * f0[c];
                }
                b[r] += t0 * g0;
            }
        }
        double[] a = s.a;
        for (int r = 0; r < d; r++) {
            System.arraycopy(g[r], 0, a, r * d, r + 1);
        }
        int n = end - start;
        double reg = params.regularization() * n;
        for (int r = 0; r < d; r++) {
            a[r * d + r] += reg;
        }
        if (!SmallSolvers.choleskySolve(a, d, b)) {
            throw new IllegalStateException("als: the system of row " + row + " is not positive definite");
        }
        double norm = 0;
        for (int c = 0; c < k; c++) {
            own[ownOff + c] = (float) b[c];
            norm += (double) own[ownOff + c] * own[ownOff + c];
        }
        float bias = biases ? (float) b[k] : 0f;
        ownBias[row] = bias;
        norm += (double) bias * bias;
        if (penalty != null) {
            penalty[row] = reg * norm;
        }
        if (loss != null) {
            double err = 0;
            for (int q = start; q < end; q++) {
                int j = cols[q];
                double e = vals[q] - mu - bias - (biases ? otherBias[j] : 0f)
                        - Factors.dot(own, ownOff, other, j * k, k);
                err += e * e;
            }
            loss[row] = err + reg * norm;
        }
    }
}
