package io.marquee.recommend;

import io.marquee.core.data.IdIndex;
import io.marquee.core.model.Model;
import io.marquee.core.model.ModelArchive;

/**
 * Conventions every recommender follows in {@link ModelArchive}: the user and item indexes are
 * stored as {@code user_ids} and {@code item_ids} (int64), so a loaded model maps the same
 * external ids to the same indices.
 */
public final class ModelIO {
    private ModelIO() {
    }

    /** A writer holding the model's provenance, summary and id indexes. */
    public static ModelArchive.Writer writer(Model model, IdIndex users, IdIndex items) {
        return ModelArchive.writer(model.provenance(), model.summary())
                .longs("user_ids", users.ids())
                .longs("item_ids", items.ids());
    }

    /** The user index stored by {@link #writer}. */
    public static IdIndex users(ModelArchive.Contents c) {
        return IdIndex.of(c.longs("user_ids"));
    }

    /** The item index stored by {@link #writer}. */
    public static IdIndex items(ModelArchive.Contents c) {
        return IdIndex.of(c.longs("item_ids"));
    }
}
