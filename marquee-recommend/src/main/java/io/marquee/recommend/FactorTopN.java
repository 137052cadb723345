package io.marquee.recommend;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Exact top-N for a factor model without reading every item's float factors: a first pass over a
 * 16-bit integer copy of the item factors ranks every item up to a proved error bound, and only the
 * items that can still make the list are scored exactly, by the model's own formula.
 *
 * <p>Why: scoring all items reads every item's float factors (4 MB at 10,000 items and rank 100)
 * and makes {@code items × rank} float multiply-adds, although only n scores are wanted. The 16-bit
 * copy is half as large and its arithmetic is exact integer arithmetic, so the only error is the
 * rounding of the inputs, bounded below. Java 17's auto-vectoriser does not convert between element
 * sizes (a {@code short[]} times a float, or an {@code int} turned into a float, stays scalar), so
 * two 16-bit factors are packed into one {@code int} and unpacked with shifts
 * ({@code (v << 16) >> 16} and {@code v >> 16}), and everything after the kernel — the n-th best,
 * the candidate test — compares the integer sums themselves. Measured in {@code TopNBenchmark}.
 *
 * <p>The item's bias is one more factor: items are {@code q̃_i = [q_i, b_i / β]} with
 * {@code β = max|b| / max|q|}, users {@code x̃ = [x, β]}, so {@code x̃·q̃_i = x·q_i + b_i}; C is the
 * number of columns (rank, plus one with a bias). One scale {@code s_q = max|q̃| / 32766} for all
 * items and a per-request {@code s_x = Σ|x̃_f| / (65536 − C)} give {@code qq = rint(q̃ / s_q)} and {@code xq = rint(x̃ / s_x)}; the integer sum
 * {@code acc_i = Σ xq_f·qq_if} cannot overflow ({@code Σ|xq_f| ≤ 65536}, {@code |qq| ≤ 32767}), and
 * the item's float score {@code s̃_i} lies within {@code E} of {@code offset + s_x·s_q·acc_i}, where
 * <pre>
 * E = s_q·Σ|x̃_f|/2 + s_x·max_i Σ_f|q̃_if|/2 + ¾·C·s_x·s_q            (rounding of the inputs)
 *   + γ·(|offset| + max|b| + Σ|x_f|·max|q|),  γ = (rank + 3)·2⁻²⁴         (the model's float sum, any order)
 * </pre>
 * inflated by 2⁻¹⁰. If the n-th largest {@code acc} among eligible items is {@code A}, n items have
 * {@code s̃ ≥ offset + s_x·s_q·A − E}; an item with {@code acc_i < A − 2E / (s_x·s_q)} has a score
 * strictly below all of them and cannot be listed. Every other eligible item is scored by the
 * caller's {@link ExactScore} and the best n of those are chosen by {@link TopN#select}: the result
 * is <b>the same list</b>, scores bit for bit, as {@link TopN#select} over every item's exact score
 * (higher score first, then lower index; excluded items and NaN never listed). On trained models a
 * top-10 needs a few dozen exact scores.
 *
 * <p>Immutable after {@link #build}; thread-safe (per-thread scratch arrays). Models keep one beside
 * their tiled float factors (1.5 × the factor memory in all).
 */
public final class FactorTopN {
    /**
     * Items per tile: the integer sums of a tile take 4 KiB of L1. Longer loops than the float
     * kernel's 256 amortise C2's scalar pre- and post-loops (1,024 was faster than 256 and 512 in a
     * standalone test of the kernel at rank 100).
     */
    public static final int TILE = 1_024;
    /** Largest rank served by the integer pass (beyond it the 32-bit sum could overflow); larger ranks score every item. */
    public static final int MAX_RANK = 4_096;

    private static final double Q_LEVELS = 32_766.0;
    private static final double X_BUDGET = 65_536.0;
    /**
     * Factors, biases and user vectors outside these magnitudes (or NaN) make the index score every
     * item: the bounds are not proved for float under- and overflow.
     */
    private static final double MAX_MAGNITUDE = 1e15;
    private static final double MIN_MAGNITUDE = 1e-15;

    /** The caller's exact score of one item: the same float operations as its {@code scoreAll}. */
    @FunctionalInterface
    public interface ExactScore {
        /** The exact score of {@code item}. */
        float of(int item);
    }

    private final int items;
    private final int rank;
    /** Whether the integer pass may be used (see {@link #MAX_MAGNITUDE}, {@link #MAX_RANK}). */
    private final boolean prunes;
    /** Columns of the integer copy: rank, plus one for the bias when there is one. */
    private final int columns;
    /** {@code packed[t][g][j]}: columns 2g (low half) and 2g + 1 (high half) of item t·TILE + j. */
    private final int[][][] packed;
    /** s_q: one 16-bit step of the integer copy. */
    private final double scaleQ;
    /** β: the user's coordinate for the bias column (0 without biases). */
    private final double beta;
    /** max_i Σ_f |q̃_if|, max|q|, max|b|. */
    private final double maxL1;
    private final double maxQ;
    private final double maxBias;
    private final ThreadLocal<Scratch> scratch;

    private FactorTopN(int items, int rank, boolean prunes, int columns, int[][][] packed, double scaleQ, double beta,
                       double maxL1, double maxQ, double maxBias) {
        this.items = items;
        this.rank = rank;
        this.prunes = prunes;
        this.columns = columns;
        this.packed = packed;
        this.scaleQ = scaleQ;
        this.beta = beta;
        this.maxL1 = maxL1;
        this.maxQ = maxQ;
        this.maxBias = maxBias;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(items, columns));
    }

    private static FactorTopN scansEverything(int items, int rank) {
        return new FactorTopN(items, rank, false, rank, null, 0, 0, 0, 0, 0);
    }

    /**
     * The 16-bit copy of row-major {@code items × rank} factors and their biases.
     *
     * @param bias per-item additive term (length items), or {@code null} for none
     */
    public static FactorTopN build(float[] rowMajor, float[] bias, int items, int rank) {
        if (items < 0 || rank < 1 || rowMajor.length != (long) items * rank) {
            throw new IllegalArgumentException("factor array of length " + rowMajor.length + " is not " + items
                    + " items × rank " + rank);
        }
        if (bias != null && bias.length != items) {
            throw new IllegalArgumentException("bias of length " + bias.length + " does not match " + items + " items");
        }
        double maxQ = 0;
        for (float v : rowMajor) {
            maxQ = Math.max(maxQ, Math.abs(v));
        }
        double maxBias = 0;
        for (int i = 0; bias != null && i < items; i++) {
            maxBias = Math.max(maxBias, Math.abs(bias[i]));
        }
        if (rank > MAX_RANK || !(maxQ <= MAX_MAGNITUDE && maxBias <= MAX_MAGNITUDE) || maxQ < MIN_MAGNITUDE
                || (maxBias > 0 && maxBias < MIN_MAGNITUDE)) {
            return scansEverything(items, rank);
        }
        boolean hasBias = maxBias > 0;
        double beta = hasBias ? maxBias / maxQ : 0;
        int columns = hasBias ? rank + 1 : rank;
        double scaleQ = maxQ / Q_LEVELS;
        int pairs = (columns + 1) / 2;
        int count = (items + TILE - 1) / TILE;
        int[][][] packed = new int[count][][];
        int[] qq = new int[pairs * 2];
        double maxL1 = 0;
        for (int t = 0; t < count; t++) {
            int start = t * TILE;
            int n = Math.min(TILE, items - start);
            int[][] tile = new int[pairs][n];
            for (int j = 0; j < n; j++) {
                int o = (start + j) * rank;
                double l1 = 0;
                for (int f = 0; f < rank; f++) {
                    l1 += Math.abs(rowMajor[o + f]);
                    qq[f] = (int) Math.rint(rowMajor[o + f] / scaleQ);
                }
                if (hasBias) {
                    double b = bias[start + j] / beta;
                    l1 += Math.abs(b);
                    qq[rank] = (int) Math.rint(b / scaleQ);
                }
                maxL1 = Math.max(maxL1, l1);
                for (int g = 0; g < pairs; g++) {
                    tile[g][j] = (qq[2 * g] & 0xFFFF) | (qq[2 * g + 1] << 16);
                }
            }
            packed[t] = tile;
        }
        return new FactorTopN(items, rank, true, columns, packed, scaleQ, beta, maxL1 * (1 + 0x1p-30), maxQ, maxBias);
    }

    /** Number of items. */
    public int items() {
        return items;
    }

    /** Number of factors per item. */
    public int rank() {
        return rank;
    }

    /**
     * The best {@code n} items for the user vector {@code x[xOff … xOff + rank)}: the same list as
     * {@link TopN#select} over {@code exact.of(i)} for every item, with {@code exclude}.
     *
     * @param offset the constant every score holds (e.g. μ + b_u; 0 for none), as the model adds it
     * @param exclude items never to return, or {@code null}
     * @param exact   the model's exact score of one item for this user
     */
    public Recommendations topN(float[] x, int xOff, float offset, int n, IntPredicate exclude, ExactScore exact) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (xOff < 0 || x.length - rank < xOff) {
            throw new IllegalArgumentException("x of length " + x.length + " has no " + rank + " factors from " + xOff);
        }
        Scratch sc = scratch.get();
        if (n == 0) {
            return TopN.select(sc.exact, 0, null, exclude);
        }
        double xl1 = 0;
        for (int f = 0; f < rank; f++) {
            xl1 += Math.abs(x[xOff + f]);
        }
        double augmented = xl1 + beta;
        if (!prunes || !(augmented >= MIN_MAGNITUDE && augmented <= MAX_MAGNITUDE)
                || !(Math.abs(offset) <= MAX_MAGNITUDE)) {
            return exhaustive(sc, n, exclude, exact);
        }
        double scaleX = augmented / (X_BUDGET - columns);
        int[] xq = sc.xq;
        for (int f = 0; f < rank; f++) {
            xq[f] = (int) Math.rint(x[xOff + f] / scaleX);
        }
        if (columns > rank) {
            xq[rank] = (int) Math.rint(beta / scaleX);
        }
        sums(xq, sc);
        long best = nthLargest(sc, n, exclude);
        int c = 0;
        if (best == Long.MIN_VALUE) { // fewer than n eligible items: all of them
            for (int i = 0; i < items; i++) {
                if (exclude == null || !exclude.test(i)) {
                    sc.candidates[c++] = i;
                }
            }
        } else {
            double gamma = (rank + 3) * 0x1p-24 * 1.01;
            double e = (scaleQ * augmented / 2 + scaleX * maxL1 / 2 + 0.75 * (columns + 1) * scaleX * scaleQ
                    + gamma * (Math.abs(offset) + maxBias + xl1 * maxQ)) * (1 + 0x1p-10);
            double span = Math.floor(2 * e / (scaleX * scaleQ)) + 1;
            long floor = span < 0x1p40 ? best - (long) span : Long.MIN_VALUE;
            c = candidates(sc, floor, exclude);
        }
        int[] cand = sc.candidates;
        for (int k = 0; k < c; k++) {
            sc.exact[cand[k]] = exact.of(cand[k]);
        }
        sc.lastCandidates = c;
        return TopN.select(sc.exact, n, Arrays.copyOf(cand, c), null);
    }

    /** How many items the calling thread's last {@link #topN} scored exactly (for tests and benchmarks). */
    int lastCandidateCount() {
        return scratch.get().lastCandidates;
    }

    private Recommendations exhaustive(Scratch sc, int n, IntPredicate exclude, ExactScore exact) {
        for (int i = 0; i < items; i++) {
            sc.exact[i] = exact.of(i);
        }
        sc.lastCandidates = items;
        return TopN.select(sc.exact, n, null, exclude);
    }

    /** The integer sums of every item into {@code sc.sums}, and each tile's largest into {@code sc.tileMax}. */
    private void sums(int[] xq, Scratch sc) {
        int[] acc = sc.acc;
        int pairs = (columns + 1) / 2;
        for (int t = 0; t < packed.length; t++) {
            int[][] tile = packed[t];
            int n = tile[0].length;
            Arrays.fill(acc, 0);
            for (int p = 0; p < pairs; p++) {
                pass(acc, xq[2 * p], xq[2 * p + 1], tile[p], n);
            }
            int max = Integer.MIN_VALUE;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, acc[j]);
            }
            sc.tileMax[t] = max;
            System.arraycopy(acc, 0, sc.sums, t * TILE, n);
        }
    }

    /** {@code acc[j] += x0·low(w[j]) + x1·high(w[j])}: whole arrays from 0, so C2 vectorises it. */
    private static void pass(int[] acc, int x0, int x1, int[] w, int n) {
        for (int j = 0; j < n; j++) {
            int v = w[j];
            acc[j] += x0 * ((v << 16) >> 16) + x1 * (v >> 16);
        }
    }

    /**
     * The n-th largest integer sum among items not excluded ({@link Long#MIN_VALUE} when fewer than
     * n are eligible): a bounded min-heap; a tile whose largest sum cannot enter it is skipped, and
     * {@code exclude} is asked only about items that would enter.
     */
    private long nthLargest(Scratch sc, int n, IntPredicate exclude) {
        int[] heap = sc.heap(n);
        int size = 0;
        int[] sums = sc.sums;
        for (int t = 0; t < packed.length; t++) {
            if (size == n && sc.tileMax[t] <= heap[0]) {
                continue;
            }
            int end = Math.min(items, (t + 1) * TILE);
            for (int i = t * TILE; i < end; i++) {
                int v = sums[i];
                if (size == n && v <= heap[0]) {
                    continue;
                }
                if (exclude != null && exclude.test(i)) {
                    continue;
                }
                if (size < n) {
                    heap[size] = v;
                    siftUp(heap, size++);
                } else {
                    heap[0] = v;
                    siftDown(heap, size);
                }
            }
        }
        return size < n ? Long.MIN_VALUE : heap[0];
    }

    /** Items not excluded whose sum is at least {@code floor}, into {@code sc.candidates}; returns how many. */
    private int candidates(Scratch sc, long floor, IntPredicate exclude) {
        int c = 0;
        int[] sums = sc.sums;
        int[] cand = sc.candidates;
        for (int t = 0; t < packed.length; t++) {
            if (sc.tileMax[t] < floor) {
                continue;
            }
            int end = Math.min(items, (t + 1) * TILE);
            for (int i = t * TILE; i < end; i++) {
                if (sums[i] >= floor && (exclude == null || !exclude.test(i))) {
                    cand[c++] = i;
                }
            }
        }
        return c;
    }

    private static void siftUp(int[] heap, int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (heap[parent] <= heap[k]) {
                break;
            }
            int tmp = heap[parent];
            heap[parent] = heap[k];
            heap[k] = tmp;
            k = parent;
        }
    }

    private static void siftDown(int[] heap, int size) {
        int k = 0;
        while (true) {
            int l = 2 * k + 1;
            if (l >= size) {
                break;
            }
            int m = l + 1 < size && heap[l + 1] < heap[l] ? l + 1 : l;
            if (heap[k] <= heap[m]) {
                break;
            }
            int tmp = heap[m];
            heap[m] = heap[k];
            heap[k] = tmp;
            k = m;
        }
    }

    /** One thread's working arrays for one index. */
    private static final class Scratch {
        final int[] acc = new int[TILE];
        final int[] sums;
        final int[] tileMax;
        final float[] exact;
        final int[] candidates;
        final int[] xq;
        int[] heap = new int[16];
        int lastCandidates;

        Scratch(int items, int columns) {
            sums = new int[items];
            tileMax = new int[(items + TILE - 1) / TILE];
            exact = new float[items];
            candidates = new int[items];
            xq = new int[columns + 1];
        }

        int[] heap(int n) {
            if (heap.length < n) {
                heap = new int[n];
            }
            return heap;
        }
    }
}
