package io.marquee.recommend.als;

import io.marquee.core.data.Interactions;
import io.marquee.recommend.eval.Fold;
import java.util.SplittableRandom;

/**
 * Test helper until the evaluation harness offers its own: a per-user random holdout. For every
 * user (in index order) the user's entries are shuffled with one {@link SplittableRandom} seeded
 * once, and round(fraction · n_u) of them become test entries; the rest are training entries.
 */
final class PerUserHoldout {
    private PerUserHoldout() {
    }

    static Fold split(Interactions data, double fraction, long seed) {
        int n = data.size();
        int nUsers = data.users().size();
        int[] byUser = new int[n];
        int[] ptr = new int[nUsers + 1];
        for (int u : data.userArray()) {
            ptr[u + 1]++;
        }
        for (int u = 0; u < nUsers; u++) {
            ptr[u + 1] += ptr[u];
        }
        int[] next = ptr.clone();
        for (int e = 0; e < n; e++) {
            byUser[next[data.user(e)]++] = e;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean[] test = new boolean[n];
        int testCount = 0;
        for (int u = 0; u < nUsers; u++) {
            int from = ptr[u];
            int len = ptr[u + 1] - from;
            for (int i = len - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = byUser[from + i];
                byUser[from + i] = byUser[from + j];
                byUser[from + j] = t;
            }
            int take = (int) Math.round(fraction * len);
            for (int i = 0; i < take; i++) {
                test[byUser[from + i]] = true;
            }
            testCount += take;
        }
        int[] tr = new int[n - testCount];
        int[] te = new int[testCount];
        int a = 0;
        int b = 0;
        for (int e = 0; e < n; e++) {
            if (test[e]) {
                te[b++] = e;
            } else {
                tr[a++] = e;
            }
        }
        return new Fold(0, data.subset(tr), data.subset(te));
    }
}
