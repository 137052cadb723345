package io.marquee.recommend.bayes;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.RecommenderTrainer;
import io.marquee.recommend.RowParallel;
import io.marquee.recommend.baseline.RatingStats;
import io.marquee.recommend.data.CsrMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains Bayesian probabilistic matrix factorisation (Salakhutdinov &amp; Mnih 2008, "Bayesian
 * probabilistic matrix factorization using Markov chain Monte Carlo") with biases folded into the
 * latent vectors. Each user has w_u = (p_u, b_u) and each item h_i = (q_i, b_i) in ℝ^{k+1}, and
 *
 * <pre>
 *   r_ui ~ N(μ + b_u + b_i + p_u · q_i, α⁻¹)       μ the training mean (fixed)
 *   w_u ~ N(μ_U, Λ_U⁻¹),  h_i ~ N(μ_V, Λ_V⁻¹)
 *   (μ_U, Λ_U), (μ_V, Λ_V) ~ Normal–Wishart(0, β₀, I, k+1)
 *   α ~ Gamma(1, 1) when learned, else fixed
 * </pre>
 *
 * <p>One Gibbs sweep draws, in order: (μ_V, Λ_V) and (μ_U, Λ_U) from their Normal–Wishart posteriors
 * ({@link NormalWishart}); every user's w_u from its Gaussian conditional, with precision
 * Λ_U + α Σ_{i ∈ R_u} x_i x_iᵀ for x_i = (q_i, 1) and target r_ui − μ − b_i; every item's h_i the
 * same way against the new users; and α from Gamma(1 + n/2, 1 + SSE/2). After {@code burn_in}
 * sweeps every {@code thin}-th sweep's factors are kept; the model averages the predictive
 * μ + b_u + b_i + p_u · q_i over the {@code samples} kept (see {@link BpmfModel}).
 *
 * <p>With {@code implicit}, both sides get implicit feedback as side information ({@link ImplicitLink}):
 * a user's prior mean becomes μ_U + |R(u)|^−½ Σ_{j ∈ R(u)} β_j (Bayesian SVD++) and an item's
 * μ_V + |R(i)|^−½ Σ_{v ∈ R(i)} γ_v ("flipped"), with β and γ drawn each sweep after the
 * hyperparameters. Only which pairs are in the training data is used.
 *
 * <p>The per-user and per-item draws run on {@code threads} threads. Every draw takes its random
 * numbers from its own stream, seeded from (seed, sweep, side, index), so the model is the same
 * for every thread count and scheduling; sums over users (the SSE) are added in index order.
 * Users and items without training ratings are not sampled: their vectors stay 0 and they are left
 * out of the hyperparameter posteriors. The per-sweep loss in the summary is the training RMSE of
 * that sweep's draw.
 */
public final class BpmfTrainer implements RecommenderTrainer<BpmfModel> {
    /** Command-line name. */
    public static final String NAME = "bpmf";

    /** The algorithm as the CLI and registry see it. */
    public static final AlgorithmSpec<BpmfParams, BpmfModel> SPEC = new AlgorithmSpec<>(NAME,
            "Bayesian matrix factorisation by Gibbs sampling with implicit feedback"
                    + " (posterior mean of μ + b_u + b_i + p_u·q_i)",
            BpmfParams.defaults(), BpmfTrainer::new, BpmfTrainer::load, true);

    private static final int USERS = 1;
    private static final int ITEMS = 2;
    private static final int HYPER = 3;
    private static final int INIT = 4;

    private final BpmfParams params;

    public BpmfTrainer(BpmfParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public BpmfParams params() {
        return params;
    }

    @Override
    public BpmfModel train(Interactions data, Progress progress) {
        long start = System.nanoTime();
        RatingStats stats = RatingStats.of(data, NAME);
        final int k = params.nFactors();
        final int d = k + 1;
        final int nUsers = data.users().size();
        final int nItems = data.items().size();
        final int n = data.size();
        final double mu = stats.mean();
        final int kept = params.samples();
        final int rank = kept * k;
        if ((long) Math.max(nUsers, nItems) * rank > Integer.MAX_VALUE - 8) {
            throw InvalidInputException.of("samples", kept, "small enough that " + Math.max(nUsers, nItems)
                    + " users or items × samples · n_factors fit in one array (≤ 2^31 values); lower samples"
                    + " or n_factors");
        }
        final CsrMatrix byUser = CsrMatrix.byUser(data);
        final CsrMatrix byItem = CsrMatrix.byItem(data);
        final int[] knownUsers = present(stats.userCountArray());
        final int[] knownItems = present(stats.itemCountArray());
        final NormalWishart prior = new NormalWishart(params.beta0(), d);
        final ImplicitLink userLink = params.implicit() ? new ImplicitLink(byUser, d) : null;
        final ImplicitLink itemLink = params.implicit() ? new ImplicitLink(byItem, d) : null;

        final double[] u = new double[nUsers * d];
        final double[] v = new double[nItems * d];
        init(u, knownUsers, d, k, USERS);
        init(v, knownItems, d, k, ITEMS);

        final float[] userOut = new float[nUsers * rank];
        final float[] itemOut = new float[nItems * rank];
        final double[] userBiasSum = new double[nUsers];
        final double[] itemBiasSum = new double[nItems];
        final float scale = (float) (1.0 / Math.sqrt(kept));
        final double[] sse = new double[nUsers];
        final boolean learnAlpha = params.noisePrecision() == 0;
        double alpha = learnAlpha ? 2.0 : params.noisePrecision();
        double lambdaSum = 0;
        int stored = 0;
        final int sweeps = params.sweeps();
        double[] loss = new double[sweeps];

        progress.start(NAME + ": " + sweeps + " Gibbs sweeps over " + n + " ratings", sweeps);
        try (RowParallel par = new RowParallel(params.threads(), "marquee-bpmf")) {
            for (int sweep = 0; sweep < sweeps; sweep++) {
                SplittableRandom hyperRnd = new SplittableRandom(streamSeed(params.seed(), sweep, HYPER, 0));
                NormalWishart.Draw itemHyper = hyper(prior, hyperRnd, v, d, knownItems, itemLink, nItems);
                NormalWishart.Draw userHyper = hyper(prior, hyperRnd, u, d, knownUsers, userLink, nUsers);
                final double a = alpha;
                final int s = sweep;
                par.forEach(knownUsers, () -> new Scratch(d),
                        (e, sc) -> draw(e, s, USERS, byUser, u, v, userHyper, userLink, a, mu, k, sc));
                par.forEach(knownItems, () -> new Scratch(d),
                        (e, sc) -> draw(e, s, ITEMS, byItem, v, u, itemHyper, itemLink, a, mu, k, sc));
                par.forEach(knownUsers, () -> null, (e, sc) -> sse[e] = squaredError(e, byUser, u, v, mu, k));
                double total = 0;
                for (int e : knownUsers) {
                    total += sse[e];
                }
                loss[sweep] = Math.sqrt(total / n);
                if (!Double.isFinite(loss[sweep])) {
                    throw new InvalidInputException("bpmf diverged at sweep " + (sweep + 1)
                            + " (training RMSE " + loss[sweep] + "); check the ratings for extreme values");
                }
                if (learnAlpha) {
                    alpha = NormalWishart.gamma(hyperRnd, 1.0 + n / 2.0) / (1.0 + total / 2.0);
                }
                if (sweep >= params.burnIn() && (sweep - params.burnIn() + 1) % params.thin() == 0) {
                    keep(u, knownUsers, d, k, stored, rank, scale, userOut, userBiasSum);
                    keep(v, knownItems, d, k, stored, rank, scale, itemOut, itemBiasSum);
                    double tr = 0;
                    for (int f = 0; f < k; f++) {
                        tr += userHyper.precision()[f * d + f];
                    }
                    lambdaSum += tr / k / a;
                    stored++;
                }
                progress.advance(1);
            }
        }
        progress.finish();
        float[] userBias = new float[nUsers];
        float[] itemBias = new float[nItems];
        for (int x = 0; x < nUsers; x++) {
            userBias[x] = (float) (userBiasSum[x] / stored);
        }
        for (int x = 0; x < nItems; x++) {
            itemBias[x] = (float) (itemBiasSum[x] / stored);
        }
        TrainingSummary summary = new TrainingSummary(loss, (System.nanoTime() - start) / 1e9);
        return new BpmfModel(ModelProvenance.of(NAME, params, data.fingerprint()), summary, data.users(),
                data.items(), k, kept, (float) mu, userBias, itemBias, userOut, itemOut,
                stats.userCountArray().clone(), stats.itemCountArray().clone(), stats.min(), stats.max(),
                (float) (lambdaSum / stored));
    }

    /**
     * (μ, Λ) of one side: without side information, from the latent vectors; with it, from their
     * residuals w − βᵀ f (and β's own prior term), after which β and λ are drawn afresh.
     */
    private static NormalWishart.Draw hyper(NormalWishart prior, SplittableRandom rnd, double[] w, int d, int[] known,
                                            ImplicitLink link, int entities) {
        if (link == null) {
            return prior.posterior(rnd, w, d, known);
        }
        NormalWishart.Draw draw = prior.posterior(rnd, link.residuals(w, entities), d, known, link.betaScatter(),
                link.activeCount());
        link.sample(rnd, w, entities, draw);
        return draw;
    }

    /** Loads a model saved by {@link BpmfModel#save}. */
    public static BpmfModel load(ModelArchive.Contents c) {
        return BpmfModel.load(c);
    }

    /** Per-thread workspace of one Gaussian draw in dimension d. */
    private static final class Scratch {
        final double[] p;
        final double[] b;
        final double[] m;
        final DMatrixRMaj pm;
        final CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);

        Scratch(int d) {
            p = new double[d * d];
            b = new double[d];
            m = new double[d];
            pm = DMatrixRMaj.wrap(d, d, p);
        }
    }

    /**
     * Draws row {@code e} of {@code self} from its Gaussian conditional given the rows of
     * {@code other} it is rated with: precision P = Λ + α Σ x xᵀ, mean P⁻¹ (Λ m + α Σ x y) (m the
     * prior mean μ, or μ + βᵀ f_e with implicit feedback), with
     * x = (other's factors, 1) and y = r − μ − other's bias. With P = L Lᵀ the draw is
     * L⁻ᵀ (L⁻¹ (Λ m + α Σ x y) + z), z ~ N(0, I).
     */
    private void draw(int e, int sweep, int side, CsrMatrix rows, double[] self, double[] other,
                      NormalWishart.Draw hyper, ImplicitLink link, double alpha, double mu, int k, Scratch sc) {
        final int d = k + 1;
        final double[] p = sc.p;
        final double[] b = sc.b;
        java.util.Arrays.fill(p, 0);
        java.util.Arrays.fill(b, 0);
        final int[] cols = rows.colArray();
        final float[] vals = rows.valueArray();
        final int to = rows.rowEnd(e);
        for (int t = rows.rowStart(e); t < to; t++) {
            final int o = cols[t] * d;
            final double y = vals[t] - mu - other[o + k];
            for (int a = 0; a < k; a++) {
                final double xa = other[o + a];
                b[a] += xa * y;
                final int row = a * d;
                for (int c = 0; c <= a; c++) {
                    p[row + c] += xa * other[o + c];
                }
            }
            b[k] += y;
            final int row = k * d;
            for (int c = 0; c < k; c++) {
                p[row + c] += other[o + c];
            }
            p[row + k] += 1;
        }
        final double[] lam = hyper.precision();
        final double[] m;
        if (link == null) {
            m = hyper.mean();
        } else {
            m = sc.m;
            link.priorMean(e, hyper.mean(), m);
        }
        for (int a = 0; a < d; a++) {
            double lm = 0;
            for (int c = 0; c < d; c++) {
                lm += lam[a * d + c] * m[c];
            }
            b[a] = alpha * b[a] + lm;
            for (int c = 0; c <= a; c++) {
                double val = alpha * p[a * d + c] + lam[a * d + c];
                p[a * d + c] = val;
                p[c * d + a] = val;
            }
        }
        if (!sc.chol.decompose(sc.pm)) {
            throw new IllegalStateException("bpmf: conditional precision of " + (side == USERS ? "user " : "item ")
                    + e + " is not positive definite at sweep " + (sweep + 1));
        }
        TriangularSolver_DDRM.solveL(p, b, d);
        SplittableRandom rnd = new SplittableRandom(streamSeed(params.seed(), sweep, side, e));
        for (int a = 0; a < d; a++) {
            b[a] += rnd.nextGaussian();
        }
        TriangularSolver_DDRM.solveTranL(p, b, d);
        System.arraycopy(b, 0, self, e * d, d);
    }

    private static double squaredError(int user, CsrMatrix byUser, double[] u, double[] v, double mu, int k) {
        final int d = k + 1;
        final int uo = user * d;
        final int[] cols = byUser.colArray();
        final float[] vals = byUser.valueArray();
        double s = 0;
        for (int t = byUser.rowStart(user); t < byUser.rowEnd(user); t++) {
            final int vo = cols[t] * d;
            double pred = mu + u[uo + k] + v[vo + k];
            for (int f = 0; f < k; f++) {
                pred += u[uo + f] * v[vo + f];
            }
            double err = vals[t] - pred;
            s += err * err;
        }
        return s;
    }

    private void init(double[] x, int[] rows, int d, int k, int side) {
        for (int e : rows) {
            SplittableRandom rnd = new SplittableRandom(streamSeed(params.seed(), -1, side + INIT, e));
            for (int f = 0; f < k; f++) {
                x[e * d + f] = params.initStd() * rnd.nextGaussian();
            }
        }
    }

    /** Appends the current sample's factors (scaled by 1/√S) as block {@code slot} and adds up the biases. */
    private static void keep(double[] x, int[] rows, int d, int k, int slot, int rank, float scale, float[] out,
                             double[] biasSum) {
        for (int e : rows) {
            int o = e * d;
            int w = e * rank + slot * k;
            for (int f = 0; f < k; f++) {
                out[w + f] = (float) x[o + f] * scale;
            }
            biasSum[e] += x[o + k];
        }
    }

    private static int[] present(int[] counts) {
        int m = 0;
        for (int c : counts) {
            m += c > 0 ? 1 : 0;
        }
        int[] out = new int[m];
        int j = 0;
        for (int e = 0; e < counts.length; e++) {
            if (counts[e] > 0) {
                out[j++] = e;
            }
        }
        return out;
    }

    /** Seed of the stream of one draw: SplitMix64's finaliser over (seed, sweep, side, index). */
    static long streamSeed(long seed, int sweep, int side, int index) {
        long h = seed;
        h = mix(h + 0x9E3779B97F4A7C15L * (sweep + 2L));
        h = mix(h + 0x9E3779B97F4A7C15L * side);
        h = mix(h + 0x9E3779B97F4A7C15L * (index + 1L));
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
