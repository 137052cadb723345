package io.marquee.recommend.knn;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import io.marquee.recommend.ParamsBinder;
import java.util.Map;

/**
 * Params of {@link ItemKnnTrainer} (the {@code itemknn} algorithm). Defaults follow Surprise's
 * {@code KNNBaseline} with item-based {@code pearson_baseline} similarity (k = 40, shrinkage 100,
 * baselines by ALS with λ_i = 10, λ_u = 15, 10 sweeps). See
 * {@code docs/recommender-knn-explain-online.md} for the equations.
 *
 * @param similarity         how item–item similarity is measured (default {@link Similarity#PEARSON_BASELINE})
 * @param k                  neighbours used per prediction: the k most similar items the user rated (default 40)
 * @param shrinkage          λ of the Pearson shrinkage factor (n−1)/(n−1+λ); unused by
 *                           {@link Similarity#COSINE} (default 100)
 * @param minSupport         pairs with fewer co-raters than this get similarity 0 (default 1)
 * @param maxNeighbours      similar items kept per item, most similar first; 0 keeps every item
 *                           with positive similarity (default 0; must otherwise be at least k)
 * @param scoring            how {@code scoreAll} ranks items for top-N lists (default
 *                           {@link Scoring#SIMILARITY_SUM})
 * @param baselineEpochs     ALS sweeps of the baseline fit (default 10)
 * @param itemRegularization λ_i of the item biases (default 10)
 * @param userRegularization λ_u of the user biases (default 15)
 * @param seed               unused (training is deterministic), recorded in provenance
 */
public record ItemKnnParams(Similarity similarity, int k, double shrinkage, int minSupport, int maxNeighbours,
                            Scoring scoring, int baselineEpochs, double itemRegularization,
                            double userRegularization, long seed) implements Params {

    /** Item–item similarity measures. */
    public enum Similarity {
        /**
         * Cosine of the items' rating columns over all users:
         * s_ij = Σ_u r_ui r_uj / (‖r_i‖ ‖r_j‖). Pairs with few co-raters are naturally small, so no
         * shrinkage is applied.
         */
        COSINE,
        /**
         * Pearson correlation of baseline residuals r_ui − b_ui over the co-raters, shrunk by
         * (n_ij − 1)/(n_ij − 1 + shrinkage) (Koren 2010; Surprise {@code pearson_baseline}).
         */
        PEARSON_BASELINE
    }

    /** What {@code scoreAll} returns for a known user (the rating prediction is always the same). */
    public enum Scoring {
        /**
         * Σ of the positive similarities between the item and the (up to k) most similar items the
         * user rated: "how close is this film to what you watched". Classic top-N item-kNN.
         */
        SIMILARITY_SUM,
        /** The unclipped rating prediction b_ui + weighted residuals of the neighbours. */
        RATING
    }

    public ItemKnnParams {
        if (similarity == null) {
            throw InvalidInputException.of("similarity", null, "one of cosine, pearson_baseline");
        }
        if (scoring == null) {
            throw InvalidInputException.of("scoring", null, "one of similarity_sum, rating");
        }
        if (k < 1 || k > 100_000) {
            throw InvalidInputException.of("k", k, "between 1 and 100000");
        }
        nonNegative("shrinkage", shrinkage);
        if (minSupport < 1) {
            throw InvalidInputException.of("min_support", minSupport, "at least 1");
        }
        if (maxNeighbours != 0 && maxNeighbours < k) {
            throw InvalidInputException.of("max_neighbours", maxNeighbours, "0 (keep all) or at least k=" + k);
        }
        if (maxNeighbours < 0) {
            throw InvalidInputException.of("max_neighbours", maxNeighbours, "0 (keep all) or at least k=" + k);
        }
        if (baselineEpochs < 1 || baselineEpochs > 10_000) {
            throw InvalidInputException.of("baseline_epochs", baselineEpochs, "between 1 and 10000");
        }
        nonNegative("item_regularization", itemRegularization);
        nonNegative("user_regularization", userRegularization);
    }

    /** Pearson-baseline, k = 40, shrinkage 100, min support 1, all neighbours kept, similarity-sum ranking. */
    public static ItemKnnParams defaults() {
        return new ItemKnnParams(Similarity.PEARSON_BASELINE, 40, 100, 1, 0, Scoring.SIMILARITY_SUM, 10, 10, 15, 42);
    }

    @Override
    public Map<String, Object> toMap() {
        return ParamsBinder.toMap(this);
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw InvalidInputException.of(field, value, "a finite number >= 0");
        }
    }
}
