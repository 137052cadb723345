package io.marquee.recommend.eval;

import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;

/**
 * Fold-wide facts some metrics need: the number of items, item popularity in the training set
 * (for novelty) and the catalogue (for genre diversity).
 */
public final class FoldContext {
    private final int itemCount;
    private final int[] trainItemCounts;
    private final int trainUsers;
    private final Catalogue catalogue;

    /**
     * @param itemCount       items in the data's item index (the denominator of coverage)
     * @param trainItemCounts training ratings per item; owned by this object
     * @param trainUsers      users with at least one training rating
     * @param catalogue       films with genres, indexed like the items, or {@code null}
     */
    public FoldContext(int itemCount, int[] trainItemCounts, int trainUsers, Catalogue catalogue) {
        if (trainItemCounts.length != itemCount) {
            throw new IllegalArgumentException("trainItemCounts must have " + itemCount + " entries, had "
                    + trainItemCounts.length);
        }
        if (catalogue != null && catalogue.size() != itemCount) {
            throw InvalidInputException.of("catalogue size", catalogue.size(), "the number of items " + itemCount);
        }
        this.itemCount = itemCount;
        this.trainItemCounts = trainItemCounts;
        this.trainUsers = trainUsers;
        this.catalogue = catalogue;
    }

    /** The context of a training set. */
    public static FoldContext of(Interactions train, Catalogue catalogue) {
        int[] counts = new int[train.items().size()];
        boolean[] seen = new boolean[train.users().size()];
        int users = 0;
        for (int k = 0; k < train.size(); k++) {
            counts[train.item(k)]++;
            if (!seen[train.user(k)]) {
                seen[train.user(k)] = true;
                users++;
            }
        }
        return new FoldContext(train.items().size(), counts, users, catalogue);
    }

    public int itemCount() {
        return itemCount;
    }

    /** Training ratings of an item. */
    public int trainCount(int item) {
        return trainItemCounts[item];
    }

    /** Users with at least one training rating. */
    public int trainUsers() {
        return trainUsers;
    }

    /** The catalogue, or {@code null}. */
    public Catalogue catalogue() {
        return catalogue;
    }
}
