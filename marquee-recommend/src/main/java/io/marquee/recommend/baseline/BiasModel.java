package io.marquee.recommend.baseline;

import io.marquee.core.data.IdIndex;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.recommend.ModelIO;
import io.marquee.recommend.RatingModel;

/**
 * The baseline predictor {@code r̂(u, i) = μ + b_u + b_i}, clipped to the rating range seen in
 * training. A user without training ratings has b_u = 0 (prediction μ + b_i) and is not known;
 * an item without ratings has b_i = 0. {@link #scoreAll} gives the unclipped sum, so that ranking
 * keeps the order among items whose prediction would clip at the top. Immutable.
 *
 * <p>Archive: {@code global_mean} (float32[1]), {@code rating_range} (float32[2]: min, max),
 * {@code user_bias}, {@code item_bias} (float32), {@code user_counts}, {@code item_counts} (int32).
 */
public final class BiasModel implements RatingModel {
    private final ModelProvenance provenance;
    private final TrainingSummary summary;
    private final IdIndex users;
    private final IdIndex items;
    private final float mean;
    private final float[] userBias;
    private final float[] itemBias;
    private final int[] userCounts;
    private final int[] itemCounts;
    private final float min;
    private final float max;

    BiasModel(ModelProvenance provenance, TrainingSummary summary, IdIndex users, IdIndex items, float mean,
              float[] userBias, float[] itemBias, int[] userCounts, int[] itemCounts, float min, float max) {
        if (userBias.length != users.size() || itemBias.length != items.size()
                || userCounts.length != users.size() || itemCounts.length != items.size()) {
            throw new io.marquee.core.error.InvalidInputException("bias arrays do not match " + users.size()
                    + " users and " + items.size() + " items");
        }
        this.provenance = provenance;
        this.summary = summary;
        this.users = users;
        this.items = items;
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userCounts = userCounts;
        this.itemCounts = itemCounts;
        this.min = min;
        this.max = max;
    }

    /** Global mean μ. */
    public float globalMean() {
        return mean;
    }

    /** b_u, or 0 for a user index outside the model. */
    public float userBias(int user) {
        return user >= 0 && user < userBias.length ? userBias[user] : 0f;
    }

    /** b_i, or 0 for an item index outside the model. */
    public float itemBias(int item) {
        return item >= 0 && item < itemBias.length ? itemBias[item] : 0f;
    }

    /** Smallest rating seen in training (the lower clip of predictions). */
    public float minRating() {
        return min;
    }

    /** Largest rating seen in training (the upper clip of predictions). */
    public float maxRating() {
        return max;
    }

    /** Whether the item had ratings in training. */
    public boolean knowsItem(int item) {
        return item >= 0 && item < itemCounts.length && itemCounts[item] > 0;
    }

    @Override
    public float predict(int user, int item) {
        return RatingStats.clip(score(user, item), min, max);
    }

    @Override
    public float score(int user, int item) {
        return mean + userBias(user) + itemBias(item);
    }

    @Override
    public boolean knowsUser(int user) {
        return user >= 0 && user < userCounts.length && userCounts[user] > 0;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        float base = mean + userBias(user);
        for (int i = 0; i < itemBias.length; i++) {
            out[i] = base + itemBias[i];
        }
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

    @Override
    public ModelArchive.Writer toArchive() {
        return ModelIO.writer(this, users, items)
                .floats("global_mean", new float[] {mean})
                .floats("rating_range", new float[] {min, max})
                .floats("user_bias", userBias)
                .floats("item_bias", itemBias)
                .ints("user_counts", userCounts)
                .ints("item_counts", itemCounts);
    }
}
