package io.marquee.recommend.knn;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.recommend.RecommenderTrainer;
import io.marquee.recommend.baseline.BiasModel;
import io.marquee.recommend.baseline.BiasParams;
import io.marquee.recommend.baseline.BiasTrainer;
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
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            float v = values[k];
            if (!Float.isFinite(v)) {
                throw InvalidInputException.of("value at entry " + k + " of the training data", v, "a finite number");
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        CsrMatrix byUser = CsrMatrix.byUser(data);
        CsrMatrix byItem = CsrMatrix.byItem(data);
        // the regularised baselines b_ui = mu + b_u + b_i are exactly those of the 'baseline' algorithm
        BiasModel b = new BiasTrainer(new BiasParams(params.userRegularization(), params.itemRegularization(),
                params.baselineEpochs(), params.seed())).train(data, Progress.NONE);
        float[] userBias = new float[byUser.rows()];
        float[] itemBias = new float[byItem.rows()];
        for (int u = 0; u < userBias.length; u++) {
            userBias[u] = b.userBias(u);
        }
        for (int i = 0; i < itemBias.length; i++) {
            itemBias[i] = b.itemBias(i);
        }

        double[] residual = new double[byUser.nnz()];
        int[] uPtr = byUser.rowPtrArray();
        int[] uCol = byUser.colArray();
        float[] uVal = byUser.valueArray();
        boolean pearson = params.similarity() == ItemKnnParams.Similarity.PEARSON_BASELINE;
        for (int u = 0; u < byUser.rows(); u++) {
            for (int p = uPtr[u]; p < uPtr[u + 1]; p++) {
                residual[p] = pearson
                        ? uVal[p] - (b.globalMean() + userBias[u] + itemBias[uCol[p]])
                        : uVal[p];
            }
        }
        NeighbourLists nl = NeighbourLists.compute(byItem, byUser, residual, params, progress);
        double wall = (System.nanoTime() - start) / 1e9;
        return new ItemKnnModel(ModelProvenance.of(ItemKnnModel.ALGORITHM, params, data.fingerprint()),
                new TrainingSummary(b.summary().epochLoss(), wall), params, data.users(), data.items(),
                b.globalMean(), lo, hi, userBias, itemBias, nl.ptr(), nl.items(), nl.sims(), byUser.rowPtrArray(),
                byUser.colArray(), byUser.valueArray());
    }
}
