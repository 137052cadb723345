package io.marquee.recommend.knn;

import io.marquee.core.progress.Progress;
import io.marquee.recommend.data.CsrMatrix;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.stream.IntStream;

/**
 * Each item's most similar items, computed from sparse co-rating sums and stored in CSR form:
 * row i lists the items j with s_ij &gt; 0, most similar first (equal similarities: lower index
 * first).
 *
 * <p>Row i is computed on its own: for every user u who rated i and every other item j that u rated,
 * the co-rating count and the needed products are accumulated in dense per-thread arrays
 * (O(Σ_u |I_u|²) in all). Rows are independent and each sums in a fixed order (users ascending),
 * so the parallel computation gives the same bits as a serial one, and s_ij equals s_ji exactly.
 *
 * @param ptr   row pointers, length items + 1
 * @param items neighbour item indices
 * @param sims  their similarities
 */
record NeighbourLists(int[] ptr, int[] items, float[] sims) {
    private static final int CHUNK = 128;

    /** Number of items. */
    int size() {
        return ptr.length - 1;
    }

    /**
     * @param byItem   the training ratings, rows items
     * @param byUser   the same, rows users
     * @param residual value used per entry of {@code byUser} (raw rating for cosine, r − b_ui for Pearson)
     */
    static NeighbourLists compute(CsrMatrix byItem, CsrMatrix byUser, double[] residual, ItemKnnParams params,
                                  Progress progress) {
        int n = byItem.rows();
        boolean pearson = params.similarity() == ItemKnnParams.Similarity.PEARSON_BASELINE;
        // residual by item entry: position of (i, u) in byItem → same value as (u, i) in byUser
        double[] itemResidual = alignToItems(byItem, byUser, residual);
        double[] norm2 = new double[n];
        if (!pearson) {
            int[] iPtr = byItem.rowPtrArray();
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int p = iPtr[i]; p < iPtr[i + 1]; p++) {
                    s += itemResidual[p] * itemResidual[p];
                }
                norm2[i] = s;
            }
        }
        int[][] rowItems = new int[n][];
        float[][] rowSims = new float[n][];
        ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(() -> new Workspace(n));
        progress.start("item similarities", n);
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            IntStream.range(from, to).parallel().forEach(i -> {
                Workspace w = workspaces.get();
                computeRow(i, byItem, byUser, residual, itemResidual, norm2, pearson, params, w);
                rowItems[i] = w.outItems;
                rowSims[i] = w.outSims;
                w.outItems = null;
                w.outSims = null;
            });
            progress.advance(to - from);
        }
        progress.finish();
        int[] ptr = new int[n + 1];
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = ptr[i] + rowItems[i].length;
        }
        int[] items = new int[ptr[n]];
        float[] sims = new float[ptr[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowItems[i], 0, items, ptr[i], rowItems[i].length);
            System.arraycopy(rowSims[i], 0, sims, ptr[i], rowSims[i].length);
        }
        return new NeighbourLists(ptr, items, sims);
    }

    private static void computeRow(int i, CsrMatrix byItem, CsrMatrix byUser, double[] residual,
                                   double[] itemResidual, double[] norm2, boolean pearson, ItemKnnParams params,
                                   Workspace w) {
        int[] iPtr = byItem.rowPtrArray();
        int[] iCol = byItem.colArray();
        int[] uPtr = byUser.rowPtrArray();
        int[] uCol = byUser.colArray();
        int touched = 0;
        for (int p = iPtr[i]; p < iPtr[i + 1]; p++) {
            int u = iCol[p];
            double di = itemResidual[p];
            for (int q = uPtr[u]; q < uPtr[u + 1]; q++) {
                int j = uCol[q];
                if (j == i) {
                    continue;
                }
                if (w.freq[j] == 0) {
                    w.touched[touched++] = j;
                }
                double dj = residual[q];
                w.freq[j]++;
                w.prod[j] += di * dj;
                if (pearson) {
                    w.sqI[j] += di * di;
                    w.sqJ[j] += dj * dj;
                }
            }
        }
        int kept = 0;
        double lambda = params.shrinkage();
        int minSupport = params.minSupport();
        for (int t = 0; t < touched; t++) {
            int j = w.touched[t];
            int n = w.freq[j];
            double s = 0;
            if (n >= minSupport) {
                if (pearson) {
                    double den = Math.sqrt(w.sqI[j] * w.sqJ[j]);
                    if (den > 0) {
                        s = w.prod[j] / den * ((n - 1) / (n - 1 + lambda));
                    }
                } else {
                    double den = Math.sqrt(norm2[i] * norm2[j]);
                    if (den > 0) {
                        s = w.prod[j] / den;
                    }
                }
            }
            float fs = (float) s;
            if (fs > 0 && Float.isFinite(fs)) {
                w.candItems[kept] = j;
                w.candSims[kept] = fs;
                kept++;
            }
            w.freq[j] = 0;
            w.prod[j] = 0;
            w.sqI[j] = 0;
            w.sqJ[j] = 0;
        }
        int[] order = new int[kept];
        for (int c = 0; c < kept; c++) {
            order[c] = c;
        }
        float[] cs = w.candSims;
        int[] ci = w.candItems;
        IntArrays.quickSort(order, (a, b) -> {
            int bySim = Float.compare(cs[b], cs[a]);
            return bySim != 0 ? bySim : Integer.compare(ci[a], ci[b]);
        });
        int keep = params.maxNeighbours() == 0 ? kept : Math.min(kept, params.maxNeighbours());
        int[] outItems = new int[keep];
        float[] outSims = new float[keep];
        for (int c = 0; c < keep; c++) {
            outItems[c] = ci[order[c]];
            outSims[c] = cs[order[c]];
        }
        w.outItems = outItems;
        w.outSims = outSims;
    }

    /** The value of each byItem entry, looked up from the byUser-aligned array. */
    private static double[] alignToItems(CsrMatrix byItem, CsrMatrix byUser, double[] residual) {
        double[] out = new double[byItem.nnz()];
        int[] next = byItem.rowPtrArray().clone();
        int[] uPtr = byUser.rowPtrArray();
        int[] uCol = byUser.colArray();
        // users ascending within each item row, matching byItem's column order
        for (int u = 0; u < byUser.rows(); u++) {
            for (int q = uPtr[u]; q < uPtr[u + 1]; q++) {
                out[next[uCol[q]]++] = residual[q];
            }
        }
        return out;
    }

    private static final class Workspace {
        final int[] freq;
        final double[] prod;
        final double[] sqI;
        final double[] sqJ;
        final int[] touched;
        final int[] candItems;
        final float[] candSims;
        int[] outItems;
        float[] outSims;

        Workspace(int n) {
            freq = new int[n];
            prod = new double[n];
            sqI = new double[n];
            sqJ = new double[n];
            touched = new int[n];
            candItems = new int[n];
            candSims = new float[n];
        }
    }
}
