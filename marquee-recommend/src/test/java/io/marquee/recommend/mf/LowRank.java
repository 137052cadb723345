package io.marquee.recommend.mf;

import io.marquee.core.data.Interactions;
import io.marquee.recommend.baseline.RatingFixtures;
import java.util.ArrayList;
import java.util.List;

/**
 * An exactly rank-2 rating matrix r_ui = a_u · b_i over 10 users × 12 items, from known vectors,
 * with values between 0.6 and 4.61; optionally with one entry held out.
 */
final class LowRank {
    static final int USERS = 10;
    static final int ITEMS = 12;
    /** The held-out entry (user 4, item 5): not an extreme value, so clipping cannot help. */
    static final int HELD_USER = 4;
    static final int HELD_ITEM = 5;

    private LowRank() {
    }

    static double value(int u, int i) {
        double[] a = {1.0 + 0.12 * u, 0.4 + 0.15 * (u % 4)};
        double[] b = {1.2 + 0.1 * i, 1.0 + 0.25 * ((i * 7) % 5)};
        return a[0] * b[0] + a[1] * b[1] - 1.0;
    }

    /** All entries, or all but (HELD_USER, HELD_ITEM). */
    static Interactions matrix(boolean holdOut) {
        List<double[]> rows = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < ITEMS; i++) {
                if (!(holdOut && u == HELD_USER && i == HELD_ITEM)) {
                    rows.add(new double[] {u, i, value(u, i)});
                }
            }
        }
        return RatingFixtures.of(USERS, ITEMS, rows.toArray(new double[0][]));
    }
}
