package io.marquee.recommend.baseline;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;

/**
 * What every rating model needs to know about its training data before fitting: the global mean,
 * the range of values seen (predictions are clipped to it) and how many ratings each user and item
 * has (a user or item with none is unknown to the model). Building it also checks the data: empty
 * data and non-finite values are refused with an {@link InvalidInputException}.
 *
 * <p>Immutable; {@link #userCountArray()} and {@link #itemCountArray()} hand out internal arrays,
 * read only.
 */
public final class RatingStats {
    private final double mean;
    private final float min;
    private final float max;
    private final int[] userCounts;
    private final int[] itemCounts;

    private RatingStats(double mean, float min, float max, int[] userCounts, int[] itemCounts) {
        this.mean = mean;
        this.min = min;
        this.max = max;
        this.userCounts = userCounts;
        this.itemCounts = itemCounts;
    }

    /**
     * Summarises {@code data} for training {@code algorithm} (named in error messages).
     *
     * @throws InvalidInputException when the data has no entries or a value is NaN or infinite
     */
    public static RatingStats of(Interactions data, String algorithm) {
        int n = data.size();
        if (n == 0) {
            throw new InvalidInputException("cannot train '" + algorithm + "' on empty data: " + data
                    + " has 0 interactions");
        }
        int[] user = data.userArray();
        int[] item = data.itemArray();
        float[] value = data.valueArray();
        int[] uc = new int[data.users().size()];
        int[] ic = new int[data.items().size()];
        double sum = 0;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            float v = value[k];
            if (!Float.isFinite(v)) {
                throw InvalidInputException.of("value at entry " + k + " of the training data", v, "a finite number");
            }
            sum += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            uc[user[k]]++;
            ic[item[k]]++;
        }
        return new RatingStats(sum / n, lo, hi, uc, ic);
    }

    /** Mean of all values. */
    public double mean() {
        return mean;
    }

    /** Smallest value seen. */
    public float min() {
        return min;
    }

    /** Largest value seen. */
    public float max() {
        return max;
    }

    /** Ratings per user index; read only. */
    public int[] userCountArray() {
        return userCounts;
    }

    /** Ratings per item index; read only. */
    public int[] itemCountArray() {
        return itemCounts;
    }

    /** {@code v} clipped to [{@code min}, {@code max}]. */
    public static float clip(float v, float min, float max) {
        return v < min ? min : Math.min(v, max);
    }
}
