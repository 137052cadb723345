package io.marquee.recommend.eval;

/**
 * A stateless evaluation measure. It keeps no state itself: for each fold the evaluator asks for a
 * fresh {@link Accumulator}, feeds it one {@link UserResult} per user (in user-index order, so the
 * result is the same however users were scored), and reads the fold's value.
 *
 * <p>Which users an accumulator sees depends on the metric's {@link Kind}.
 */
public interface Metric {
    /** What a metric measures, which decides the users it is fed. */
    enum Kind {
        /** Error of predicted ratings (RMSE, MAE): every test rating; only for rating predictors. */
        RATING,
        /**
         * Accuracy of the ranked list (precision, recall, NDCG, MAP, MRR, hit rate): users with at
         * least one relevant test item; the others are skipped and counted.
         */
        ACCURACY,
        /**
         * Properties of the lists themselves (coverage, novelty, diversity): every user who has at
         * least one test rating and therefore gets a list.
         */
        LIST
    }

    /** Canonical id, e.g. {@code ndcg@10}, {@code rmse}; the key of the metric's value in an {@link Evaluation}. */
    String id();

    /** What it measures. */
    Kind kind();

    /** How many top items of each list it reads; 0 when it reads no list (rating metrics, unbounded MRR). */
    int cutoff();

    /**
     * Whether it needs the rank of the first relevant item among all candidates (unbounded MRR),
     * which the evaluator then computes for each user.
     */
    default boolean needsFullRank() {
        return false;
    }

    /** A fresh accumulator for one fold. */
    Accumulator accumulator(FoldContext context);

    /** Per-fold state of a metric: fed one user at a time, then read. Not thread-safe. */
    interface Accumulator {
        /** Adds one user's outcome. */
        void add(UserResult user);

        /** The fold's value, NaN when no user contributed. */
        double value();
    }

    /** The accumulator of metrics that average a per-user value over the users fed. */
    final class MeanAccumulator implements Accumulator {
        private final java.util.function.ToDoubleFunction<UserResult> perUser;
        private double sum;
        private long count;

        public MeanAccumulator(java.util.function.ToDoubleFunction<UserResult> perUser) {
            this.perUser = perUser;
        }

        @Override
        public void add(UserResult user) {
            sum += perUser.applyAsDouble(user);
            count++;
        }

        @Override
        public double value() {
            return count == 0 ? Double.NaN : sum / count;
        }
    }
}
