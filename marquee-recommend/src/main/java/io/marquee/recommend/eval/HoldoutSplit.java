package io.marquee.recommend.eval;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/** One random holdout over individual ratings: {@code fraction} of them are the test set. */
public record HoldoutSplit(double fraction, long seed) implements Split {
    public HoldoutSplit {
        if (!(fraction > 0 && fraction < 1)) {
            throw InvalidInputException.of("fraction", fraction, "strictly between 0 and 1");
        }
    }

    @Override
    public List<Fold> folds(Interactions data) {
        int n = data.size();
        int testSize = (int) Math.round(n * fraction);
        if (testSize == 0 || testSize == n) {
            throw new InvalidInputException("holdout:" + fraction + " leaves an empty train or test set on "
                    + n + " interactions");
        }
        int[] perm = KFoldSplit.Shuffle.permutation(n, seed);
        int[] test = Arrays.copyOfRange(perm, 0, testSize);
        int[] train = Arrays.copyOfRange(perm, testSize, n);
        Arrays.sort(test);
        Arrays.sort(train);
        return List.of(new Fold(0, data.subset(train), data.subset(test)));
    }

    @Override
    public String describe() {
        return "holdout:" + fraction + " (random over ratings, seed " + seed + ")";
    }
}
