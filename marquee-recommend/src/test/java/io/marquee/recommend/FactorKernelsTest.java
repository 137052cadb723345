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
    void four_lane_scores_equal_offset_plus_bias_plus_the_four_lane_dot_bit_for_bit() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int rank : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 64, 100}) {
            for (int items : new int[] {1, 3, FactorKernels.TILE - 1, FactorKernels.TILE, FactorKernels.TILE + 1, 1000}) {
                float[] q = gaussian(rnd, items * rank);
                float[] users = gaussian(rnd, 3 * rank);
                float[] bias = gaussian(rnd, items);
                float[] out = new float[items + 2];
                for (boolean withBias : new boolean[] {true, false}) {
                    FactorKernels.Tiles tiles = FactorKernels.tile(q, withBias ? bias : null, items, rank);
                    FactorKernels.scoreAllFourLane(users, 2 * rank, tiles, 0.7f, out);
                    for (int i = 0; i < items; i++) {
                        float dot = FactorKernels.dot(users, 2, q, i, rank);
                        float expected = withBias ? (0.7f + bias[i]) + dot : 0.7f + dot;
                        assertThat(Float.floatToIntBits(out[i]))
                                .as("rank %d, items %d, item %d, bias %s", rank, items, i, withBias)
                                .isEqualTo(Float.floatToIntBits(expected));
                    }
                    assertThat(out[items]).as("nothing written past the items").isZero();
                }
            }
        }
    }

    @Test
    void in_order_scores_add_the_factors_one_by_one_bit_for_bit() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int rank : new int[] {1, 13, 64}) {
            for (int items : new int[] {2, FactorKernels.TILE + 44}) {
                float[] q = gaussian(rnd, items * rank);
                float[] x = gaussian(rnd, rank + 1);
                float[] bias = gaussian(rnd, items);
                float[] out = new float[items];
                for (boolean withBias : new boolean[] {true, false}) {
                    FactorKernels.scoreAllInOrder(x, 1, FactorKernels.tile(q, withBias ? bias : null, items, rank),
                            -0.25f, out);
                    for (int i = 0; i < items; i++) {
                        float s = withBias ? -0.25f + bias[i] : -0.25f;
                        for (int f = 0; f < rank; f++) {
                            s += x[1 + f] * q[i * rank + f];
                        }
                        assertThat(Float.floatToIntBits(out[i])).as("item %d", i).isEqualTo(Float.floatToIntBits(s));
                    }
                }
            }
        }
    }

    @Test
    void arrays_that_do_not_match_items_and_rank_are_rejected() {
        assertThatThrownBy(() -> FactorKernels.tile(new float[10], null, 3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 10 is not 3 items × rank 4");
        assertThatThrownBy(() -> FactorKernels.tile(new float[12], new float[2], 3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bias of length 2");
        FactorKernels.Tiles tiles = FactorKernels.tile(new float[12], null, 3, 4);
        assertThat(tiles.items()).isEqualTo(3);
        assertThat(tiles.rank()).isEqualTo(4);
        assertThatThrownBy(() -> FactorKernels.scoreAllFourLane(new float[4], 1, tiles, 0f, new float[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 items of rank 4");
        assertThatThrownBy(() -> FactorKernels.scoreAllInOrder(new float[4], 0, tiles, 0f, new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of length 2");
    }
}
