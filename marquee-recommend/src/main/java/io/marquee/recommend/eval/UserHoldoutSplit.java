package io.marquee.recommend.eval;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A per-user random holdout: each user with {@code n ≥ 2} ratings puts
 * {@code clamp(round(n · fraction), 1, n − 1)} of them, drawn at random, into the test set, so every
 * such user is tested and keeps at least one rating to learn from. Users with fewer than two
 * ratings stay entirely in train. One fold; deterministic for a given seed (users are visited in
 * index order with one random stream).
 *
 * @param fraction share of each user's ratings to hold out, strictly between 0 and 1
 * @param seed     seed of the random draws
 */
public record UserHoldoutSplit(double fraction, long seed) implements Split {
    public UserHoldoutSplit {
        if (!(fraction > 0 && fraction < 1)) {
            throw InvalidInputException.of("fraction", fraction, "strictly between 0 and 1");
        }
    }

    /** How many of a user's {@code n} ratings go to the test set. */
    public int testCount(int n) {
        if (n < 2) {
            return 0;
        }
        long t = Math.round(n * fraction);
        return (int) Math.max(1, Math.min(n - 1, t));
    }

    @Override
    public List<Fold> folds(Interactions data) {
        ByUser groups = ByUser.of(data);
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean[] isTest = new boolean[data.size()];
        int testSize = 0;
        int[] scratch = new int[16];
        for (int u = 0; u < groups.users(); u++) {
            int n = groups.count(u);
            int t = testCount(n);
            if (t == 0) {
                continue;
            }
            if (scratch.length < n) {
                scratch = new int[Math.max(n, scratch.length * 2)];
            }
            System.arraycopy(groups.positions, groups.start[u], scratch, 0, n);
            // partial Fisher–Yates: the first t slots become a uniform random t-subset
            for (int i = 0; i < t; i++) {
                int j = i + rnd.nextInt(n - i);
                int tmp = scratch[i];
                scratch[i] = scratch[j];
                scratch[j] = tmp;
                isTest[scratch[i]] = true;
            }
            testSize += t;
        }
        if (testSize == 0) {
            throw new InvalidInputException("userholdout:" + fraction + " leaves an empty test set: no user of the "
                    + data.users().size() + " has two or more ratings");
        }
        return List.of(Splits.fold(0, data, isTest, testSize));
    }

    @Override
    public String describe() {
        return "userholdout:" + fraction + " (random " + fraction + " of each user's ratings, at least 1 and at most"
                + " all but 1, for users with 2 or more ratings; seed " + seed + ")";
    }
}
