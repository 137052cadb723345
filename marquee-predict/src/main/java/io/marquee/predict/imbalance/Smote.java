package io.marquee.predict.imbalance;

import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.features.FloatMatrix;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * SMOTE (Chawla et al. 2002), written here because no Apache-licensed Java library offers it:
 * for a minority row x, a synthetic row is {@code x + u · (n − x)} with n one of x's k nearest
 * minority neighbours and u ~ U(0, 1). Base rows are drawn uniformly with replacement, the
 * neighbour uniformly among the k, all from one seeded stream, until the minority reaches
 * {@code ratio} × the majority.
 *
 * <p>Distances are Euclidean over features scaled by the minority rows' standard deviations (a
 * feature without spread is ignored), so that a large-valued column does not decide alone; the
 * synthetic rows are made in the original units. The search is exact and brute force, O(m² · d)
 * for m minority rows, run in parallel; above {@value #MAX_CANDIDATES} minority rows the
 * neighbours are sought among a seeded sample of that many minority rows (an approximation that
 * keeps the cost bounded). One-hot columns come out fractional, as in the original SMOTE.
 */
public final class Smote {
    /** Most minority rows searched for neighbours. */
    public static final int MAX_CANDIDATES = 20_000;

    private final SmoteParams params;

    public Smote(SmoteParams params) {
        this.params = params;
    }

    /**
     * The outcome: the original rows followed by the synthetic ones.
     *
     * @param x         features (original rows first)
     * @param y         labels
     * @param synthetic number of synthetic rows appended
     * @param base      per synthetic row, the index (in the original rows) of its base minority row
     * @param neighbour per synthetic row, the index of the neighbour it moved towards
     */
    public record Result(FloatMatrix x, boolean[] y, int synthetic, int[] base, int[] neighbour) {
    }

    /** Oversamples the minority class of {@code (x, y)}. */
    public Result resample(FloatMatrix x, boolean[] y) {
        if (y.length != x.rows()) {
            throw InvalidInputException.of("number of labels", y.length, "the " + x.rows() + " rows");
        }
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        boolean minorityLabel = pos * 2 <= y.length;
        int m = minorityLabel ? pos : y.length - pos;
        int majority = y.length - m;
        int wanted = (int) Math.ceil(params.ratio() * majority);
        int needed = Math.max(0, wanted - m);
        if (needed == 0) {
            return new Result(x, y.clone(), 0, new int[0], new int[0]);
        }
        if (m < 2) {
            throw InvalidInputException.of("minority rows for SMOTE", m, "at least 2");
        }
        int[] minority = new int[m];
        int c = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == minorityLabel) {
                minority[c++] = i;
            }
        }
        SplittableRandom rnd = new SplittableRandom(params.seed());
        int[] candidates = minority;
        if (m > MAX_CANDIDATES) {
            int[] shuffled = minority.clone();
            for (int i = 0; i < MAX_CANDIDATES; i++) {
                int j = i + rnd.nextInt(m - i);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            candidates = java.util.Arrays.copyOf(shuffled, MAX_CANDIDATES);
            java.util.Arrays.sort(candidates);
        }
        int k = Math.min(params.k(), candidates.length - 1);
        double[] scale = inverseSd(x, minority);
        int[][] neighbours = neighbours(x, minority, candidates, k, scale);
        int w = x.cols();
        float[] d = x.data();
        float[] out = new float[needed * w];
        int[] base = new int[needed];
        int[] nb = new int[needed];
        for (int s = 0; s < needed; s++) {
            int bi = rnd.nextInt(m);
            int ni = neighbours[bi][rnd.nextInt(neighbours[bi].length)];
            double u = rnd.nextDouble();
            int from = minority[bi];
            base[s] = from;
            nb[s] = ni;
            for (int f = 0; f < w; f++) {
                float a = d[from * w + f];
                float b = d[ni * w + f];
                out[s * w + f] = (float) (a + u * (b - a));
            }
        }
        boolean[] ny = new boolean[y.length + needed];
        System.arraycopy(y, 0, ny, 0, y.length);
        for (int s = 0; s < needed; s++) {
            ny[y.length + s] = minorityLabel;
        }
        return new Result(x.append(out, needed), ny, needed, base, nb);
    }

    private static double[] inverseSd(FloatMatrix x, int[] rows) {
        int w = x.cols();
        double[] mean = new double[w];
        double[] sq = new double[w];
        for (int r : rows) {
            for (int f = 0; f < w; f++) {
                double v = x.get(r, f);
                mean[f] += v;
                sq[f] += v * v;
            }
        }
        double[] inv = new double[w];
        for (int f = 0; f < w; f++) {
            mean[f] /= rows.length;
            double var = sq[f] / rows.length - mean[f] * mean[f];
            inv[f] = var > 1e-12 ? 1 / Math.sqrt(var) : 0;
        }
        return inv;
    }

    /** For each minority row, the original-row indices of its k nearest candidates (itself excluded). */
    private static int[][] neighbours(FloatMatrix x, int[] minority, int[] candidates, int k, double[] scale) {
        int w = x.cols();
        float[] d = x.data();
        return IntStream.range(0, minority.length).parallel().mapToObj(a -> {
            int ra = minority[a];
            double[] bestD = new double[k];
            int[] bestI = new int[k];
            java.util.Arrays.fill(bestD, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(bestI, Integer.MAX_VALUE);
            for (int rb : candidates) {
                if (rb == ra) {
                    continue;
                }
                double dist = 0;
                for (int f = 0; f < w; f++) {
                    double diff = (d[ra * w + f] - d[rb * w + f]) * scale[f];
                    dist += diff * diff;
                }
                // ties broken by the lower row index, so the result is independent of scan order
                if (dist < bestD[k - 1] || (dist == bestD[k - 1] && rb < bestI[k - 1])) {
                    int p = k - 1;
                    while (p > 0 && (dist < bestD[p - 1] || (dist == bestD[p - 1] && rb < bestI[p - 1]))) {
                        bestD[p] = bestD[p - 1];
                        bestI[p] = bestI[p - 1];
                        p--;
                    }
                    bestD[p] = dist;
                    bestI[p] = rb;
                }
            }
            return bestI;
        }).toArray(int[][]::new);
    }
}
