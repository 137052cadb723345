package io.marquee.recommend.knn;

import io.marquee.recommend.data.CsrMatrix;

/**
 * Regularised baselines b_ui = μ + b_u + b_i fitted by alternating least squares, as Surprise's
 * {@code BaselineOnly(method='als')} does: each sweep sets every item bias, then every user bias,
 * to its regularised mean residual,
 * <pre>
 *   b_i = Σ_{u ∈ U_i} (r_ui − μ − b_u) / (λ_i + |U_i|)
 *   b_u = Σ_{i ∈ I_u} (r_ui − μ − b_i) / (λ_u + |I_u|)
 * </pre>
 * Written here rather than taken from the baseline package so that item-kNN has no dependency
 * on another algorithm's internals.
 *
 * @param mean       μ
 * @param userBias   b_u per user index
 * @param itemBias   b_i per item index
 * @param epochLoss  regularised squared error per sweep, divided by the number of ratings
 */
record KnnBaselines(float mean, float[] userBias, float[] itemBias, double[] epochLoss) {

    static KnnBaselines fit(CsrMatrix byUser, CsrMatrix byItem, double mean, int epochs, double regUser,
                            double regItem) {
        int users = byUser.rows();
        int items = byItem.rows();
        double[] bu = new double[users];
        double[] bi = new double[items];
        double[] losses = new double[epochs];
        int[] iPtr = byItem.rowPtrArray();
        int[] iCol = byItem.colArray();
        float[] iVal = byItem.valueArray();
        int[] uPtr = byUser.rowPtrArray();
        int[] uCol = byUser.colArray();
        float[] uVal = byUser.valueArray();
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < items; i++) {
                double dev = 0;
                for (int p = iPtr[i]; p < iPtr[i + 1]; p++) {
                    dev += iVal[p] - mean - bu[iCol[p]];
                }
                bi[i] = dev / (regItem + (iPtr[i + 1] - iPtr[i]));
            }
            double sq = 0;
            double regTerm = 0;
            for (int u = 0; u < users; u++) {
                double dev = 0;
                for (int p = uPtr[u]; p < uPtr[u + 1]; p++) {
                    dev += uVal[p] - mean - bi[uCol[p]];
                }
                bu[u] = dev / (regUser + (uPtr[u + 1] - uPtr[u]));
                for (int p = uPtr[u]; p < uPtr[u + 1]; p++) {
                    double err = uVal[p] - mean - bu[u] - bi[uCol[p]];
                    sq += err * err;
                }
                regTerm += regUser * bu[u] * bu[u];
            }
            for (double b : bi) {
                regTerm += regItem * b * b;
            }
            losses[e] = (sq + regTerm) / Math.max(1, byUser.nnz());
        }
        float[] fu = new float[users];
        float[] fi = new float[items];
        for (int u = 0; u < users; u++) {
            fu[u] = (float) bu[u];
        }
        for (int i = 0; i < items; i++) {
            fi[i] = (float) bi[i];
        }
        return new KnnBaselines((float) mean, fu, fi, losses);
    }
}
