package io.marquee.recommend;

/**
 * The scoring loops every factor model shares, written for the JIT.
 *
 * <p>Scoring all items for one user is {@code out[i] = b[i] + x · q_i}. Written item by item it
 * is a float dot-product reduction, which HotSpot C2 does not vectorise (float addition order is
 * fixed by the language). With the item factors stored factor-major ({@code qT[f·items + i]}) it
 * becomes {@code rank} axpy passes {@code out[i] += x_f · qT[f][i]}, which C2 compiles to SIMD.
 * Measured in {@code TopNBenchmark} (docs/benchmarks.md).
 */
public final class FactorKernels {
    private FactorKernels() {
    }

    /** Factor-major copy of row-major {@code items × rank} factors. */
    public static float[] transpose(float[] rowMajor, int items, int rank) {
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
     * {@code out[i] = offset + bias[i] + Σ_f x[f] · qT[f·items + i]} for every item.
     *
     * @param x      the user's vector (length rank)
     * @param qT     factor-major item factors (length rank · items)
     * @param bias   per-item additive term, or {@code null}
     * @param offset constant added to every score (e.g. μ + b_u)
     */
    public static void scoreAll(float[] x, float[] qT, float[] bias, float offset, int items, int rank, float[] out) {
        if (bias == null) {
            java.util.Arrays.fill(out, 0, items, offset);
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

    /** Dot product of row {@code a} of {@code aArr} and row {@code b} of {@code bArr}, both row-major. */
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
}
