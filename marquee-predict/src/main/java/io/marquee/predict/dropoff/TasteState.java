package io.marquee.predict.dropoff;

import io.marquee.recommend.als.SmallSolvers;
import java.util.Arrays;

/**
 * Each viewer's ratings so far (in time order) and, against the current {@link TasteFactors},
 * the viewer's folded-in taste: the ridge solution of
 * <pre>
 *   (Σ f_i f_iᵀ + λ n I) [x_u; b_u] = Σ f_i (r_ui − μ − b_i),   f_i = [q_i; 1]
 * </pre>
 * over the viewer's n ratings — the user step of the ALS that fitted the factors. An event's
 * taste features read the state before the event, so they use only ratings given before it.
 * The solutions are cached per viewer and recomputed when the viewer rates (or watches) again or
 * the factors are replaced. Not thread-safe while it is being updated or while a viewer's cache is
 * stale; once every viewer has been read after the last change (as {@link DropoffPredictor} does
 * when it is built), reads touch no shared state and are safe from many threads.
 */
final class TasteState {
    private final int[][] films;
    private final float[][] values;
    private final int[] count;
    private final int[][] viewFilms;
    private final boolean[][] viewFirst;
    private final int[] viewCount;
    private TasteFactors factors;
    private int version;
    private final int[] cachedVersion;
    private final int[] cachedCount;
    private final float[] cached;
    private final int[] cachedViews;
    private final float[] cachedChoice;
    private final float[] cachedPick;
    /**
     * Per viewer, the sums of the choice fold-in over the first views included so far — Σ v vᵀ
     * (k²), Σ v (k) and their count — kept up to date one view at a time while the factors stay;
     * rebuilt from all the viewer's views after new factors.
     */
    private final double[] pickSums;
    private final int[] pickSumsVersion;
    private final int[] pickSumsViews;
    private final int pickWidth;
    private final int d;
    /** Scratch of the solves (rank + 1 entries, and the (rank + 1)² system). */
    private final double[] solution;
    private final double[] system;
    private final double[] pickScratch;

    TasteState(int users, TasteFactors factors) {
        films = new int[users][];
        values = new float[users][];
        count = new int[users];
        viewFilms = new int[users][];
        viewFirst = new boolean[users][];
        viewCount = new int[users];
        this.factors = factors;
        d = factors.rank() + 1;
        cachedVersion = new int[users];
        Arrays.fill(cachedVersion, -1);
        cachedCount = new int[users];
        cached = new float[users * d];
        cachedViews = new int[users];
        cachedChoice = new float[users * factors.rank()];
        cachedPick = new float[users * factors.choice().rank()];
        int pk = factors.choice().rank();
        pickWidth = pk * pk + pk + 1;
        pickSums = new double[users * pickWidth];
        pickSumsVersion = new int[users];
        Arrays.fill(pickSumsVersion, -1);
        pickSumsViews = new int[users];
        solution = new double[d];
        system = new double[Math.max(d * d, pk * pk)];
        pickScratch = new double[pk];
    }

    TasteFactors factors() {
        return factors;
    }

    /** Replaces the film side (a new fit); every viewer's taste is folded in again when read. */
    void factors(TasteFactors f) {
        if (f.rank() != factors.rank() || f.choice().rank() != factors.choice().rank()) {
            throw new IllegalArgumentException("taste factors of rank " + f.rank() + " replace rank " + factors.rank());
        }
        factors = f;
        version++;
    }

    /** Adds a rating of film {@code film} (the factors' index; negative: a film the factors do not know). */
    void rating(int u, int film, float value) {
        if (film < 0) {
            return;
        }
        if (films[u] == null) {
            films[u] = new int[4];
            values[u] = new float[4];
        } else if (count[u] == films[u].length) {
            films[u] = Arrays.copyOf(films[u], count[u] * 2);
            values[u] = Arrays.copyOf(values[u], count[u] * 2);
        }
        films[u][count[u]] = film;
        values[u][count[u]] = value;
        count[u]++;
    }

