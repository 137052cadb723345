package io.marquee.recommend.eval;

import java.util.Arrays;

/**
 * What the evaluator learned about one test user in one fold, handed to each metric's
 * accumulator. The arrays are owned by this object and handed out without copying for hot loops;
 * callers must not write to them.
 */
public final class UserResult {
    private final int user;
    private final int[] ranking;
    private final int[] relevant;
    private final int firstRelevantRank;
    private final int[] testItems;
    private final float[] testRatings;
    private final float[] predictions;

    /**
     * @param user              user index
     * @param ranking           the top of the user's ranked candidate list, best first (as long as the
     *                          largest cutoff of the metrics asked for, or shorter when there are fewer
     *                          candidates)
     * @param relevant          the relevant test items, ascending and distinct
     * @param firstRelevantRank 1-based rank of the best-ranked relevant item among all candidates, 0
     *                          when none is ranked (or when no metric asked for it)
     * @param testItems         the user's test items, by ascending item index
     * @param testRatings       their true ratings
     * @param predictions       the model's predicted ratings of {@code testItems}, or {@code null} when
     *                          the model does not predict ratings or no rating metric was asked for
     */
    public UserResult(int user, int[] ranking, int[] relevant, int firstRelevantRank, int[] testItems,
                      float[] testRatings, float[] predictions) {
        if (testItems.length != testRatings.length || (predictions != null && predictions.length != testItems.length)) {
            throw new IllegalArgumentException("test items, ratings and predictions differ in length for user " + user);
        }
        for (int k = 1; k < relevant.length; k++) {
            if (relevant[k] <= relevant[k - 1]) {
                throw new IllegalArgumentException("relevant items must be ascending and distinct, were "
                        + Arrays.toString(relevant));
            }
        }
        this.user = user;
        this.ranking = ranking;
        this.relevant = relevant;
        this.firstRelevantRank = firstRelevantRank;
        this.testItems = testItems;
        this.testRatings = testRatings;
        this.predictions = predictions;
    }

    /** A user with only a ranking and relevant items (for ranking metrics and tests). */
    public static UserResult ofRanking(int user, int[] ranking, int[] relevantSorted) {
        return new UserResult(user, ranking, relevantSorted, 0, new int[0], new float[0], null);
    }

    public int user() {
        return user;
    }

    /** The ranked list, best first; read only. */
    public int[] ranking() {
        return ranking;
    }

    /** Relevant test items, ascending; read only. */
    public int[] relevant() {
        return relevant;
    }

    /** Whether an item is relevant (binary search). */
    public boolean isRelevant(int item) {
        return Arrays.binarySearch(relevant, item) >= 0;
    }

    /** 1-based rank of the first relevant item among all candidates, 0 when none (or not computed). */
    public int firstRelevantRank() {
        return firstRelevantRank;
    }

    /** Test items; read only. */
    public int[] testItems() {
        return testItems;
    }

    /** True ratings of the test items; read only. */
    public float[] testRatings() {
        return testRatings;
    }

    /** Predicted ratings of the test items, or {@code null}; read only. */
    public float[] predictions() {
        return predictions;
    }
}
