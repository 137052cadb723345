package io.marquee.recommend.eval;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.List;

/**
 * Leave-last-k by time: for each user with more than {@code k} ratings, the {@code k} latest go to
 * the test set. Ratings are ordered by time, equal times by item index (the higher index counts as
 * later), then by position in the data. Users with {@code k} or fewer ratings stay entirely in
 * train. One fold; no randomness.
 *
 * @param k ratings per user to hold out, at least 1
 */
public record TemporalSplit(int k) implements Split {
    public TemporalSplit {
        if (k < 1) {
            throw InvalidInputException.of("k", k, "at least 1");
        }
    }

    @Override
    public List<Fold> folds(Interactions data) {
        ByUser groups = ByUser.of(data);
        long[] time = data.timeArray();
        int[] item = data.itemArray();
        boolean[] isTest = new boolean[data.size()];
        int testSize = 0;
        int[] order = new int[16];
        for (int u = 0; u < groups.users(); u++) {
            int n = groups.count(u);
            if (n <= k) {
                continue;
            }
            if (order.length < n) {
                order = new int[Math.max(n, order.length * 2)];
            }
            for (int j = 0; j < n; j++) {
                order[j] = groups.positions[groups.start[u] + j];
            }
            IntArrays.quickSort(order, 0, n, (a, b) -> {
                int c = Long.compare(time[a], time[b]);
                if (c != 0) {
                    return c;
                }
                c = Integer.compare(item[a], item[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int j = n - k; j < n; j++) {
                isTest[order[j]] = true;
            }
            testSize += k;
        }
        if (testSize == 0) {
            throw new InvalidInputException("temporal:" + k + " leaves an empty test set: no user of the "
                    + data.users().size() + " has more than " + k + " ratings");
        }
        return List.of(Splits.fold(0, data, isTest, testSize));
    }

    @Override
    public String describe() {
        return "temporal:" + k + " (each user's latest " + k + " rating" + (k == 1 ? "" : "s")
                + " by time, ties by higher item index, are the test set; users with " + k
                + " or fewer ratings stay in train)";
    }
}