    /**
     * Adds a view of film {@code film} (the factors' index; negative: unknown); {@code first}
     * when the viewer had not watched the film before.
     */
    void view(int u, int film, boolean first) {
        if (film < 0) {
            return;
        }
        if (viewFilms[u] == null) {
            viewFilms[u] = new int[8];
            viewFirst[u] = new boolean[8];
        } else if (viewCount[u] == viewFilms[u].length) {
            viewFilms[u] = Arrays.copyOf(viewFilms[u], viewCount[u] * 2);
            viewFirst[u] = Arrays.copyOf(viewFirst[u], viewCount[u] * 2);
        }
        viewFilms[u][viewCount[u]] = film;
        viewFirst[u][viewCount[u]] = first;
        viewCount[u]++;
    }

    /** Ratings viewer {@code u} has given so far (0 for u &lt; 0). */
    int ratings(int u) {
        return u < 0 ? 0 : count[u];
    }

    /**
     * Writes the taste features of viewer {@code u} (-1: none) and film {@code film} (-1: unknown)
     * into {@code out}: [0] match x_u·q_i, [1] viewer bias b_u, [2] film bias b_i, [3] choice
     * match (implicit fit) z_u·y_i, [4] choice-model match x_u·v_i ({@link ChoiceFactors}). Uses the cache.
     */
    void features(int u, int film, double[] out) {
        float[] x = null;
        int off = 0;
        int k = factors.rank();
        boolean choice = false;
        if (u >= 0 && (count[u] > 0 || viewCount[u] > 0)) {
            off = u * d;
            boolean stale = cachedVersion[u] != version;
            if (stale || cachedCount[u] != count[u]) {
                solveInto(u, solution);
                for (int c = 0; c < d; c++) {
                    cached[off + c] = (float) solution[c];
                }
                cachedCount[u] = count[u];
            }
            if (stale || cachedViews[u] != viewCount[u]) {
                solveChoiceInto(u, solution);
                for (int c = 0; c < k; c++) {
                    cachedChoice[u * k + c] = (float) solution[c];
                }
                int pk = factors.choice().rank();
                solvePickInto(u, pickScratch);
                for (int c = 0; c < pk; c++) {
                    cachedPick[u * pk + c] = (float) pickScratch[c];
                }
                cachedViews[u] = viewCount[u];
            }
            if (stale) {
                cachedVersion[u] = version;
            }
            x = cached;
            choice = true;
        }
        fill(x, off, film, out);
        double m = 0;
        if (choice && film >= 0 && film < factors.films()) {
            float[] y = factors.y();
            for (int c = 0; c < k; c++) {
                m += (double) cachedChoice[u * k + c] * y[film * k + c];
            }
        }
        out[3] = m;
        double pick = 0;
        ChoiceFactors cf = factors.choice();
        if (choice && film >= 0 && film < cf.films()) {
            int pk = cf.rank();
            float[] v = cf.v();
            for (int c = 0; c < pk; c++) {
                pick += (double) cachedPick[u * pk + c] * v[film * pk + c];
            }
        }
        out[4] = pick;
    }

    /**
     * The viewer's vector in the choice model ({@link ChoiceFactors}) from the films the viewer
     * chose before (first views only; a rewatch is not a choice among proposed films): one Newton
     * step of the logistic loss from 0 with the negatives at their expectation; zeros without views.
     */
    void solvePickInto(int u, double[] x) {
        Arrays.fill(x, 0);
        ChoiceFactors cf = factors.choice();
        int k = cf.rank();
        float[] v = cf.v();
        int o = u * pickWidth;
        int from = pickSumsViews[u];
        if (pickSumsVersion[u] != version) {
            Arrays.fill(pickSums, o, o + pickWidth, 0);
            from = 0;
        }
        for (int j = from; j < viewCount[u]; j++) {
            if (!viewFirst[u][j]) {
                continue;
            }
            int i = viewFilms[u][j];
            for (int r = 0; r < k; r++) {
                double vr = v[i * k + r];
                for (int c = 0; c < k; c++) {
                    pickSums[o + r * k + c] += vr * v[i * k + c];
                }
                pickSums[o + k * k + r] += vr;
            }
            pickSums[o + k * k + k]++;
        }
        pickSumsVersion[u] = version;
        pickSumsViews[u] = viewCount[u];
        double n = pickSums[o + k * k + k];
        if (n == 0) {
            return;
        }
        double kn = ChoiceFactors.NEGATIVES * n;
        double[] mean = cf.mean();
        double[] gram = cf.gram();
        double[] a = system;
        for (int r = 0; r < k; r++) {
            x[r] = 0.5 * (pickSums[o + k * k + r] - kn * mean[r]);
            for (int c = 0; c < k; c++) {
                a[r * k + c] = 0.25 * (pickSums[o + r * k + c] + kn * gram[r * k + c]);
            }
            a[r * k + r] += cf.lambda();
        }
        if (!SmallSolvers.choleskySolve(a, k, x)) {
            throw new IllegalStateException("taste fold-in: the choice system of viewer " + u + " is not positive definite");
        }
    }

