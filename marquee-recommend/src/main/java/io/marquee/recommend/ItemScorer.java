package io.marquee.recommend;

import java.util.function.IntPredicate;

/**
 * Scores items for a user, on dense indices: higher means more worth recommending. Scores of
 * different scorers are not comparable; only the order within one user's scores matters.
 */
public interface ItemScorer {
    /** Users the scorer has indices for. */
    int userCount();

    /** Items the scorer has indices for. */
    int itemCount();

    /**
     * Whether the scorer can personalise for this user (it saw the user in training, or the user
     * was folded in). A scorer asked about a user it does not know gives non-personal scores.
     */
    boolean knowsUser(int user);

    /** Writes the score of every item for {@code user} into {@code out} (length {@link #itemCount()}). */
    void scoreAll(int user, float[] out);

    /**
     * The best {@code n} items for {@code user} that {@code exclude} does not exclude: the same list,
     * scores bit for bit, as {@link TopN#select} over {@link #scoreAll}. Scorers override this when
     * they can find the list without scoring every item (factor models: {@link FactorTopN}).
     *
     * @param exclude items never to return (e.g. already seen), or {@code null}
     */
    default Recommendations topN(int user, int n, IntPredicate exclude) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        float[] scores = new float[itemCount()];
        scoreAll(user, scores);
        return TopN.select(scores, n, null, exclude);
    }

    /** Score of one item; scorers override this when one score is cheaper than all. */
    default float score(int user, int item) {
        float[] all = new float[itemCount()];
        scoreAll(user, all);
        return all[item];
    }
}
