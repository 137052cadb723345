package io.marquee.recommend.eval;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random k-fold cross-validation over individual ratings (Surprise's {@code KFold} protocol): the
 * entries are shuffled with the seed and cut into {@code k} near-equal parts; fold {@code f} tests
 * on part {@code f} and trains on the rest.
 */
public record KFoldSplit(int k, long seed) implements Split {
    public KFoldSplit {
        if (k < 2) {
            throw InvalidInputException.of("k", k, "at least 2");
        }
    }

    @Override
    public List<Fold> folds(Interactions data) {
        int n = data.size();
        if (n < k) {
            throw new InvalidInputException("kfold:" + k + " needs at least " + k + " interactions, data has " + n);
        }
        int[] perm = Shuffle.permutation(n, seed);
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int from = (int) ((long) n * f / k);
            int to = (int) ((long) n * (f + 1) / k);
            int[] test = new int[to - from];
            int[] train = new int[n - test.length];
            System.arraycopy(perm, from, test, 0, test.length);
            System.arraycopy(perm, 0, train, 0, from);
            System.arraycopy(perm, to, train, from, n - to);
            java.util.Arrays.sort(test);
            java.util.Arrays.sort(train);
            folds.add(new Fold(f, data.subset(train), data.subset(test)));
        }
        return folds;
    }

    @Override
    public String describe() {
        return "kfold:" + k + " (random over ratings, seed " + seed + ")";
    }

    /** Fisher–Yates with SplittableRandom: stable across JDKs. */
    static final class Shuffle {
        private Shuffle() {
        }

        static int[] permutation(int n, long seed) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }
    }
}
