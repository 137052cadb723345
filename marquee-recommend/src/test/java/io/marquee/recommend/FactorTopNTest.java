package io.marquee.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class FactorTopNTest {

    /** Row-major gaussian factors of the given sd. */
    private static float[] gaussian(SplittableRandom rnd, int n, double sd) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (sd * normal(rnd));
        }
        return a;
    }

    private static double normal(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** What a four-lane factor model's scoreAll computes, item by item. */
    private static float fourLane(float[] x, float[] q, float[] bias, float offset, int item, int rank) {
        float dot = FactorKernels.dot(x, 0, q, item, rank);
        return bias == null ? offset + dot : (offset + bias[item]) + dot;
    }

    /** The reference: every item scored, then TopN.select. */
    private static Recommendations fullScan(float[] x, float[] q, float[] bias, float offset, int items, int rank,
                                            int n, IntPredicate exclude) {
        FactorKernels.Tiles tiles = FactorKernels.tile(q, bias, items, rank);
        float[] scores = new float[items];
        FactorKernels.scoreAllFourLane(x, 0, tiles, offset, scores);
        return TopN.select(scores, n, null, exclude);
    }

    private static Recommendations pruned(FactorTopN index, float[] x, float[] q, float[] bias, float offset, int n,
                                          IntPredicate exclude) {
        int rank = index.rank();
        return index.topN(x, 0, offset, n, exclude, i -> fourLane(x, q, bias, offset, i, rank));
    }

    @Test
    void givesTheFullScansListForRandomModelsOfManyShapes() {
        SplittableRandom rnd = new SplittableRandom(7);
        int[][] shapes = {{1, 1}, {5, 3}, {255, 8}, {256, 7}, {257, 100}, {1000, 64}, {3000, 101}, {600, 257}};
        for (int[] shape : shapes) {
            int items = shape[0];
            int rank = shape[1];
            float[] q = gaussian(rnd, items * rank, 0.3);
            float[] bias = rnd.nextBoolean() ? gaussian(rnd, items, 0.4) : null;
            FactorTopN index = FactorTopN.build(q, bias, items, rank);
            for (int user = 0; user < 20; user++) {
                float[] x = gaussian(rnd, rank, 0.2 + user * 0.1);
                float offset = (float) (3.5 + normal(rnd));
                boolean[] seen = new boolean[items];
                for (int i = 0; i < items; i++) {
                    seen[i] = rnd.nextDouble() < 0.1;
                }
                IntPredicate exclude = user % 3 == 0 ? null : i -> seen[i];
                for (int n : new int[] {0, 1, 10, items - 1, items, items + 5}) {
                    if (n < 0) {
                        continue;
                    }
                    assertThat(pruned(index, x, q, bias, offset, n, exclude))
                            .as("items %d rank %d user %d n %d", items, rank, user, n)
                            .isEqualTo(fullScan(x, q, bias, offset, items, rank, n, exclude));
                }
            }
        }
    }

    @Test
    void scoresOnlyAFewItemsExactlyForATop10OnATenThousandItemCatalogue() {
        SplittableRandom rnd = new SplittableRandom(11);
        int items = 10_000;
        int rank = 100;
        float[] q = gaussian(rnd, items * rank, 0.1);
        float[] bias = gaussian(rnd, items, 0.3);
        FactorTopN index = FactorTopN.build(q, bias, items, rank);
        int most = 0;
        for (int user = 0; user < 50; user++) {
            float[] x = gaussian(rnd, rank, 0.1);
            Recommendations r = pruned(index, x, q, bias, 3.6f, 10, null);
            assertThat(r).isEqualTo(fullScan(x, q, bias, 3.6f, items, rank, 10, null));
            most = Math.max(most, index.lastCandidateCount());
        }
        // the 16-bit pass is tight: a top-10 needs a handful of exact scores, not 10,000
        assertThat(most).isBetween(10, 100);
    }

    @Test
    void breaksTiesByTheLowerItemIndexLikeTopN() {
        int items = 700;
        int rank = 16;
        SplittableRandom rnd = new SplittableRandom(3);
        float[] one = gaussian(rnd, rank, 0.5);
        float[] q = new float[items * rank];
        for (int i = 0; i < items; i++) {
            // three distinct films, each repeated: scores tie in blocks
            int kind = i % 3;
            for (int f = 0; f < rank; f++) {
                q[i * rank + f] = one[f] * (kind + 1);
            }
        }
        FactorTopN index = FactorTopN.build(q, null, items, rank);
        float[] x = gaussian(rnd, rank, 0.5);
        IntPredicate exclude = i -> i % 7 == 0;
        Recommendations r = pruned(index, x, q, null, 0f, 25, exclude);
        assertThat(r).isEqualTo(fullScan(x, q, null, 0f, items, rank, 25, exclude));
        assertThat(r.size()).isEqualTo(25);
        for (int k = 1; k < r.size(); k++) {
            if (r.score(k) == r.score(k - 1)) {
                assertThat(r.item(k)).isGreaterThan(r.item(k - 1));
            }
        }
    }

    @Test
    void separatesItemsCloserThanTheQuantisationStep() {
        // every film is the same vector nudged by a few float ulps: the 16-bit pass cannot tell
        // them apart, so all must be scored exactly — and the order must still be the exact one
        int items = 2_000;
        int rank = 32;
        SplittableRandom rnd = new SplittableRandom(5);
        float[] base = gaussian(rnd, rank, 0.4);
        float[] q = new float[items * rank];
        for (int i = 0; i < items; i++) {
            for (int f = 0; f < rank; f++) {
                float v = base[f];
                for (int s = rnd.nextInt(4); s > 0; s--) {
                    v = rnd.nextBoolean() ? Math.nextUp(v) : Math.nextDown(v);
                }
                q[i * rank + f] = v;
            }
        }
        FactorTopN index = FactorTopN.build(q, null, items, rank);
        for (int user = 0; user < 10; user++) {
            float[] x = gaussian(rnd, rank, 1);
            assertThat(pruned(index, x, q, null, 1f, 10, null))
                    .isEqualTo(fullScan(x, q, null, 1f, items, rank, 10, null));
        }
    }

    @Test
    void handlesZeroAndLargeUserVectorsAndZeroFactorItems() {
        int items = 500;
        int rank = 10;
        SplittableRandom rnd = new SplittableRandom(9);
        float[] q = gaussian(rnd, items * rank, 50);
        for (int f = 0; f < rank; f++) {
            q[17 * rank + f] = 0f; // an item with no factors at all
        }
        float[] bias = gaussian(rnd, items, 2);
        FactorTopN index = FactorTopN.build(q, bias, items, rank);
        float[] zero = new float[rank];
        assertThat(pruned(index, zero, q, bias, 0f, 10, null)).isEqualTo(fullScan(zero, q, bias, 0f, items, rank, 10,
                null));
        float[] big = gaussian(rnd, rank, 1e4);
        assertThat(pruned(index, big, q, bias, -1e6f, 10, null)).isEqualTo(fullScan(big, q, bias, -1e6f, items, rank,
                10, null));
    }

    @Test
    void fallsBackToScoringEveryItemForNonFiniteInput() {
        int items = 300;
        int rank = 4;
        SplittableRandom rnd = new SplittableRandom(2);
        float[] q = gaussian(rnd, items * rank, 1);
        float[] x = gaussian(rnd, rank, 1);
        FactorTopN index = FactorTopN.build(q, null, items, rank);
        float[] nanUser = x.clone();
        nanUser[2] = Float.NaN;
        // NaN scores are never listed, exactly as TopN.select does
        assertThat(pruned(index, nanUser, q, null, 0f, 5, null)).isEqualTo(fullScan(nanUser, q, null, 0f, items,
                rank, 5, null));
        float[] badQ = q.clone();
        badQ[40] = Float.POSITIVE_INFINITY;
        FactorTopN scansAll = FactorTopN.build(badQ, null, items, rank);
        assertThat(pruned(scansAll, x, badQ, null, 0f, 5, null)).isEqualTo(fullScan(x, badQ, null, 0f, items, rank, 5,
                null));
        assertThat(scansAll.lastCandidateCount()).isEqualTo(items);
    }

    @Test
    void rejectsMismatchedShapesAndANegativeN() {
        assertThatThrownBy(() -> FactorTopN.build(new float[10], null, 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 items × rank 3");
        assertThatThrownBy(() -> FactorTopN.build(new float[9], new float[2], 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bias of length 2");
        FactorTopN index = FactorTopN.build(new float[9], null, 3, 3);
        assertThatThrownBy(() -> index.topN(new float[3], 0, 0f, -1, null, i -> 0f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 0");
        assertThatThrownBy(() -> index.topN(new float[3], 1, 0f, 1, null, i -> 0f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no 3 factors from 1");
    }
}
