package io.marquee.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FactorKernelsTest {
    private static float[] gaussian(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    @Test
    void tiled_scores_equal_offset_plus_bias_plus_the_four_lane_dot_bit_for_bit() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int rank : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 64, 100}) {
            for (int items : new int[] {1, 3, FactorKernels.TILE - 1, FactorKernels.TILE, FactorKernels.TILE + 1, 1000}) {
                float[] q = gaussian(rnd, items * rank);
                float[] users = gaussian(rnd, 3 * rank);
                float[] bias = gaussian(rnd, items);
                float[] tiles = FactorKernels.tile(q, items, rank);
                float[] out = new float[items];
                for (boolean withBias : new boolean[] {true, false}) {
                    FactorKernels.scoreAllTiled(users, 2 * rank, tiles, withBias ? bias : null, 0.7f, items, rank, out);
                    for (int i = 0; i < items; i++) {
                        float expected = (withBias ? 0.7f + bias[i] : 0.7f) + FactorKernels.dot(users, 2, q, i, rank);
                        assertThat(Float.floatToIntBits(out[i]))
                                .as("rank %d, items %d, item %d, bias %s", rank, items, i, withBias)
                                .isEqualTo(Float.floatToIntBits(expected));
                    }
                }
            }
        }
    }

    @Test
    void factor_major_scores_add_the_factors_in_order() {
        SplittableRandom rnd = new SplittableRandom(12);
        int items = 300;
        int rank = 13;
        float[] q = gaussian(rnd, items * rank);
        float[] x = gaussian(rnd, rank);
        float[] bias = gaussian(rnd, items);
        float[] out = new float[items];
        FactorKernels.scoreAll(x, FactorKernels.transpose(q, items, rank), bias, -0.25f, items, rank, out);
        for (int i = 0; i < items; i++) {
            float s = -0.25f + bias[i];
            for (int f = 0; f < rank; f++) {
                s += x[f] * q[i * rank + f];
            }
            assertThat(Float.floatToIntBits(out[i])).as("item %d", i).isEqualTo(Float.floatToIntBits(s));
        }
    }

    @Test
    void the_tiled_layout_holds_every_factor_once() {
        int items = FactorKernels.TILE + 2;
        int rank = 3;
        float[] q = new float[items * rank];
        for (int k = 0; k < q.length; k++) {
            q[k] = k;
        }
        float[] t = FactorKernels.tile(q, items, rank);
        // item 1, factor 2 of the first tile; item TILE + 1, factor 1 of the second (a tile of 2 items)
        assertThat(t[2 * FactorKernels.TILE + 1]).isEqualTo(q[rank + 2]);
        assertThat(t[FactorKernels.TILE * rank + 2 + 1]).isEqualTo(q[(FactorKernels.TILE + 1) * rank + 1]);
        assertThat(t).containsExactlyInAnyOrder(q);
    }

    @Test
    void a_factor_array_that_does_not_match_items_and_rank_is_rejected() {
        assertThatThrownBy(() -> FactorKernels.tile(new float[10], 3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 10 is not 3 items × rank 4");
        assertThatThrownBy(() -> FactorKernels.scoreAllTiled(new float[4], 0, new float[12], null, 0f, 4, 4,
                new float[4])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 items of rank 4");
    }
}
