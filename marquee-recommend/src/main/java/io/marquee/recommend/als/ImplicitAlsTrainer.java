package io.marquee.recommend.als;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
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
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Alternating least squares for implicit feedback (Hu, Koren, Volinsky 2008, "Collaborative
 * filtering for implicit feedback datasets"), each least-squares problem solved approximately by a
 * few conjugate-gradient steps warm-started from the previous iteration's vector (Takács,
 * Pilászy, Tikk 2011, "Applications of the conjugate gradient method for implicit feedback
 * collaborative filtering").
 *
 * <p>Every interaction with value r ≥ {@code ratingThreshold} is a positive (p_ui = 1) with
 * confidence c_ui = 1 + α·r (or 1 + α·log(1 + r/ε)); every other user–item pair has p = 0 and
 * c = 1. Repeated (user, item) entries are merged by adding their values. The objective is
 * <pre>
 *   Σ_(u,i) c_ui (p_ui − x_u·y_i)² + λ (Σ_u ‖x_u‖² + Σ_i ‖y_i‖²)
 * </pre>
 * over all pairs. With Y fixed, user u's vector solves
 * <pre>
 *   (YᵀY + Yᵀ(C_u − I)Y + λI) x_u = Yᵀ C_u p_u
 * </pre>
 * where YᵀY is computed once per pass and the correction only runs over the user's positives, so a
 * CG step costs O(k² + n_u·k) and no k×k matrix is formed per user. The item pass is symmetric.
 * The objective after each iteration is in the training summary (the Σ over all pairs is computed
 * through the Gram matrix, not pair by pair).
 *
 * <p>Users and items without positives keep zero vectors. The model is identical for any thread
 * count: each row's solve reads only the fixed other side and the Gram matrix (summed in a fixed
 * block order) and writes its own row.
 */
public final class ImplicitAlsTrainer implements RecommenderTrainer<ImplicitAlsModel> {
    /** Algorithm name. */
    public static final String NAME = "ials";

    /** The algorithm as the CLI, registry and tuning see it. */
    public static final AlgorithmSpec<ImplicitAlsParams, ImplicitAlsModel> SPEC = new AlgorithmSpec<>(NAME,
            "implicit-feedback ALS with confidence weights, conjugate-gradient solves (Hu et al. 2008)",
            ImplicitAlsParams.defaults(), ImplicitAlsTrainer::new, ImplicitAlsModel::load, false);

    private static final Logger LOG = LoggerFactory.getLogger(ImplicitAlsTrainer.class);

    private final ImplicitAlsParams params;

