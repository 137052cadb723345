package io.marquee.predict.dropoff;

import io.marquee.core.data.Interactions;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.SplittableRandom;

/**
 * The film side of a <em>choice</em> model: logistic matrix factorisation of "the viewer chose
 * this film" against films drawn in proportion to how often films are chosen (negative sampling,
 * as word2vec's skip-gram). Each first view (u, i) is a positive, σ(x_u·v_i); each is paired with
 * {@link #NEGATIVES} films j drawn from the views' own film distribution, σ(−x_u·v_j). Because the
 * negatives follow popularity, the factors explain <em>which</em> films a viewer picks beyond
 * what is popular — the viewer's taste — and not the popularity itself, which implicit ALS's
 * uniform "everything unwatched is a 0" mixes in (on the synthetic data its match correlates
 * −0.07 with the true taste term and −0.36 with film quality, which popularity carries).
 *
 * <p>Only the films' vectors are kept. A viewer is folded in from the films the viewer chose
 * before the event ({@link TasteState}) by one Newton step of the same logistic loss from x = 0
 * with a Gaussian prior of precision λ, the negatives replaced by their expectation:
 * <pre>
 *   (¼ (Σ_chosen v_i v_iᵀ + K·n·E[v vᵀ]) + λI) x = ½ (Σ_chosen v_i − K·n·E[v])
 * </pre>
 * ({@code n} chosen films, {@code K} negatives each; E over the negative distribution, stored as
 * {@link #mean} and {@link #gram}).
 *
 * <p>Fitted by plain stochastic gradient descent (seeded, single-threaded, hence deterministic):
 * no library in the build fits a logistic factorisation with sampled negatives, and the loop is a
 * dozen lines. Immutable.
 *
 * @param rank   k
 * @param lambda prior precision of the viewer's fold-in
 * @param v      film vectors, film-major ({@code films × rank}); zeros for films never chosen
 * @param mean   E[v] over the negative distribution (the films' share of first views)
 * @param gram   E[v vᵀ] over it ({@code rank × rank}, row-major)
 */
record ChoiceFactors(int rank, float lambda, float[] v, double[] mean, double[] gram) {
    /** Rank (the generator's latent rank is 8 by default; not read from it). */
    static final int RANK = 8;
    /** Negatives per positive. */
    static final int NEGATIVES = 1;
    /** Passes over the views. */
    static final int EPOCHS = 5;
    /** Initial learning rate (decays linearly to a tenth of it). */
    static final double LEARNING_RATE = 0.3;
    /** L2 penalty of the SGD steps on the vectors touched. */
    static final double L2 = 0.0001;
    /** Prior precision of the viewer's fold-in. */
    static final double LAMBDA = 1.0;

    ChoiceFactors {
        if (v.length % rank != 0 || mean.length != rank || gram.length != rank * rank) {
            throw new IllegalArgumentException("choice factors: " + v.length + " vector entries, " + mean.length
                    + " means and " + gram.length + " gram entries do not agree for rank " + rank);
        }
    }

    /** No factors: every film's vector is zero. */
    static ChoiceFactors none(int films) {
        return new ChoiceFactors(RANK, (float) LAMBDA, new float[films * RANK], new double[RANK],
                new double[RANK * RANK]);
    }

    int films() {
        return v.length / rank;
    }

    /**
     * Fits the film vectors on the first view of each (viewer, film) pair among {@code views}
     * (item index = film index of the result). Fewer than {@code minViews} first views: {@link #none}.
     */
    static ChoiceFactors fit(Interactions views, int minViews, long seed) {
        int films = views.items().size();
        int users = views.users().size();
        int m = views.size();
        long[] pairs = new long[m]; // (viewer << 32 | film) of each first view, shuffled in place each pass
        int[] cumulative = new int[films]; // first views per film, then running sums: negatives ∝ first views
        int n = 0;
        LongOpenHashSet seen = new LongOpenHashSet(m);
        for (int k = 0; k < m; k++) {
            int u = views.user(k);
            int i = views.item(k);
            long key = ((long) u << 32) | (i & 0xffffffffL);
            if (seen.add(key)) {
                pairs[n++] = key;
                cumulative[i]++;
            }
        }
        if (n < minViews) {
            return none(films);
        }
        for (int i = 1; i < films; i++) {
            cumulative[i] += cumulative[i - 1];
        }
        int k = RANK;
        SplittableRandom rng = new SplittableRandom(seed ^ 0xC40CE5L);
        float[] x = new float[users * k];
        float[] v = new float[films * k];
        double init = 0.1 / Math.sqrt(k);
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) (init * gaussian(rng));
        }
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) (init * gaussian(rng));
        }
        long steps = (long) EPOCHS * n;
        long step = 0;
        for (int e = 0; e < EPOCHS; e++) {
            for (int j = n - 1; j > 0; j--) { // a fresh shuffle each pass
                int r = rng.nextInt(j + 1);
                long t = pairs[j];
                pairs[j] = pairs[r];
                pairs[r] = t;
            }
            for (int j = 0; j < n; j++) {
                double lr = LEARNING_RATE * (1 - 0.9 * step++ / (double) steps);
                int u = (int) (pairs[j] >>> 32);
                int i = (int) pairs[j];
                update(x, v, u * k, i * k, k, true, lr);
                for (int s = 0; s < NEGATIVES; s++) {
                    update(x, v, u * k, sample(cumulative, rng.nextInt(n)) * k, k, false, lr);
                }
            }
        }
        double[] mean = new double[k];
        double[] gram = new double[k * k];
        for (int i = 0; i < films; i++) {
            double w = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
            int o = i * k;
            for (int r = 0; r < k; r++) {
                mean[r] += w * v[o + r];
                for (int c = 0; c < k; c++) {
                    gram[r * k + c] += w * v[o + r] * v[o + c];
                }
            }
        }
        for (int r = 0; r < k; r++) {
            mean[r] /= n;
        }
        for (int j = 0; j < gram.length; j++) {
            gram[j] /= n;
        }
        return new ChoiceFactors(k, (float) LAMBDA, v, mean, gram);
    }

    /** The film whose slice of the running sums holds {@code r} (0 ≤ r &lt; total): a draw ∝ first views. */
    private static int sample(int[] cumulative, int r) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static void update(float[] x, float[] v, int xo, int vo, int k, boolean positive, double lr) {
        double s = 0;
        for (int c = 0; c < k; c++) {
            s += (double) x[xo + c] * v[vo + c];
        }
        double g = (positive ? 1 : 0) - 1 / (1 + Math.exp(-s)); // d log-likelihood / d s
        for (int c = 0; c < k; c++) {
            float xc = x[xo + c];
            float vc = v[vo + c];
            x[xo + c] = (float) (xc + lr * (g * vc - L2 * xc));
            v[vo + c] = (float) (vc + lr * (g * xc - L2 * vc));
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }
}
