package io.marquee.recommend;

import java.util.Arrays;

/**
 * A ranked list: item indices and their scores, best first. Immutable.
 */
public final class Recommendations {
    private final int[] items;
    private final float[] scores;

    public Recommendations(int[] items, float[] scores) {
        if (items.length != scores.length) {
            throw new IllegalArgumentException("items and scores differ in length");
        }
        this.items = items.clone();
        this.scores = scores.clone();
    }

    public int size() {
        return items.length;
    }

    public int item(int rank) {
        return items[rank];
    }

    public float score(int rank) {
        return scores[rank];
    }

    /** A copy of the item indices, best first. */
    public int[] items() {
        return items.clone();
    }

    /** A copy of the scores, best first. */
    public float[] scores() {
        return scores.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recommendations r && Arrays.equals(items, r.items) && Arrays.equals(scores, r.scores);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items) * 31 + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "Recommendations" + Arrays.toString(items);
    }
}