    /**
     * The viewer's implicit-feedback vector z_u against the current factors: the user step of
     * implicit ALS (Hu, Koren, Volinsky 2008) over the viewer's views so far,
     * (YᵀY + Σ_views α y_i y_iᵀ + λI) z = Σ_films (1 + α·views_i) y_i; zeros without views.
     */
    void solveChoiceInto(int u, double[] z) {
        Arrays.fill(z, 0);
        int n = viewCount[u];
        if (n == 0) {
            return;
        }
        int k = factors.rank();
        float[] y = factors.y();
        double alpha = factors.alpha();
        double[] a = system;
        System.arraycopy(factors.gram(), 0, a, 0, k * k);
        for (int j = 0; j < n; j++) {
            int i = viewFilms[u][j];
            double w = alpha + (viewFirst[u][j] ? 1 : 0);
            for (int r = 0; r < k; r++) {
                double yr = y[i * k + r];
                for (int c = 0; c < k; c++) {
                    a[r * k + c] += alpha * yr * y[i * k + c];
                }
                z[r] += w * yr;
            }
        }
        for (int r = 0; r < k; r++) {
            a[r * k + r] += factors.implicitLambda();
        }
        if (!SmallSolvers.choleskySolve(a, k, z)) {
            throw new IllegalStateException("taste fold-in: the view system of viewer " + u + " is not positive definite");
        }
    }

    private void fill(float[] x, int off, int film, double[] out) {
        int k = factors.rank();
        double match = 0;
        double bu = 0;
        if (x != null) {
            bu = x[off + k];
            if (film >= 0 && film < factors.films()) {
                float[] q = factors.q();
                for (int c = 0; c < k; c++) {
                    match += (double) x[off + c] * q[film * k + c];
                }
            }
        }
        out[0] = match;
        out[1] = bu;
        out[2] = film >= 0 && film < factors.films() ? factors.bias()[film] : 0;
    }

    /**
     * The viewer's [x_u; b_u] against the current factors, written into {@code sol} (length
     * rank + 1); zeros without ratings. Reads the ratings and factors only.
     */
    void solveInto(int u, double[] sol) {
        Arrays.fill(sol, 0);
        int n = count[u];
        if (n == 0) {
            return;
        }
        int k = factors.rank();
        float[] q = factors.q();
        float[] bias = factors.bias();
        double[] a = system;
        Arrays.fill(a, 0);
        double[] f = new double[d];
        f[k] = 1;
        int used = 0;
        for (int j = 0; j < n; j++) {
            int i = films[u][j];
            if (factors.counts()[i] == 0) {
                continue; // a film without ratings in the fit has no vector; it says nothing about taste
            }
            for (int c = 0; c < k; c++) {
                f[c] = q[i * k + c];
            }
            double t = values[u][j] - factors.mu() - bias[i];
            for (int r = 0; r < d; r++) {
                for (int c = 0; c <= r; c++) {
                    a[r * d + c] += f[r] * f[c];
                }
                sol[r] += f[r] * t;
            }
            used++;
        }
        if (used == 0) {
            Arrays.fill(sol, 0);
            return;
        }
        double reg = factors.lambda() * used;
        for (int r = 0; r < d; r++) {
            a[r * d + r] += reg;
            for (int c = r + 1; c < d; c++) {
                a[r * d + c] = a[c * d + r];
            }
        }
        if (!SmallSolvers.choleskySolve(a, d, sol)) {
            throw new IllegalStateException("taste fold-in: the system of viewer " + u + " is not positive definite");
        }
    }
}
