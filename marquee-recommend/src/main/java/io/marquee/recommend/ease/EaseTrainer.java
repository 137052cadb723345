package io.marquee.recommend.ease;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.Params;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.RecommenderTrainer;
import io.marquee.recommend.data.CsrMatrix;
import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EASE, "Embarrassingly shallow autoencoders for sparse data" (Steck 2019): an item × item weight
 * matrix B with a zero diagonal that best reconstructs the binary user × item matrix X,
 * <pre>
 *   min_B ‖X − XB‖²_F + λ‖B‖²_F   subject to diag(B) = 0,
 * </pre>
 * whose closed form is G = XᵀX + λI, P = G⁻¹, B_ij = −P_ij / P_jj (i ≠ j), B_jj = 0. A user's
 * scores are x_u B.
 *
 * <p>X_ui = 1 when the user has an interaction with value ≥ {@code ratingThreshold} with the
 * item (repeats count once). G is symmetric positive definite (λ &gt; 0), so P comes from EJML's
 * Cholesky-based solver for SPD matrices ({@link LinearSolverFactory_DDRM#symmPosDef}).
 * Deterministic: the closed form draws nothing at random and EJML's solver is single-threaded.
 *
 * <p>Catalogues of more than {@code maxItems} items are refused, as is a catalogue whose
 * matrices would not fit the heap: training holds G, its Cholesky factor in EJML's block layout
 * and P (8 bytes each per item pair), and the model holds B as floats. Time grows as items³.
 */
public final class EaseTrainer implements RecommenderTrainer<EaseModel> {
    /** Algorithm name. */
    public static final String NAME = "ease";

    /** The algorithm as the CLI, registry and tuning see it. */
    public static final AlgorithmSpec<EaseParams, EaseModel> SPEC = new AlgorithmSpec<>(NAME,
            "EASE item-item closed-form linear model on binary interactions (Steck 2019)",
            EaseParams.defaults(), EaseTrainer::new, EaseModel::load, false);

    private final EaseParams params;

    public EaseTrainer(EaseParams params) {
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
    public EaseModel train(Interactions data, Progress progress) {
        if (data == null || data.size() == 0) {
            throw new InvalidInputException("training data is empty: ease needs at least one interaction");
        }
        long t0 = System.nanoTime();
        int n = data.items().size();
        if (n > params.maxItems()) {
            throw new InvalidInputException("ease keeps a dense items × items matrix: the catalogue has " + n
                    + " items, more than max_items " + params.maxItems() + " (training would need about "
                    + gib(24.0 * n * n) + " of heap); raise max_items or use ials for large catalogues");
        }
        Runtime rt = Runtime.getRuntime();
        double need = 24.0 * n * n + 4.0 * n * n;
        double available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > available) {
            throw new InvalidInputException("ease on " + n + " items needs about " + gib(need)
                    + " of heap, only " + gib(available) + " is available; use a larger -Xmx or ials");
        }
        progress.start("ease: gram, inverse, weights", 3);
        try {
            CsrMatrix x = positives(data, params.ratingThreshold());
            DMatrixRMaj g = gram(x, n, params.regularization());
            progress.advance(1);
            DMatrixRMaj p = new DMatrixRMaj(n, n);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
            if (!solver.setA(g)) {
                throw new IllegalStateException("ease: XᵀX + λI is not positive definite (λ "
                        + params.regularization() + ")");
            }
            solver.invert(p);
            solver = null;
            g = null;
            progress.advance(1);
            float[] b = weights(p.data, n);
            progress.advance(1);
            int[] userCounts = new int[x.rows()];
            for (int u = 0; u < userCounts.length; u++) {
                userCounts[u] = x.rowLength(u);
            }
            TrainingSummary summary = new TrainingSummary(new double[0], (System.nanoTime() - t0) / 1e9);
            ModelProvenance provenance = ModelProvenance.of(NAME, params, data.fingerprint());
            return new EaseModel(provenance, summary, data.users(), data.items(), b, x.rowPtrArray(), x.colArray());
        } finally {
            progress.finish();
        }
    }

    /** X as a users × items CSR of ones: values below the threshold dropped, repeats merged. */
    static CsrMatrix positives(Interactions data, double threshold) {
        float[] v = data.valueArray();
        int kept = 0;
        for (float f : v) {
            if (f >= threshold) {
                kept++;
            }
        }
        if (kept == 0) {
            throw new InvalidInputException("ease found no positive interaction: all " + data.size()
                    + " values are below rating_threshold " + threshold);
        }
        int[] pos = new int[kept];
        int m = 0;
        for (int e = 0; e < v.length; e++) {
            if (v[e] >= threshold) {
                pos[m++] = e;
            }
        }
        CsrMatrix rows = CsrMatrix.byUser(data.subset(pos));
        int[] cols = rows.colArray();
        int[] ptr = new int[rows.rows() + 1];
        int[] out = new int[kept];
        int o = 0;
        for (int r = 0; r < rows.rows(); r++) {
            int last = -1;
            for (int q = rows.rowStart(r); q < rows.rowEnd(r); q++) {
                if (cols[q] != last) {
                    out[o++] = cols[q];
                    last = cols[q];
                }
            }
            ptr[r + 1] = o;
        }
        float[] ones = new float[o];
        Arrays.fill(ones, 1f);
        return new CsrMatrix(rows.rows(), rows.cols(), ptr, Arrays.copyOf(out, o), ones);
    }

    /** G = XᵀX + λI, dense. */
    static DMatrixRMaj gram(CsrMatrix x, int n, double lambda) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        double[] d = g.data;
        int[] cols = x.colArray();
        for (int u = 0; u < x.rows(); u++) {
            int start = x.rowStart(u);
            int end = x.rowEnd(u);
            for (int a = start; a < end; a++) {
                int row = cols[a] * n;
                for (int b = start; b < end; b++) {
                    d[row + cols[b]] += 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            d[i * n + i] += lambda;
        }
        return g;
    }

    /** B_ij = −P_ij / P_jj off the diagonal, 0 on it. */
    static float[] weights(double[] p, int n) {
        float[] b = new float[n * n];
        double[] inv = new double[n];
        for (int j = 0; j < n; j++) {
            inv[j] = -1.0 / p[j * n + j];
        }
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                b[row + j] = i == j ? 0f : (float) (p[row + j] * inv[j]);
            }
        }
        return b;
    }

    private static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
    }
}
