package io.marquee.recommend;

import java.util.Arrays;

/**
 * The scoring loops every factor model shares, written for the JIT.
 *
 * <p>Scoring all items for one user is {@code out[i] = b[i] + x · q_i}. Written item by item it
 * is a float dot-product reduction, which HotSpot C2 does not vectorise (float addition order is
 * fixed by the language). With the factor index outermost it becomes {@code rank} axpy passes
 * {@code acc[j] += x_f · q_f[j]} over independent items, which C2 compiles to SIMD — but only, in
 * JDK 17, when every array in the loop is indexed by the bare loop variable: an invariant offset
 * such as {@code q[f·items + j]} or {@code acc[start + j]} silently keeps the loop scalar (a
 * standalone axpy over 4,096 floats on JDK 17.0.15 with AVX-512: 0.05 ns per element against 0.4 ns). So the factors live in {@link Tiles}: one small array per
 * (tile of {@link #TILE} items, factor), and every loop below runs over whole arrays from index 0.
 *
 * <p>Two summation orders, each bit-identical to its model's single-item score:
 * <ul>
 *   <li>{@link #scoreAllFourLane}: four accumulators per item, as {@link #dot} sums (MF and
 *       SVD++, whose SGD and {@code score} use that dot);</li>
 *   <li>{@link #scoreAllInOrder}: one accumulator, factors added in order 0 … rank−1 (ALS and
 *       iALS).</li>
 * </ul>
 * A tile's accumulators (4 KiB) stay in L1 while its factors stream in once, in order.
 *
 * <p>Hand-written because no Apache-licensed Java library offers a fused "bias + GEMV" over a
 * caller's float arrays without copying (EJML works in double and on its own matrix types), the
 * JDK's Vector API is still incubating in Java 17, and the scores must keep the exact float order
 * of the model's own dot product. Measured in {@code TopNBenchmark}.
 */
public final class FactorKernels {
    /** Items per tile: four float accumulators of a tile take 4 KiB of L1. */
    public static final int TILE = 256;

    private FactorKernels() {
    }

    /**
     * Item factors and biases cut into tiles of {@link #TILE} items: {@code factors[t][f][j]} is
     * factor f of item t·TILE + j, {@code bias[t][j]} its bias (all zero when the model has none).
     * Built once per model by {@link #tile}; immutable (the arrays never leave this class).
     */
    public static final class Tiles {
        private final int items;
        private final int rank;
        private final float[][][] factors;
        private final float[][] bias;
        private final boolean hasBias;

        private Tiles(int items, int rank, float[][][] factors, float[][] bias, boolean hasBias) {
            this.items = items;
            this.rank = rank;
            this.factors = factors;
            this.bias = bias;
            this.hasBias = hasBias;
        }

        /** Number of items. */
        public int items() {
            return items;
        }

        /** Number of factors per item. */
        public int rank() {
            return rank;
        }
    }

    /**
     * Tiles of row-major {@code items × rank} factors and their per-item bias.
     *
     * @param bias per-item additive term (length items), or {@code null} for none
     */
    public static Tiles tile(float[] rowMajor, float[] bias, int items, int rank) {
        checkShape(rowMajor, items, rank);
        if (bias != null && bias.length != items) {
            throw new IllegalArgumentException("bias of length " + bias.length + " does not match " + items + " items");
        }
        int count = (items + TILE - 1) / TILE;
        float[][][] factors = new float[count][][];
        float[][] b = new float[count][];
        for (int t = 0; t < count; t++) {
            int start = t * TILE;
            int n = Math.min(TILE, items - start);
            float[][] tile = new float[rank][n];
            for (int j = 0; j < n; j++) {
                int io = (start + j) * rank;
                for (int f = 0; f < rank; f++) {
                    tile[f][j] = rowMajor[io + f];
                }
            }
            factors[t] = tile;
            b[t] = bias == null ? new float[n] : Arrays.copyOfRange(bias, start, start + n);
        }
        return new Tiles(items, rank, factors, b, bias != null);
    }

