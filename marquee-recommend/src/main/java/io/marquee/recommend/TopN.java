package io.marquee.recommend;

import java.util.function.IntPredicate;

/**
 * Turns a scorer into a recommender: scores every candidate and keeps the best {@code n} with a
 * bounded min-heap, O(items · log n). Equal scores rank the lower item index first, so results
 * are deterministic. Without a candidate list it asks the scorer ({@link ItemScorer#topN}), which
 * factor models answer without scoring every item and with the same result.
 */
public final class TopN implements ItemRecommender {
    private final ItemScorer scorer;

    public TopN(ItemScorer scorer) {
        this.scorer = scorer;
    }

    public ItemScorer scorer() {
        return scorer;
    }

    @Override
    public Recommendations recommend(int user, int n, int[] candidates, IntPredicate exclude) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (candidates == null) {
            return scorer.topN(user, n, exclude);
        }
        float[] scores = new float[scorer.itemCount()];
        scorer.scoreAll(user, scores);
        return select(scores, n, candidates, exclude);
    }

    /**
     * The best {@code n} of precomputed scores (used by evaluators and other recommenders): the
     * same list as sorting every candidate that is not excluded and not NaN by score, descending,
     * then by item index, ascending, and keeping the first {@code n}.
     *
     * <p>One pass with a bounded min-heap of {@code n}, O(items · log n) at worst and no allocation
     * per item. A candidate is first compared with the worst score kept (a single float comparison,
     * which also drops NaN); only one that could enter the heap is tested against {@code exclude},
     * so an exclusion predicate is called O(n · log(items / n)) times in expectation rather than
     * once per item.
     */
    public static Recommendations select(float[] scores, int n, int[] candidates, IntPredicate exclude) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        int[] heapItems = new int[Math.max(n, 1)];
        float[] heapScores = new float[Math.max(n, 1)];
        int size = 0;
        // the heap's worst score once it is full; a candidate scoring below it cannot enter
        float floor = Float.NEGATIVE_INFINITY;
        int total = n == 0 ? 0 : candidates == null ? scores.length : candidates.length;
        for (int c = 0; c < total; c++) {
            int item = candidates == null ? c : candidates[c];
            float s = scores[item];
            if (!(s >= floor)) { // below the kept worst, or NaN
                continue;
            }
            if (size == n && !better(s, item, heapScores[0], heapItems[0])) {
                continue;
            }
            if (exclude != null && exclude.test(item)) {
                continue;
            }
            if (size < n) {
                heapItems[size] = item;
                heapScores[size] = s;
                siftUp(heapItems, heapScores, size++);
            } else {
                heapItems[0] = item;
                heapScores[0] = s;
                siftDown(heapItems, heapScores, size);
            }
            if (size == n) {
                floor = heapScores[0];
            }
        }
        int[] items = new int[size];
        float[] out = new float[size];
        for (int k = size - 1; k >= 0; k--) {
            items[k] = heapItems[0];
            out[k] = heapScores[0];
            heapItems[0] = heapItems[k];
            heapScores[0] = heapScores[k];
            siftDown(heapItems, heapScores, k);
        }
        return new Recommendations(items, out);
    }

    /** Whether (s1, i1) ranks above (s2, i2): higher score, then lower index. */
    private static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }

    // min-heap on rank: the root is the worst kept item
    private static void siftUp(int[] items, float[] scores, int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!better(scores[parent], items[parent], scores[k], items[k])) {
                break;
            }
            swap(items, scores, parent, k);
            k = parent;
        }
    }

    private static void siftDown(int[] items, float[] scores, int size) {
        int k = 0;
        while (true) {
            int l = 2 * k + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int worst = l;
            if (r < size && better(scores[l], items[l], scores[r], items[r])) {
                worst = r;
            }
            if (!better(scores[k], items[k], scores[worst], items[worst])) {
                break;
            }
            swap(items, scores, k, worst);
            k = worst;
        }
    }

    private static void swap(int[] items, float[] scores, int a, int b) {
        int ti = items[a];
        items[a] = items[b];
        items[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }
}
