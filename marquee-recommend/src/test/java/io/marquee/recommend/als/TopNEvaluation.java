package io.marquee.recommend.als;

import io.marquee.core.data.Interactions;
import io.marquee.recommend.ItemScorer;
import io.marquee.recommend.Recommendations;
import io.marquee.recommend.TopN;
import io.marquee.recommend.data.CsrMatrix;

/**
 * Test helper: NDCG@n and Recall@n of a scorer on a train/test pair. Candidates are all items the
 * user has not rated in {@code train}; relevant items are the user's test entries with value ≥
 * {@code relevantFrom}; users without a relevant test item are skipped. NDCG uses binary gains
 * 1/log2(rank + 1) over the ideal list of min(|relevant|, n) items; Recall@n is hits / |relevant|.
 */
final class TopNEvaluation {
    /** Mean NDCG@n and Recall@n, over {@code users} users. */
    record Result(double ndcg, double recall, int users) {
        @Override
        public String toString() {
            return String.format("NDCG=%.4f Recall=%.4f users=%d", ndcg, recall, users);
        }
    }

    private TopNEvaluation() {
    }

    static Result evaluate(ItemScorer scorer, Interactions train, Interactions test, double relevantFrom, int n) {
        CsrMatrix seen = CsrMatrix.byUser(train);
        CsrMatrix truth = CsrMatrix.byUser(test);
        float[] scores = new float[scorer.itemCount()];
        double ndcg = 0;
        double recall = 0;
        int users = 0;
        for (int u = 0; u < truth.rows(); u++) {
            int relevant = 0;
            for (int q = truth.rowStart(u); q < truth.rowEnd(u); q++) {
                if (truth.value(q) >= relevantFrom) {
                    relevant++;
                }
            }
            if (relevant == 0) {
                continue;
            }
            int user = u;
            scorer.scoreAll(u, scores);
            Recommendations recs = TopN.select(scores, n, null, i -> seen.contains(user, i));
            double dcg = 0;
            int hits = 0;
            for (int r = 0; r < recs.size(); r++) {
                if (isRelevant(truth, u, recs.item(r), relevantFrom)) {
                    dcg += 1 / log2(r + 2);
                    hits++;
                }
            }
            double idcg = 0;
            for (int r = 0; r < Math.min(relevant, n); r++) {
                idcg += 1 / log2(r + 2);
            }
            ndcg += dcg / idcg;
            recall += (double) hits / relevant;
            users++;
        }
        return new Result(ndcg / users, recall / users, users);
    }

    private static boolean isRelevant(CsrMatrix truth, int u, int item, double from) {
        for (int q = truth.rowStart(u); q < truth.rowEnd(u); q++) {
            if (truth.col(q) == item && truth.value(q) >= from) {
                return true;
            }
        }
        return false;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Popularity: the number of training entries of each item, the same for every user. */
    static ItemScorer popularity(Interactions train) {
        float[] counts = new float[train.items().size()];
        for (int i : train.itemArray()) {
            counts[i]++;
        }
        int users = train.users().size();
        return new ItemScorer() {
            @Override
            public int userCount() {
                return users;
            }

            @Override
            public int itemCount() {
                return counts.length;
            }

            @Override
            public boolean knowsUser(int user) {
                return true;
            }

            @Override
            public void scoreAll(int user, float[] out) {
                System.arraycopy(counts, 0, out, 0, counts.length);
            }
        };
    }
}