    /**
     * {@code out[i] = (offset + bias[i]) + dot(x, q_i)} for every item (without a bias:
     * {@code offset + dot(x, q_i)}), bit-identical to that expression with {@link #dot}'s four
     * partial sums.
     *
     * @param x      array holding the user's vector at {@code xOff … xOff + rank}
     * @param offset constant added to every score (e.g. μ + b_u)
     * @param out    receives the scores (length at least items)
     */
    public static void scoreAllFourLane(float[] x, int xOff, Tiles tiles, float offset, float[] out) {
        int rank = tiles.rank;
        checkCall(x, xOff, tiles, out);
        float[] a0 = new float[TILE];
        float[] a1 = new float[TILE];
        float[] a2 = new float[TILE];
        float[] a3 = new float[TILE];
        int whole = rank & ~3;
        for (int t = 0; t < tiles.factors.length; t++) {
            float[][] tile = tiles.factors[t];
            float[] b = tiles.bias[t];
            int n = b.length;
            Arrays.fill(a0, 0f);
            Arrays.fill(a1, 0f);
            Arrays.fill(a2, 0f);
            Arrays.fill(a3, 0f);
            int f = 0;
            for (; f < whole; f += 4) {
                axpy(a0, x[xOff + f], tile[f], n);
                axpy(a1, x[xOff + f + 1], tile[f + 1], n);
                axpy(a2, x[xOff + f + 2], tile[f + 2], n);
                axpy(a3, x[xOff + f + 3], tile[f + 3], n);
            }
            for (; f < rank; f++) {
                axpy(a0, x[xOff + f], tile[f], n);
            }
            if (tiles.hasBias) {
                for (int j = 0; j < n; j++) {
                    a0[j] = (offset + b[j]) + ((a0[j] + a1[j]) + (a2[j] + a3[j]));
                }
            } else {
                for (int j = 0; j < n; j++) {
                    a0[j] = offset + ((a0[j] + a1[j]) + (a2[j] + a3[j]));
                }
            }
            System.arraycopy(a0, 0, out, t * TILE, n);
        }
    }

    /**
     * {@code out[i] = offset + bias[i]} (without a bias: {@code offset}), then
     * {@code out[i] += x[f] · q_i[f]} for f = 0 … rank−1 in order: bit-identical to that loop.
     *
     * @param x      array holding the user's vector at {@code xOff … xOff + rank}
     * @param offset constant added to every score (e.g. μ + b_u)
     * @param out    receives the scores (length at least items)
     */
    public static void scoreAllInOrder(float[] x, int xOff, Tiles tiles, float offset, float[] out) {
        int rank = tiles.rank;
        checkCall(x, xOff, tiles, out);
        float[] acc = new float[TILE];
        for (int t = 0; t < tiles.factors.length; t++) {
            float[][] tile = tiles.factors[t];
            float[] b = tiles.bias[t];
            int n = b.length;
            if (tiles.hasBias) {
                for (int j = 0; j < n; j++) {
                    acc[j] = offset + b[j];
                }
            } else {
                Arrays.fill(acc, 0, n, offset);
            }
            for (int f = 0; f < rank; f++) {
                axpy(acc, x[xOff + f], tile[f], n);
            }
            System.arraycopy(acc, 0, out, t * TILE, n);
        }
    }

    /**
     * One item's score as {@link #scoreAllInOrder} computes it: {@code start} (offset + bias),
     * then {@code + x[f]·q[f]} for f = 0 … rank−1 in order, in float — bit for bit its entry.
     */
    public static float scoreInOrder(float[] x, int xOff, float[] q, int qOff, int rank, float start) {
        float s = start;
        for (int f = 0; f < rank; f++) {
            s += x[xOff + f] * q[qOff + f];
        }
        return s;
    }

    /** {@code acc[j] += xf · q[j]} for j in [0, n): no offsets, so C2 vectorises it. */
    private static void axpy(float[] acc, float xf, float[] q, int n) {
        for (int j = 0; j < n; j++) {
            acc[j] += xf * q[j];
        }
    }

    private static void checkCall(float[] x, int xOff, Tiles tiles, float[] out) {
        if (xOff < 0 || x.length - tiles.rank < xOff || out.length < tiles.items) {
            throw new IllegalArgumentException("arrays do not fit " + tiles.items + " items of rank " + tiles.rank
                    + " (x of length " + x.length + " from " + xOff + ", out of length " + out.length + ")");
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
