package io.marquee.recommend.eval;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;

/**
 * The top-N accuracy metrics with binary relevance. Write {@code L} for the first
 * {@code min(K, |list|)} items of the ranking, {@code R} for the relevant items, {@code rel(i)} for
 * 1 when the item at 1-based rank {@code i} is relevant and 0 otherwise. A list shorter than
 * {@code K} (few candidates) is not padded: its missing ranks count as not relevant.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    static void checkCutoff(int k) {
        if (k < 1) {
            throw InvalidInputException.of("k", k, "at least 1");
        }
    }

    static boolean relevant(int[] relevantSorted, int item) {
        return Arrays.binarySearch(relevantSorted, item) >= 0;
    }

    static int hits(int[] ranking, int[] relevantSorted, int k) {
        int n = Math.min(k, ranking.length);
        int hits = 0;
        for (int i = 0; i < n; i++) {
            if (relevant(relevantSorted, ranking[i])) {
                hits++;
            }
        }
        return hits;
    }

    /** Precision@K = |L ∩ R| / K (the denominator is K even when the list is shorter). */
    public record Precision(int k) implements RankingMetric {
        public Precision {
            checkCutoff(k);
        }

        @Override
        public String id() {
            return "precision@" + k;
        }

        @Override
        public int cutoff() {
            return k;
        }

        @Override
        public double userValue(int[] ranking, int[] relevantSorted) {
            return (double) hits(ranking, relevantSorted, k) / k;
        }
    }

    /** Recall@K = |L ∩ R| / |R|. */
    public record Recall(int k) implements RankingMetric {
        public Recall {
            checkCutoff(k);
        }

        @Override
        public String id() {
            return "recall@" + k;
        }

        @Override
        public int cutoff() {
            return k;
        }

        @Override
        public double userValue(int[] ranking, int[] relevantSorted) {
            return relevantSorted.length == 0 ? 0 : (double) hits(ranking, relevantSorted, k) / relevantSorted.length;
        }
    }

    /**
     * NDCG@K with binary gains and a log2 discount: DCG = Σ_{i=1..K} rel(i) / log2(i + 1), divided
     * by the ideal IDCG = Σ_{i=1..min(K, |R|)} 1 / log2(i + 1).
     */
    public record Ndcg(int k) implements RankingMetric {
        public Ndcg {
            checkCutoff(k);
        }

        @Override
        public String id() {
            return "ndcg@" + k;
        }

        @Override
        public int cutoff() {
            return k;
        }

        @Override
        public double userValue(int[] ranking, int[] relevantSorted) {
            if (relevantSorted.length == 0) {
                return 0;
            }
            int n = Math.min(k, ranking.length);
            double dcg = 0;
            for (int i = 0; i < n; i++) {
                if (relevant(relevantSorted, ranking[i])) {
                    dcg += discount(i + 1);
                }
            }
            double idcg = 0;
            int ideal = Math.min(k, relevantSorted.length);
            for (int i = 1; i <= ideal; i++) {
                idcg += discount(i);
            }
            return dcg / idcg;
        }

        /** 1 / log2(rank + 1) for a 1-based rank. */
        static double discount(int rank) {
            return Math.log(2) / Math.log(rank + 1.0);
        }
    }

    /**
     * Average precision at K, whose mean over users is MAP@K:
     * AP@K = (1 / min(K, |R|)) · Σ_{i=1..K} rel(i) · Precision@i.
     */
    public record AveragePrecision(int k) implements RankingMetric {
        public AveragePrecision {
            checkCutoff(k);
        }

        @Override
        public String id() {
            return "map@" + k;
        }

        @Override
        public int cutoff() {
            return k;
        }

        @Override
        public double userValue(int[] ranking, int[] relevantSorted) {
            if (relevantSorted.length == 0) {
                return 0;
            }
            int n = Math.min(k, ranking.length);
            int hits = 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (relevant(relevantSorted, ranking[i])) {
                    hits++;
                    sum += (double) hits / (i + 1);
                }
            }
            return sum / Math.min(k, relevantSorted.length);
        }
    }

    /**
     * Reciprocal rank, whose mean over users is MRR: 1 / (rank of the first relevant item), 0 when
     * none is found. With {@code k = 0} ({@code mrr}) the rank is taken among all of the user's
     * candidates; with {@code k ≥ 1} ({@code mrr@K}) only the top K count.
     */
    public record ReciprocalRank(int k) implements RankingMetric {
        public ReciprocalRank {
            if (k < 0) {
                throw InvalidInputException.of("k", k, "0 (no cutoff) or more");
            }
        }

        @Override
        public String id() {
            return k == 0 ? "mrr" : "mrr@" + k;
        }

        @Override
        public int cutoff() {
            return k;
        }

        @Override
        public boolean needsFullRank() {
            return k == 0;
        }

        @Override
        public double userValue(int[] ranking, int[] relevantSorted) {
            int n = k == 0 ? ranking.length : Math.min(k, ranking.length);
            for (int i = 0; i < n; i++) {
                if (relevant(relevantSorted, ranking[i])) {
                    return 1.0 / (i + 1);
                }
            }
            return 0;
        }

        @Override
        public double userValue(UserResult user) {
            if (k == 0) {
                return user.firstRelevantRank() == 0 ? 0 : 1.0 / user.firstRelevantRank();
            }
            return userValue(user.ranking(), user.relevant());
        }
    }

    /** HitRate@K = 1 when L ∩ R is not empty, else 0. */
    public record HitRate(int k) implements RankingMetric {
        public HitRate {
            checkCutoff(k);
        }

        @Override
        public String id() {
            return "hit@" + k;
        }

        @Override
        public int cutoff() {
            return k;
        }

        @Override
        public double userValue(int[] ranking, int[] relevantSorted) {
            return hits(ranking, relevantSorted, k) > 0 ? 1 : 0;
        }
    }
}
