package io.marquee.recommend;

import java.util.function.IntPredicate;

/** Recommends the top items for a user, on dense indices. */
public interface ItemRecommender {
    /**
     * The {@code n} best items for {@code user}.
     *
     * @param candidates items to rank, or {@code null} for every item
     * @param exclude    items never to return (e.g. already seen), or {@code null}
     */
    Recommendations recommend(int user, int n, int[] candidates, IntPredicate exclude);
}
