package io.marquee.predict.tabular;

import io.marquee.core.error.InvalidInputException;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.SplittableRandom;

/** Seeded stratified splits of row indices: each class is shuffled and dealt out separately. */
public final class Splits {
    private Splits() {
    }

    /** The fold (0 … k−1) of every row, each fold holding a near-equal share of each class. */
    public static int[] stratifiedFolds(boolean[] y, int k, long seed) {
        if (k < 2) {
            throw InvalidInputException.of("folds", k, "at least 2");
        }
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        if (pos < k || y.length - pos < k) {
            throw InvalidInputException.of("rows of the smaller class", Math.min(pos, y.length - pos),
                    "at least the " + k + " folds");
        }
        int[] fold = new int[y.length];
        SplittableRandom rnd = new SplittableRandom(seed);
        int offset = 0;
        for (boolean cls : new boolean[] {true, false}) {
            IntArrayList rows = new IntArrayList();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == cls) {
                    rows.add(i);
                }
            }
            int[] r = rows.toIntArray();
            shuffle(r, rnd);
            for (int j = 0; j < r.length; j++) {
                fold[r[j]] = (j + offset) % k;
            }
            offset += r.length; // continue dealing where the other class stopped: balanced fold sizes
        }
        return fold;
    }

    /** Rows whose fold is (or is not) {@code f}, ascending. */
    public static int[] rows(int[] fold, int f, boolean inFold) {
        IntArrayList out = new IntArrayList();
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == inFold) {
                out.add(i);
            }
        }
        return out.toIntArray();
    }

    /**
     * A stratified holdout: {@code [0]} the kept rows, {@code [1]} about {@code fraction} of each
     * class held out; both ascending.
     */
    public static int[][] stratifiedHoldout(boolean[] y, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw InvalidInputException.of("holdout fraction", fraction, "in (0, 1)");
        }
        boolean[] held = new boolean[y.length];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (boolean cls : new boolean[] {true, false}) {
            IntArrayList rows = new IntArrayList();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == cls) {
                    rows.add(i);
                }
            }
            int[] r = rows.toIntArray();
            shuffle(r, rnd);
            int take = (int) Math.round(r.length * fraction);
            for (int j = 0; j < take; j++) {
                held[r[j]] = true;
            }
        }
        IntArrayList keep = new IntArrayList();
        IntArrayList out = new IntArrayList();
        for (int i = 0; i < y.length; i++) {
            (held[i] ? out : keep).add(i);
        }
        return new int[][] {keep.toIntArray(), out.toIntArray()};
    }

    /** The labels at the given rows. */
    public static boolean[] select(boolean[] y, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = y[rows[k]];
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
