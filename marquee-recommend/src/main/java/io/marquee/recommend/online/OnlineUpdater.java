package io.marquee.recommend.online;

import io.marquee.core.error.InvalidInputException;
import io.marquee.recommend.FactorModel;
import java.util.Arrays;

/**
 * Folds a viewer into a trained {@link FactorModel} without retraining: given all of the
 * viewer's ratings (their history plus any new one), it re-solves the viewer's bias and vector
 * against the model's fixed item factors.
 * <pre>
 *   b_u = Σ_{i ∈ R_u} (r_ui − μ − b_i) / (λ_b + |R_u|)                    (regularised mean residual, first)
 *   x_u = (Q_uᵀ Q_u + λ I)⁻¹ Q_uᵀ (r_u − μ − b_{R_u} − b_u)              (exact ridge solve)
 * </pre>
 * Q_u holds the factors of the rated items. For models without biases (implicit iALS: μ and every
 * b_i are 0) b_u stays 0 and the targets are the raw values. λ is the model's
 * {@link FactorModel#userRegularization()} unless {@link FoldInOptions#lambda()} overrides it; with
 * {@link FoldInOptions#lambdaPerRating()} it is multiplied by |R_u|.
 *
 * <p>Cost O(|R_u| k² + k³/6) for rank k, in double precision; the k × k system lives in a
 * per-thread workspace, so an update allocates only the returned {@link FoldedUser}. Thread-safe.
 */
public final class OnlineUpdater {
    private final FactorModel model;
    private final FoldInOptions options;
    private final int rank;
    private final int items;
    private final float[] factors;
    private final float[] itemBias;
    private final float mean;
    private final boolean hasBiases;
    private final double lambda;
    private final ThreadLocal<Workspace> workspaces;

    /** An updater with {@link FoldInOptions#defaults()}. */
    public OnlineUpdater(FactorModel model) {
        this(model, FoldInOptions.defaults());
    }

