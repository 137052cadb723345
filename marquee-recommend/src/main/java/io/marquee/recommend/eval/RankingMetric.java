package io.marquee.recommend.eval;

/**
 * An accuracy metric of one user's ranked list against the user's relevant items, averaged over
 * the users that have at least one relevant test item. The per-user value is a pure function of
 * the ranking and the relevant set, so it can be checked on hand-computed rankings.
 */
public interface RankingMetric extends Metric {
    /**
     * The metric for one user.
     *
     * @param ranking        items best first (only the first {@link #cutoff()} are read when the
     *                       cutoff is positive)
     * @param relevantSorted the relevant items, ascending and distinct
     * @return the value; 0 when there is no relevant item
     */
    double userValue(int[] ranking, int[] relevantSorted);

    /** The metric for one user of an evaluation. */
    default double userValue(UserResult user) {
        return userValue(user.ranking(), user.relevant());
    }

    @Override
    default Kind kind() {
        return Kind.ACCURACY;
    }

    @Override
    default Accumulator accumulator(FoldContext context) {
        return new MeanAccumulator(this::userValue);
    }
}
