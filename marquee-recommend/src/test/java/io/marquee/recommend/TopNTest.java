package io.marquee.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class TopNTest {
    /** The definition select must meet: drop excluded and NaN, sort by score desc then index asc, keep n. */
    private static Recommendations fullSort(float[] scores, int n, int[] candidates, IntPredicate exclude) {
        List<Integer> kept = new ArrayList<>();
        int total = candidates == null ? scores.length : candidates.length;
        for (int c = 0; c < total; c++) {
            int item = candidates == null ? c : candidates[c];
            if (!Float.isNaN(scores[item]) && (exclude == null || !exclude.test(item))) {
                kept.add(item);
            }
        }
        kept.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        int size = Math.min(n, kept.size());
        int[] items = new int[size];
        float[] out = new float[size];
        for (int k = 0; k < size; k++) {
            items[k] = kept.get(k);
            out[k] = scores[items[k]];
        }
        return new Recommendations(items, out);
    }

    @Test
    void select_returns_the_same_list_as_a_full_sort_with_ties_to_the_lower_index() {
        SplittableRandom rnd = new SplittableRandom(7);
        int checked = 0;
        for (int round = 0; round < 300; round++) {
            int items = 1 + rnd.nextInt(400);
            float[] scores = new float[items];
            int levels = 1 + rnd.nextInt(12); // few distinct values: many ties
            for (int i = 0; i < items; i++) {
                int draw = rnd.nextInt(50);
                scores[i] = draw == 0 ? Float.NaN : draw == 1 ? Float.NEGATIVE_INFINITY
                        : draw == 2 ? Float.POSITIVE_INFINITY : rnd.nextInt(levels) * 0.5f - 1f;
            }
            boolean[] seen = new boolean[items];
            for (int i = 0; i < items; i++) {
                seen[i] = rnd.nextInt(5) == 0;
            }
            IntPredicate exclude = rnd.nextBoolean() ? null : i -> seen[i];
            int[] candidates = null;
            if (rnd.nextBoolean()) { // a shuffled subset, so candidates come in no particular index order
                candidates = new int[rnd.nextInt(items + 1)];
                int[] all = new int[items];
                for (int i = 0; i < items; i++) {
                    all[i] = i;
                }
                for (int i = items - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int t = all[i];
                    all[i] = all[j];
                    all[j] = t;
                }
                System.arraycopy(all, 0, candidates, 0, candidates.length);
            }
            for (int n : new int[] {0, 1, 3, 10, items, items + 5}) {
                assertThat(TopN.select(scores, n, candidates, exclude))
                        .as("round %d, n %d", round, n)
                        .isEqualTo(fullSort(scores, n, candidates, exclude));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(1800);
    }

    @Test
    void equal_scores_rank_the_lower_index_first_whatever_the_candidate_order() {
        float[] scores = {1f, 2f, 2f, 0f, 2f, 2f};
        Recommendations r = TopN.select(scores, 3, new int[] {5, 4, 2, 1, 0, 3}, null);
        assertThat(r.items()).containsExactly(1, 2, 4);
        assertThat(TopN.select(scores, 3, null, i -> i == 2).items()).containsExactly(1, 4, 5);
    }

    @Test
    void the_exclusion_test_runs_only_for_items_that_could_enter_the_list() {
        SplittableRandom rnd = new SplittableRandom(3);
        float[] scores = new float[10_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) rnd.nextGaussian();
        }
        int[] calls = new int[1];
        Recommendations r = TopN.select(scores, 10, null, i -> {
            calls[0]++;
            return i % 7 == 0;
        });
        assertThat(r).isEqualTo(fullSort(scores, 10, null, i -> i % 7 == 0));
        // about n·ln(items/n) ≈ 80 for a random order; once per item would be 10,000
        assertThat(calls[0]).isBetween(10, 500);
    }

    @Test
    void a_negative_n_is_rejected() {
        assertThatThrownBy(() -> TopN.select(new float[3], -1, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 0, was -1");
    }

    @Test
    void recommend_scores_with_the_scorer_and_selects() {
        ItemScorer scorer = new ItemScorer() {
            @Override
            public int userCount() {
                return 2;
            }

            @Override
            public int itemCount() {
                return 5;
            }

            @Override
            public boolean knowsUser(int user) {
                return true;
            }

            @Override
            public void scoreAll(int user, float[] out) {
                for (int i = 0; i < 5; i++) {
                    out[i] = user == 0 ? i : -i;
                }
            }
        };
        assertThat(new TopN(scorer).recommend(0, 2, null, i -> i == 4).items()).containsExactly(3, 2);
        assertThat(new TopN(scorer).recommend(1, 2, null, null).items()).containsExactly(0, 1);
    }
}
