package io.marquee.recommend.knn;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.RecommenderTrainer;
import io.marquee.recommend.data.CsrMatrix;

/**
 * Trains {@link ItemKnnModel}: fits the baselines b_ui = μ + b_u + b_i by ALS, then computes each
 * item's neighbour list (positive similarities, most similar first) from sparse co-rating sums.
 * Immutable; the same data gives bit-identical models (the parallel similarity computation is
 * deterministic, see {@link NeighbourLists}).
 */
public final class ItemKnnTrainer implements RecommenderTrainer<ItemKnnModel> {
    private final ItemKnnParams params;

    public ItemKnnTrainer(ItemKnnParams params) {
        if (params == null) {
            throw new InvalidInputException("item-kNN params must not be null");
        }
        this.params = params;
    }

    /** A trainer with {@link ItemKnnParams#defaults()}. */
    public ItemKnnTrainer() {
        this(ItemKnnParams.defaults());
    }

    @Override
    public String algorithm() {
        return ItemKnnModel.ALGORITHM;
    }

    @Override
    public ItemKnnParams params() {
        return params;
    }

    @Override
    public ItemKnnModel train(Interactions data, Progress progress) {
        long start = System.nanoTime();
        int n = data.size();
        if (n == 0) {
            throw new InvalidInputException("cannot train '" + ItemKnnModel.ALGORITHM + "' on empty data: " + data
                    + " has 0 interactions");
        }
        float[] values = data.valueArray();
        double sum = 0;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            float v = values[k];
            if (!Float.isFinite(v)) {
                throw InvalidInputException.of("value at entry " + k + " of the training data", v, "a finite number");
            }
            sum += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        CsrMatrix byUser = CsrMatrix.byUser(data);
        CsrMatrix byItem = CsrMatrix.byItem(data);
        KnnBaselines b = KnnBaselines.fit(byUser, byItem, sum / n, params.baselineEpochs(),
                params.userRegularization(), params.itemRegularization());

        double[] residual = new double[byUser.nnz()];
        int[] uPtr = byUser.rowPtrArray();
        int[] uCol = byUser.colArray();
        float[] uVal = byUser.valueArray();
        boolean pearson = params.similarity() == ItemKnnParams.Similarity.PEARSON_BASELINE;
        for (int u = 0; u < byUser.rows(); u++) {
            for (int p = uPtr[u]; p < uPtr[u + 1]; p++) {
                residual[p] = pearson
                        ? uVal[p] - (b.mean() + b.userBias()[u] + b.itemBias()[uCol[p]])
                        : uVal[p];
            }
        }
        NeighbourLists nl = NeighbourLists.compute(byItem, byUser, residual, params, progress);
        double wall = (System.nanoTime() - start) / 1e9;
        return new ItemKnnModel(ModelProvenance.of(ItemKnnModel.ALGORITHM, params, data.fingerprint()),
                new TrainingSummary(b.epochLoss(), wall), params, data.users(), data.items(), b.mean(), lo, hi,
                b.userBias(), b.itemBias(), nl.ptr(), nl.items(), nl.sims(), byUser.rowPtrArray(),
                byUser.colArray(), byUser.valueArray());
    }
}
