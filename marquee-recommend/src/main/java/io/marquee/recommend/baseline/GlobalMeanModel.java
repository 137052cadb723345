package io.marquee.recommend.baseline;

import io.marquee.core.data.IdIndex;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.recommend.ModelIO;
import io.marquee.recommend.RatingModel;
import java.util.Arrays;

/**
 * Predicts the global mean μ for every user and item. It personalises for nobody; {@link #knowsUser}
 * says whether the user had ratings in training, as for the other rating models. Immutable.
 *
 * <p>Archive: {@code global_mean} (float32[1]) and {@code user_counts} (int32[users]).
 */
public final class GlobalMeanModel implements RatingModel {
    private final ModelProvenance provenance;
    private final TrainingSummary summary;
    private final IdIndex users;
    private final IdIndex items;
    private final float mean;
    private final int[] userCounts;

    GlobalMeanModel(ModelProvenance provenance, TrainingSummary summary, IdIndex users, IdIndex items, float mean,
                    int[] userCounts) {
        this.provenance = provenance;
        this.summary = summary;
        this.users = users;
        this.items = items;
        this.mean = mean;
        this.userCounts = userCounts;
    }

    /** The global mean μ. */
    public float mean() {
        return mean;
    }

    @Override
    public float predict(int user, int item) {
        return mean;
    }

    @Override
    public boolean knowsUser(int user) {
        return user >= 0 && user < userCounts.length && userCounts[user] > 0;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        Arrays.fill(out, 0, items.size(), mean);
    }

    @Override
    public float score(int user, int item) {
        return mean;
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
                .ints("user_counts", userCounts);
    }
}