    public ImplicitAlsTrainer(ImplicitAlsParams params) {
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
    public ImplicitAlsModel train(Interactions data, Progress progress) {
        Factors.requireUsable(data, NAME);
        long t0 = System.nanoTime();
        Interactions conf = confidences(data, params);
        int nUsers = data.users().size();
        int nItems = data.items().size();
        int k = params.rank();
        double lambda = params.regularization();
        CsrMatrix byUser = CsrMatrix.byUser(conf);
        CsrMatrix byItem = CsrMatrix.byItem(conf);

        SplittableRandom rnd = new SplittableRandom(params.seed());
        float[] x = Factors.random(nUsers, k, params.initScale(), rnd);
        float[] y = Factors.random(nItems, k, params.initScale(), rnd);
        for (int u = 0; u < nUsers; u++) {
            if (byUser.rowLength(u) == 0) {
                Arrays.fill(x, u * k, (u + 1) * k, 0f);
            }
        }
        for (int i = 0; i < nItems; i++) {
            if (byItem.rowLength(i) == 0) {
                Arrays.fill(y, i * k, (i + 1) * k, 0f);
            }
        }
        double[] userPenalty = new double[nUsers];
        double[] itemLoss = new double[nItems];
        double[] loss = new double[params.iterations()];
        int steps = params.cgSteps();

        progress.start("ials: iterations", params.iterations());
        try (RowParallel par = new RowParallel(params.threads(), "marquee-ials")) {
            for (int it = 0; it < params.iterations(); it++) {
                long ti = System.nanoTime();
                double[][] gy = Factors.rows(Factors.gram(y, nItems, k, par), k);
                par.forEachRow(nUsers, () -> new Scratch(k), (u, s) -> {
                    solveRow(byUser, u, y, gy, x, s, steps);
                    userPenalty[u] = lambda * normSquared(x, u * k, k);
                });
                double[][] gx = Factors.rows(Factors.gram(x, nUsers, k, par), k);
                par.forEachRow(nItems, () -> new Scratch(k), (i, s) -> {
                    solveRow(byItem, i, x, gx, y, s, steps);
                    itemLoss[i] = itemLoss(byItem, i, x, gx, y, s.v, s.ap, k) + lambda * normSquared(y, i * k, k);
                });
                double objective = 0;
                for (double v : itemLoss) {
                    objective += v;
                }
                for (double v : userPenalty) {
                    objective += v;
                }
                loss[it] = objective;
                progress.advance(1);
                LOG.debug("ials iteration {}: objective {} ({} s)", it + 1, objective, (System.nanoTime() - ti) / 1e9);
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
        return new ImplicitAlsModel(provenance, summary, data.users(), data.items(), k, x, y, userCounts,
                (float) lambda);
    }

    /**
     * The positives as interactions whose value is the confidence c: entries below the threshold
     * dropped, repeated (user, item) pairs merged by adding their values. Refuses negative values
     * among the positives and data with no positive at all.
     */
    static Interactions confidences(Interactions data, ImplicitAlsParams p) {
        int n = data.size();
        float[] v = data.valueArray();
        int kept = 0;
        for (int e = 0; e < n; e++) {
            if (v[e] >= p.ratingThreshold()) {
                if (v[e] < 0) {
                    throw InvalidInputException.of("value at entry " + e, v[e],
                            ">= 0 for ials (raise rating_threshold to ignore negative values)");
                }
                kept++;
            }
        }
        if (kept == 0) {
            throw new InvalidInputException("ials found no positive interaction: all " + n
                    + " values are below rating_threshold " + p.ratingThreshold());
        }
        int[] pos = new int[kept];
        int m = 0;
        for (int e = 0; e < n; e++) {
            if (v[e] >= p.ratingThreshold()) {
                pos[m++] = e;
            }
        }
        CsrMatrix rows = CsrMatrix.byUser(data.subset(pos));
        int[] cols = rows.colArray();
        float[] vals = rows.valueArray();
        int[] u = new int[kept];
        int[] i = new int[kept];
        float[] c = new float[kept];
        int out = 0;
        for (int r = 0; r < rows.rows(); r++) {
            int end = rows.rowEnd(r);
            for (int q = rows.rowStart(r); q < end; ) {
                int col = cols[q];
                double sum = 0;
                while (q < end && cols[q] == col) {
                    sum += vals[q++];
                }
                u[out] = r;
                i[out] = col;
                c[out] = (float) p.confidenceOf(sum);
                out++;
            }
        }
        return new Interactions(data.users(), data.items(), Arrays.copyOf(u, out), Arrays.copyOf(i, out),
                Arrays.copyOf(c, out), new long[out]);
    }

    /** Per-thread CG buffers. */
    static final class Scratch {
        final double[] v;
        final double[] r;
        final double[] p;
        final double[] ap;

        Scratch(int k) {
            v = new double[k];
            r = new double[k];
            p = new double[k];
            ap = new double[k];
        }
    }

    private static double normSquared(float[] f, int off, int k) {
        double s = 0;
        for (int a = 0; a < k; a++) {
            s += (double) f[off + a] * f[off + a];
        }
        return s;
    }

    /** Reads row {@code row}'s vector, runs the CG steps against the other side, writes it back. */
    private void solveRow(CsrMatrix m, int row, float[] other, double[][] gram, float[] own, Scratch s, int steps) {
        int k = params.rank();
        int off = row * k;
        int start = m.rowStart(row);
        int end = m.rowEnd(row);
        if (start == end) {
            Arrays.fill(own, off, off + k, 0f);
            return;
        }
        double[] xv = s.v;
        for (int a = 0; a < k; a++) {
            xv[a] = own[off + a];
        }
        conjugateGradient(m.colArray(), m.valueArray(), start, end, other, k, gram, params.regularization(), xv,
                steps, s.r, s.p, s.ap);
        for (int a = 0; a < k; a++) {
            own[off + a] = (float) xv[a];
        }
    }

    /**
     * CG steps on (G + Σ_q (c_q − 1) y_q y_qᵀ + λI) x = Σ_q c_q y_q, where q runs over entries
     * {@code start … end-1} of {@code cols}/{@code conf}, y_q is row {@code cols[q]} of
     * {@code other} (rank {@code k}) and G is the symmetric k×k Gram matrix given by rows. Starts
     * from {@code x} and updates it in place; stops early when the squared residual falls below
     * 1e-20·‖b‖². Each step costs one G·p (k²) and two passes over the row's entries (2·n·k).
     *
     * @return the number of steps taken
     */
    static int conjugateGradient(int[] cols, float[] conf, int start, int end, float[] other, int k, double[][] gram,
                                 double lambda, double[] x, int steps, double[] r, double[] p, double[] ap) {
        // r = b − A x with b = Σ c y and A x = G x + λ x + Σ (c − 1)(y·x) y; p holds b meanwhile
        Factors.symmetricTimes(gram, x, r, k);
        for (int a = 0; a < k; a++) {
            r[a] = -r[a] - lambda * x[a];
            p[a] = 0;
        }
        for (int q = start; q < end; q++) {
            int off = cols[q] * k;
            double c = conf[q];
            double coef = c - (c - 1) * Factors.dot(other, off, x, k);
            for (int a = 0; a < k; a++) {
                double ya = other[off + a];
                r[a] += coef * ya;
                p[a] += c * ya;
            }
        }
        double bb = 0;
        double rs = 0;
        for (int a = 0; a < k; a++) {
            bb += p[a] * p[a];
            p[a] = r[a];
            rs += r[a] * r[a];
        }
        double tol = 1e-20 * bb;
        int taken = 0;
        while (taken < steps && rs > tol) {
            Factors.symmetricTimes(gram, p, ap, k);
            for (int a = 0; a < k; a++) {
                ap[a] += lambda * p[a];
            }
            for (int q = start; q < end; q++) {
                int off = cols[q] * k;
                double coef = (conf[q] - 1) * Factors.dot(other, off, p, k);
                for (int a = 0; a < k; a++) {
                    ap[a] += coef * other[off + a];
                }
            }
            double pAp = 0;
            for (int a = 0; a < k; a++) {
                pAp += p[a] * ap[a];
            }
            if (!(pAp > 0)) {
                break;
            }
            double alpha = rs / pAp;
            double rsNew = 0;
            for (int a = 0; a < k; a++) {
                x[a] += alpha * p[a];
                r[a] -= alpha * ap[a];
                rsNew += r[a] * r[a];
            }
            double beta = rsNew / rs;
            for (int a = 0; a < k; a++) {
                p[a] = r[a] + beta * p[a];
            }
            rs = rsNew;
            taken++;
        }
        return taken;
    }

    /**
     * Item i's part of the objective without its penalty: y_iᵀ G_X y_i (every pair counted as
     * unobserved) corrected on the observed pairs by c(1 − s)² − s².
     */
    private static double itemLoss(CsrMatrix m, int item, float[] x, double[][] gx, float[] y, double[] v,
                                   double[] gv, int k) {
        int off = item * k;
        for (int a = 0; a < k; a++) {
            v[a] = y[off + a];
        }
        Factors.symmetricTimes(gx, v, gv, k);
        double all = 0;
        for (int a = 0; a < k; a++) {
            all += v[a] * gv[a];
        }
        int[] cols = m.colArray();
        float[] conf = m.valueArray();
        for (int q = m.rowStart(item); q < m.rowEnd(item); q++) {
            double s = Factors.dot(x, cols[q] * k, y, off, k);
            all += conf[q] * (1 - s) * (1 - s) - s * s;
        }
        return all;
    }
}
