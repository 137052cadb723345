package io.marquee.core.synth;

import java.util.SplittableRandom;

/**
 * Vose's alias method: after O(n) set-up, draws an index with probability proportional to its
 * weight in O(1). The generator uses it for the Zipf popularity of films, which is drawn once
 * or a few times per watch event.
 */
final class AliasTable {
    private final double[] probability;
    private final int[] alias;

    AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("alias table needs at least one weight");
        }
        probability = new double[n];
        alias = new int[n];
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("alias table weight must be finite and >= 0, was " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("alias table weights sum to " + total);
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1.0) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            probability[l] = 1.0;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            probability[s] = 1.0;
            alias[s] = s;
        }
    }

    /** Number of outcomes. */
    int size() {
        return probability.length;
    }

    /** One index, with probability proportional to its weight. */
    int sample(SplittableRandom rng) {
        int i = rng.nextInt(probability.length);
        return rng.nextDouble() < probability[i] ? i : alias[i];
    }
}