    public OnlineUpdater(FactorModel model, FoldInOptions options) {
        this.model = model;
        this.options = options;
        this.rank = model.rank();
        this.items = model.itemCount();
        this.factors = model.itemFactorArray();
        if (factors.length != (long) items * rank) {
            throw new InvalidInputException("item factor array has " + factors.length + " values, expected "
                    + items + " items × rank " + rank);
        }
        this.mean = model.globalMean();
        this.itemBias = new float[items];
        boolean biases = mean != 0;
        for (int i = 0; i < items; i++) {
            itemBias[i] = model.itemBias(i);
            biases |= itemBias[i] != 0;
        }
        this.hasBiases = biases;
        this.lambda = Double.isNaN(options.lambda()) ? model.userRegularization() : options.lambda();
        if (!(lambda >= 0 && Double.isFinite(lambda))) {
            throw InvalidInputException.of("model user_regularization", lambda, "a finite number >= 0");
        }
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(rank));
    }

    /** The model whose item factors are held fixed. */
    public FactorModel model() {
        return model;
    }

    /** The options. */
    public FoldInOptions options() {
        return options;
    }

    /** The λ in use (the model's unless overridden), before any per-rating scaling. */
    public double lambda() {
        return lambda;
    }

    /** Whether the model has a global mean or item biases (if not, b_u is kept at 0). */
    public boolean hasBiases() {
        return hasBiases;
    }

    /** Solves the viewer from all of their ratings (item indices and values, equal length). */
    public FoldedUser foldIn(int[] itemIdx, float[] ratings) {
        if (itemIdx.length != ratings.length) {
            throw new InvalidInputException("items and ratings must have equal length, were "
                    + itemIdx.length + " and " + ratings.length);
        }
        return foldIn(itemIdx, ratings, itemIdx.length);
    }

    /** Solves the viewer from the first {@code count} entries of the arrays. */
    public FoldedUser foldIn(int[] itemIdx, float[] ratings, int count) {
        if (count < 0 || count > itemIdx.length || count > ratings.length) {
            throw InvalidInputException.of("count", count, "between 0 and the arrays' lengths ("
                    + itemIdx.length + ", " + ratings.length + ")");
        }
        check(itemIdx, ratings, count);
        return solve(itemIdx, ratings, count, workspaces.get());
    }

    /**
     * Solves the viewer from their history plus one new rating, which replaces an earlier rating
     * of the same film (the history arrays are not changed).
     */
    public FoldedUser foldInWith(int[] itemIdx, float[] ratings, int newItem, float newRating) {
        if (itemIdx.length != ratings.length) {
            throw new InvalidInputException("items and ratings must have equal length, were "
                    + itemIdx.length + " and " + ratings.length);
        }
        check(itemIdx, ratings, itemIdx.length);
        check(new int[] {newItem}, new float[] {newRating}, 1);
        Workspace w = workspaces.get();
        int n = itemIdx.length;
        w.ensure(n + 1);
        System.arraycopy(itemIdx, 0, w.items, 0, n);
        System.arraycopy(ratings, 0, w.ratings, 0, n);
        boolean replaced = false;
        for (int p = 0; p < n; p++) {
            if (w.items[p] == newItem) {
                w.ratings[p] = newRating;
                replaced = true;
            }
        }
        if (!replaced) {
            w.items[n] = newItem;
            w.ratings[n] = newRating;
            n++;
        }
        return solve(w.items, w.ratings, n, w);
    }

    /**
     * Cold start from films a new viewer says they like: fold-in with each rated
     * {@link FoldInOptions#likedRating()}.
     */
    public FoldedUser foldInLiked(int... itemIdx) {
        Workspace w = workspaces.get();
        int n = itemIdx.length;
        w.ensure(n);
        System.arraycopy(itemIdx, 0, w.items, 0, n);
        Arrays.fill(w.ratings, 0, n, options.likedRating());
        check(w.items, w.ratings, n);
        return solve(w.items, w.ratings, n, w);
    }

    private void check(int[] itemIdx, float[] ratings, int count) {
        for (int p = 0; p < count; p++) {
            if (itemIdx[p] < 0 || itemIdx[p] >= items) {
                throw InvalidInputException.of("item index at position " + p, itemIdx[p], "in [0, " + items + ")");
            }
            if (!Float.isFinite(ratings[p])) {
                throw InvalidInputException.of("rating at position " + p, ratings[p], "a finite number");
            }
        }
    }

    private FoldedUser solve(int[] itemIdx, float[] ratings, int count, Workspace w) {
        int k = rank;
        if (count == 0) {
            return new FoldedUser(new float[k], 0f, 0);
        }
        double bu = 0;
        if (hasBiases) {
            double s = 0;
            for (int p = 0; p < count; p++) {
                s += ratings[p] - mean - itemBias[itemIdx[p]];
            }
            bu = s / (options.biasRegularization() + count);
        }
        double[] a = w.a;
        double[] b = w.b;
        Arrays.fill(a, 0);
        Arrays.fill(b, 0);
        double[] qp = w.q;
        for (int p = 0; p < count; p++) {
            int i = itemIdx[p];
            int o = i * k;
            double t = hasBiases ? ratings[p] - mean - itemBias[i] - bu : ratings[p];
            for (int f = 0; f < k; f++) {
                qp[f] = factors[o + f];
            }
            // upper triangle of Q_uᵀQ_u, one axpy per factor row
            for (int f = 0; f < k; f++) {
                double qf = qp[f];
                b[f] += qf * t;
                int row = f * k;
                for (int g = f; g < k; g++) {
                    a[row + g] += qf * qp[g];
                }
            }
        }
        double lam = options.lambdaPerRating() ? lambda * count : lambda;
        for (int f = 0; f < k; f++) {
            a[f * k + f] += lam;
        }
        DenseCholesky.solveInPlace(a, k, b);
        float[] x = w.x;
        for (int f = 0; f < k; f++) {
            x[f] = (float) b[f];
        }
        return new FoldedUser(x, (float) bu, count);
    }

    /** Per-thread scratch space: the k × k system, its right-hand side, merged rating arrays. */
    private static final class Workspace {
        final double[] a;
        final double[] b;
        final float[] x;
        final double[] q;
        int[] items = new int[64];
        float[] ratings = new float[64];

        Workspace(int k) {
            a = new double[k * k];
            b = new double[k];
            x = new float[k];
            q = new double[k];
        }

        void ensure(int n) {
            if (items.length < n) {
                int size = Math.max(n, items.length * 2);
                items = new int[size];
                ratings = new float[size];
            }
        }
    }
}
