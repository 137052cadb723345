package io.marquee.recommend;

import java.util.Arrays;

/**
 * The scoring loops every factor model shares, written for the JIT.
 *
 * <p>Scoring all items for one user is {@code out[i] = b[i] + x · q_i}. Written item by item it
 * is a float dot-product reduction, which HotSpot C2 does not vectorise (float addition order is
 * fixed by the language). Laid out with the factor index outermost it becomes {@code rank} axpy
 * passes {@code acc[i] += x_f · q[f][i]} over independent items, which C2 compiles to SIMD. Two
 * layouts and two summation orders are offered:
 *
 * <ul>
 *   <li>{@link #transpose} + {@link #scoreAll}: factor-major {@code qT[f·items + i]}, one
 *       accumulator per item, factors added in order 0 … rank−1 (ALS and iALS; their single
 *       {@code score} adds in the same order).</li>
 *   <li>{@link #tile} + {@link #scoreAllTiled}: the items cut into tiles of {@link #TILE}, each
 *       tile factor-major, four accumulators per item exactly as {@link #dot} sums, so every score
 *       is bit-identical to {@code offset + bias[i] + dot(x, q_i)} (MF and SVD++, whose SGD and
 *       single {@code score} use that dot). A tile's four accumulators stay in L1 while its factors
 *       stream in once, in order.</li>
 * </ul>
 *
 * <p>Hand-written because no Apache-licensed Java library offers a fused "bias + GEMV" over a
 * caller's float arrays without copying (EJML works in double and on its own matrix types), and
 * the JDK's Vector API is still incubating in Java 17. Measured in {@code TopNBenchmark}.
 */
public final class FactorKernels {
    /** Items per tile of {@link #tile}: four float accumulators of a tile take 4 KiB of L1. */
    public static final int TILE = 256;

    private FactorKernels() {
    }

    /** Factor-major copy of row-major {@code items × rank} factors. */
    public static float[] transpose(float[] rowMajor, int items, int rank) {
        checkShape(rowMajor, items, rank);
        float[] t = new float[rowMajor.length];
        for (int i = 0; i < items; i++) {
            int io = i * rank;
            for (int f = 0; f < rank; f++) {
                t[f * items + i] = rowMajor[io + f];
            }
        }
        return t;
    }

    /**
     * {@code out[i] = offset + bias[i] + Σ_f x[f] · qT[f·items + i]} for every item, factors added
     * in order.
     *
     * @param x      the user's vector (length rank)
     * @param qT     factor-major item factors (length rank · items)
     * @param bias   per-item additive term, or {@code null}
     * @param offset constant added to every score (e.g. μ + b_u)
     */
    public static void scoreAll(float[] x, float[] qT, float[] bias, float offset, int items, int rank, float[] out) {
        if (bias == null) {
            Arrays.fill(out, 0, items, offset);
        } else {
            for (int i = 0; i < items; i++) {
                out[i] = offset + bias[i];
            }
        }
        for (int f = 0; f < rank; f++) {
            float xf = x[f];
            int base = f * items;
            for (int i = 0; i < items; i++) {
                out[i] += xf * qT[base + i];
            }
        }
    }

    /**
     * Tile-major copy of row-major {@code items × rank} factors: tile t holds items
     * [t·{@link #TILE}, min((t+1)·TILE, items)) of length n at offset t·TILE·rank, factor f of its
     * item j at {@code offset + f·n + j}. Same length as the input (the last tile is not padded).
     */
    public static float[] tile(float[] rowMajor, int items, int rank) {
        checkShape(rowMajor, items, rank);
        float[] t = new float[rowMajor.length];
        for (int start = 0; start < items; start += TILE) {
            int n = Math.min(TILE, items - start);
            int tileOffset = start * rank;
            for (int j = 0; j < n; j++) {
                int io = (start + j) * rank;
                for (int f = 0; f < rank; f++) {
                    t[tileOffset + f * n + j] = rowMajor[io + f];
                }
            }
        }
        return t;
    }

