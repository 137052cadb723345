package io.marquee.recommend.baseline;

import io.marquee.core.data.IdIndex;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.recommend.ModelIO;
import io.marquee.recommend.RecommenderModel;

/**
 * Scores every item by its popularity count, the same for every user. It serves any user index,
 * known or not ({@link #knowsUser} is always true): it is the fallback of personal models.
 * Ties rank the lower item index first (see {@link io.marquee.recommend.TopN}). Immutable.
 *
 * <p>Archive: {@code item_counts} (float32[items]).
 */
public final class PopularityModel implements RecommenderModel {
    private final ModelProvenance provenance;
    private final TrainingSummary summary;
    private final IdIndex users;
    private final IdIndex items;
    private final float[] counts;

    PopularityModel(ModelProvenance provenance, TrainingSummary summary, IdIndex users, IdIndex items,
                    float[] counts) {
        if (counts.length != items.size()) {
            throw new io.marquee.core.error.InvalidInputException("item_counts has " + counts.length
                    + " entries for " + items.size() + " items");
        }
        this.provenance = provenance;
        this.summary = summary;
        this.users = users;
        this.items = items;
        this.counts = counts;
    }

    /** The popularity count of an item (0 outside the model). */
    public float count(int item) {
        return item >= 0 && item < counts.length ? counts[item] : 0f;
    }

    @Override
    public boolean knowsUser(int user) {
        return true;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        System.arraycopy(counts, 0, out, 0, counts.length);
    }

    @Override
    public float score(int user, int item) {
        return count(item);
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
        return ModelIO.writer(this, users, items).floats("item_counts", counts);
    }
}
