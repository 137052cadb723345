package io.marquee.recommend.als;

import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import java.util.SplittableRandom;

/** Small hand-made interaction sets for the ALS and EASE tests. */
public final class Tiny {
    private Tiny() {
    }

    /** Users with ids 101…, items with ids 1001…, the given entries. */
    public static Interactions of(int users, int items, int[] u, int[] i, float[] v) {
        long[] uid = new long[users];
        for (int k = 0; k < users; k++) {
            uid[k] = 101 + k;
        }
        long[] iid = new long[items];
        for (int k = 0; k < items; k++) {
            iid[k] = 1001 + k;
        }
        return new Interactions(IdIndex.of(uid), IdIndex.of(iid), u.clone(), i.clone(), v.clone(), new long[u.length]);
    }

    /** No entries at all, over 3 users and 4 items. */
    public static Interactions empty() {
        return of(3, 4, new int[0], new int[0], new float[0]);
    }

    /**
     * A random rating set: each user rates each item with probability {@code density}, ratings
     * 1–5 from a rank-3 taste model plus noise, rounded.
     */
    public static Interactions randomRatings(int users, int items, double density, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] a = new double[users * 3];
        double[] b = new double[items * 3];
        for (int k = 0; k < a.length; k++) {
            a[k] = rnd.nextDouble() * 2 - 1;
        }
        for (int k = 0; k < b.length; k++) {
            b[k] = rnd.nextDouble() * 2 - 1;
        }
        int cap = (int) (users * items * density * 1.5) + 16;
        int[] u = new int[cap];
        int[] i = new int[cap];
        float[] v = new float[cap];
        int n = 0;
        for (int x = 0; x < users && n < cap; x++) {
            for (int y = 0; y < items && n < cap; y++) {
                if (rnd.nextDouble() < density) {
                    double s = 3.2 + a[x * 3] * b[y * 3] * 2 + a[x * 3 + 1] * b[y * 3 + 1] * 2
                            + a[x * 3 + 2] * b[y * 3 + 2] + rnd.nextDouble() - 0.5;
                    u[n] = x;
                    i[n] = y;
                    v[n] = (float) Math.max(1, Math.min(5, Math.round(s)));
                    n++;
                }
            }
        }
        return of(users, items, java.util.Arrays.copyOf(u, n), java.util.Arrays.copyOf(i, n),
                java.util.Arrays.copyOf(v, n));
    }
}
