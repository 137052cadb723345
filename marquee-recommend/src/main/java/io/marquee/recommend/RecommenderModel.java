package io.marquee.recommend;

import io.marquee.core.data.IdIndex;
import io.marquee.core.model.Model;
import io.marquee.core.model.ModelArchive;
import java.nio.file.Path;

/**
 * A trained recommender: an immutable, thread-safe {@link ItemScorer} over the user and item
 * indexes it was trained with, carrying its provenance, saved in Marquee's model format.
 */
public interface RecommenderModel extends Model, ItemScorer {
    /** The users the model was trained on (external ids ↔ dense indices). */
    IdIndex users();

    /** The items the model was trained on. */
    IdIndex items();

    @Override
    default int userCount() {
        return users().size();
    }

    @Override
    default int itemCount() {
        return items().size();
    }

    /**
     * The model's parts for {@link ModelArchive}: provenance, summary, the id indexes and its
     * arrays. {@link ModelIO} writes it and loads it back through the algorithm's loader.
     */
    ModelArchive.Writer toArchive();

    /** Writes the model to a directory (atomically: built aside, renamed into place). */
    default Path save(Path dir) {
        return toArchive().writeTo(dir);
    }
}
