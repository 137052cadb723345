package io.marquee.recommend.mf;

import io.marquee.core.data.IdIndex;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.recommend.ModelIO;

/**
 * A biased matrix-factorisation model, {@code r̂(u, i) = μ + b_u + b_i + p_u · q_i}, trained by
 * {@link MfTrainer}. Predictions are clipped to the rating range seen in training; {@link #score}
 * and {@link #scoreAll} are unclipped. A user without training ratings is not known and gets
 * μ + b_i; an item without ratings contributes nothing beyond μ + b_u. Immutable and thread-safe.
 *
 * <p>{@link #userRegularization()} is the λ of {@link MfParams#regularization()}. SGD applies it with
 * every rating, so a user with n training ratings carries an effective ridge penalty λ·n on p_u;
 * an exact fold-in solves (QᵀQ + λ n I) p = Qᵀ(r − μ − b_u − b_i) over the user's items.
 *
 * <p>Archive: {@code scalars} (float32[4]: μ, min rating, max rating, λ), {@code user_bias},
 * {@code item_bias}, {@code user_factors} (users × k), {@code item_factors} (items × k), all
 * float32, and {@code user_counts}, {@code item_counts} (int32).
 */
public final class MfModel extends BiasedFactorModel {
    MfModel(ModelProvenance provenance, TrainingSummary summary, IdIndex users, IdIndex items, int k, float mean,
            float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors, int[] userCounts,
            int[] itemCounts, float min, float max, float regularization) {
        super(provenance, summary, users, items, k, mean, userBias, itemBias, userFactors, itemFactors, userCounts,
                itemCounts, min, max, regularization);
    }

    /** The user factors p, row-major users × k; read only. */
    public float[] userFactorArray() {
        return userVectors;
    }

    @Override
    public ModelArchive.Writer toArchive() {
        return ModelIO.writer(this, users, items)
                .floats("scalars", scalars())
                .floats("user_bias", userBias)
                .floats("item_bias", itemBias)
                .floats("user_factors", userVectors, users.size(), k)
                .floats("item_factors", itemFactors, items.size(), k)
                .ints("user_counts", userCounts)
                .ints("item_counts", itemCounts);
    }
}
