package io.marquee.recommend.mf;

import io.marquee.core.data.IdIndex;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.recommend.FactorKernels;
import io.marquee.recommend.FactorModel;
import io.marquee.recommend.FactorTopN;
import io.marquee.recommend.RatingModel;
import io.marquee.recommend.Recommendations;
import io.marquee.recommend.baseline.RatingStats;
import java.util.function.IntPredicate;

/**
 * What {@link MfModel} and {@link SvdppModel} share: {@code score(u, i) = μ + b_u + b_i + x_u · q_i}
 * with x_u the user's effective vector, predictions clipped to the training rating range, and the
 * unknown-user rule (a user without training ratings has x_u = 0 and b_u = 0, so gets μ + b_i).
 * Arrays are owned by the model and never written after construction.
 */
abstract class BiasedFactorModel implements RatingModel, FactorModel {
    final ModelProvenance provenance;
    final TrainingSummary summary;
    final IdIndex users;
    final IdIndex items;
    final int k;
    final float mean;
    final float[] userBias;
    final float[] itemBias;
    /** Effective user vectors x_u, users × k, row-major; zero rows for unknown users. */
    final float[] userVectors;
    final float[] itemFactors;
    /** The item factors and biases in the tiled layout of {@link FactorKernels#tile}, for {@link #scoreAll}. */
    private final FactorKernels.Tiles itemTiles;
    /** The 16-bit copy of the item factors and biases, for {@link #topN}. */
    private final FactorTopN topNIndex;
    final int[] userCounts;
    final int[] itemCounts;
    final float min;
    final float max;
    final float regularization;

    BiasedFactorModel(ModelProvenance provenance, TrainingSummary summary, IdIndex users, IdIndex items, int k,
                      float mean, float[] userBias, float[] itemBias, float[] userVectors, float[] itemFactors,
                      int[] userCounts, int[] itemCounts, float min, float max, float regularization) {
        int nu = users.size();
        int ni = items.size();
        if (k < 1 || userBias.length != nu || itemBias.length != ni || userVectors.length != (long) nu * k
                || itemFactors.length != (long) ni * k || userCounts.length != nu || itemCounts.length != ni) {
            throw new InvalidInputException("model arrays do not match " + nu + " users, " + ni + " items and rank "
                    + k);
        }
        this.provenance = provenance;
        this.summary = summary;
        this.users = users;
        this.items = items;
        this.k = k;
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userVectors = userVectors;
        this.itemFactors = itemFactors;
        this.itemTiles = FactorKernels.tile(itemFactors, itemBias, ni, k);
        this.topNIndex = FactorTopN.build(itemFactors, itemBias, ni, k);
        this.userCounts = userCounts;
        this.itemCounts = itemCounts;
        this.min = min;
        this.max = max;
        this.regularization = regularization;
    }

    /** Predicted rating, clipped to [{@link #minRating()}, {@link #maxRating()}]. */
    @Override
    public float predict(int user, int item) {
        return RatingStats.clip(score(user, item), min, max);
    }

    /** The unclipped μ + b_u + b_i + x_u · q_i (μ + b_i for an unknown user, μ + b_u for an unknown item). */
    @Override
    public float score(int user, int item) {
        boolean knownItem = item >= 0 && item < itemBias.length;
        float s = mean + (knownItem ? itemBias[item] : 0f);
        if (knowsUser(user)) {
            s += userBias[user];
            if (knownItem) {
                s += Sgd.dot(userVectors, user * k, itemFactors, item * k, k);
            }
        }
        return s;
    }

    /**
     * Unclipped scores (so the order among items predicted above the top rating is kept): for a
     * known user {@code (μ + b_u + b_i) + x_u · q_i}, computed by {@link FactorKernels#scoreAllFourLane}
     * with the same float operations in the same order as {@link Sgd#dot}, so each entry equals the
     * item-by-item loop bit for bit.
     */
    @Override
    public void scoreAll(int user, float[] out) {
        int ni = itemBias.length;
        if (!knowsUser(user)) {
            for (int i = 0; i < ni; i++) {
                out[i] = mean + itemBias[i];
            }
            return;
        }
        FactorKernels.scoreAllFourLane(userVectors, user * k, itemTiles, mean + userBias[user], out);
    }

    /**
     * The best n items by {@link #scoreAll}, found with {@link FactorTopN}: the same list, scores bit
     * for bit, without scoring every item.
     */
    @Override
    public Recommendations topN(int user, int n, IntPredicate exclude) {
        if (!knowsUser(user)) {
            return RatingModel.super.topN(user, n, exclude);
        }
        float offset = mean + userBias[user];
        return topNIndex.topN(userVectors, user * k, offset, n, exclude,
                i -> (offset + itemBias[i]) + FactorKernels.dot(userVectors, user, itemFactors, i, k));
    }

    @Override
    public FactorTopN topNIndex() {
        return topNIndex;
    }

    @Override
    public boolean knowsUser(int user) {
        return user >= 0 && user < userCounts.length && userCounts[user] > 0;
    }

    /** Whether the item had ratings in training. */
    public boolean knowsItem(int item) {
        return item >= 0 && item < itemCounts.length && itemCounts[item] > 0;
    }

    /** Smallest rating seen in training (the lower clip of predictions). */
    public float minRating() {
        return min;
    }

    /** Largest rating seen in training (the upper clip of predictions). */
    public float maxRating() {
        return max;
    }

    @Override
    public int rank() {
        return k;
    }

    @Override
    public float globalMean() {
        return mean;
    }

    @Override
    public float userBias(int user) {
        return knowsUser(user) ? userBias[user] : 0f;
    }

    @Override
    public float itemBias(int item) {
        return item >= 0 && item < itemBias.length ? itemBias[item] : 0f;
    }

    @Override
    public void userVector(int user, float[] out) {
        if (knowsUser(user)) {
            System.arraycopy(userVectors, user * k, out, 0, k);
        } else {
            java.util.Arrays.fill(out, 0, k, 0f);
        }
    }

    @Override
    public float[] itemFactorArray() {
        return itemFactors;
    }

    @Override
    public float userRegularization() {
        return regularization;
    }

    @Override
    public IdIndex users() {
        return users;
    }

    @Override
    public IdIndex items() {
        return items;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public TrainingSummary summary() {
        return summary;
    }

    /** μ, min, max, λ: the scalars every archive of this family stores as {@code scalars}. */
    float[] scalars() {
        return new float[] {mean, min, max, regularization};
    }
}