    /**
     * {@code out[i] = (offset + bias[i]) + dot(x, q_i)} for every item, bit-identical to that
     * expression with {@link #dot}'s four partial sums, over factors laid out by {@link #tile}.
     *
     * @param x      array holding the user's vector at {@code xOff … xOff + rank}
     * @param tiles  item factors from {@link #tile} (length rank · items)
     * @param bias   per-item additive term, or {@code null}
     * @param offset constant added to every score (e.g. μ + b_u)
     */
    public static void scoreAllTiled(float[] x, int xOff, float[] tiles, float[] bias, float offset, int items,
                                     int rank, float[] out) {
        if (tiles.length != (long) items * rank || out.length < items || x.length - rank < xOff
                || (bias != null && bias.length < items)) {
            throw new IllegalArgumentException("arrays do not fit " + items + " items of rank " + rank);
        }
        // four accumulators of one tile, one after the other: s0 at 0, s1 at TILE, s2 at 2·TILE, s3 at 3·TILE
        float[] acc = new float[4 * TILE];
        int whole = rank & ~3;
        for (int start = 0; start < items; start += TILE) {
            int n = Math.min(TILE, items - start);
            int tileOffset = start * rank;
            Arrays.fill(acc, 0f);
            int f = 0;
            for (; f < whole; f += 4) {
                int row = tileOffset + f * n;
                axpy(acc, 0, x[xOff + f], tiles, row, n);
                axpy(acc, TILE, x[xOff + f + 1], tiles, row + n, n);
                axpy(acc, 2 * TILE, x[xOff + f + 2], tiles, row + 2 * n, n);
                axpy(acc, 3 * TILE, x[xOff + f + 3], tiles, row + 3 * n, n);
            }
            for (; f < rank; f++) {
                axpy(acc, 0, x[xOff + f], tiles, tileOffset + f * n, n);
            }
            if (bias == null) {
                for (int j = 0; j < n; j++) {
                    out[start + j] = offset + ((acc[j] + acc[TILE + j]) + (acc[2 * TILE + j] + acc[3 * TILE + j]));
                }
            } else {
                for (int j = 0; j < n; j++) {
                    out[start + j] = (offset + bias[start + j])
                            + ((acc[j] + acc[TILE + j]) + (acc[2 * TILE + j] + acc[3 * TILE + j]));
                }
            }
        }
    }

    /** {@code acc[accOff + j] += xf · t[off + j]} for j in [0, n): the loop C2 vectorises. */
    private static void axpy(float[] acc, int accOff, float xf, float[] t, int off, int n) {
        for (int j = 0; j < n; j++) {
            acc[accOff + j] += xf * t[off + j];
        }
    }

    /**
     * Dot product of row {@code a} of {@code aArr} and row {@code b} of {@code bArr}, both row-major,
     * with four partial sums (factor f goes to sum f mod 4, the tail to the first) added as
     * {@code (s0 + s1) + (s2 + s3)}.
     */
    public static float dot(float[] aArr, int aRow, float[] bArr, int bRow, int rank) {
        int ao = aRow * rank;
        int bo = bRow * rank;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int f = 0;
        for (; f + 3 < rank; f += 4) {
            s0 += aArr[ao + f] * bArr[bo + f];
            s1 += aArr[ao + f + 1] * bArr[bo + f + 1];
            s2 += aArr[ao + f + 2] * bArr[bo + f + 2];
            s3 += aArr[ao + f + 3] * bArr[bo + f + 3];
        }
        for (; f < rank; f++) {
            s0 += aArr[ao + f] * bArr[bo + f];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void checkShape(float[] rowMajor, int items, int rank) {
        if (items < 0 || rank < 1 || rowMajor.length != (long) items * rank) {
            throw new IllegalArgumentException("factor array of length " + rowMajor.length + " is not " + items
                    + " items × rank " + rank);
        }
    }
}
