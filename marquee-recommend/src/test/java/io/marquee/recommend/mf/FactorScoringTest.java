package io.marquee.recommend.mf;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.core.data.Interactions;
import io.marquee.recommend.Recommendations;
import io.marquee.recommend.TopN;
import io.marquee.recommend.baseline.RatingFixtures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The serving path of MF and SVD++: tiled scoring and top-N selection against plain loops and a full sort. */
class FactorScoringTest {
    // more items than one tile, a rank that is not a multiple of four
    private static final Interactions DATA = RatingFixtures.random(30, 600, 40, 9);

    /** The scores as the model computed them before the tiled kernel: item by item, Sgd.dot. */
    private static float[] itemByItem(BiasedFactorModel m, int user) {
        int ni = m.itemBias.length;
        float[] out = new float[ni];
        for (int i = 0; i < ni; i++) {
            out[i] = m.knowsUser(user)
                    ? m.mean + m.userBias[user] + m.itemBias[i]
                            + Sgd.dot(m.userVectors, user * m.k, m.itemFactors, i * m.k, m.k)
                    : m.mean + m.itemBias[i];
        }
        return out;
    }

    private static int[] fullSort(float[] scores, int n, IntPredicate exclude) {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (!exclude.test(i)) {
                items.add(i);
            }
        }
        items.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        return items.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
    }

    private static void assertServesLikeTheLoop(BiasedFactorModel m) {
        float[] all = new float[600];
        for (int u = 0; u < 30; u++) { // user 29 has no ratings: μ + b_i
            m.scoreAll(u, all);
            float[] expected = itemByItem(m, u);
            for (int i = 0; i < all.length; i++) {
                assertThat(Float.floatToIntBits(all[i])).as("user %d, item %d", u, i)
                        .isEqualTo(Float.floatToIntBits(expected[i]));
            }
            int user = u;
            IntPredicate seen = i -> (i * 31 + user) % 9 == 0;
            Recommendations top = new TopN(m).recommend(u, 10, null, seen);
            assertThat(top.items()).as("user %d", u).containsExactly(fullSort(expected, 10, seen));
        }
    }

    @Test
    void mf_scores_every_item_bit_for_bit_as_the_item_by_item_loop_and_ranks_like_a_full_sort() {
        assertServesLikeTheLoop(new MfTrainer(new MfParams(7, 0.01, 0.05, 0.01, 0.05, 5, 0.1, 1.0, 5)).train(DATA));
    }

    @Test
    void svdpp_scores_every_item_bit_for_bit_as_the_item_by_item_loop_and_ranks_like_a_full_sort() {
        assertServesLikeTheLoop(
                new SvdppTrainer(new SvdppParams(10, 0.01, 0.05, 0.01, 0.05, 3, 0.1, 1.0, 5)).train(DATA));
    }
}
