package io.marquee.recommend.mf;

import io.marquee.core.data.IdIndex;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.recommend.ModelIO;

/**
 * An SVD++ model trained by {@link SvdppTrainer}:
 * {@code r̂(u, i) = μ + b_u + b_i + q_i · x_u} with the effective user vector
 * {@code x_u = p_u + |N(u)|^−½ Σ_{j ∈ N(u)} y_j} over the user's training items N(u). The model
 * computes every x_u once at construction; {@link #userVector} returns it, so online updates and
 * explanations see SVD++ through the plain {@link io.marquee.recommend.FactorModel} view.
 * Predictions are clipped to the training rating range; a user without training ratings gets
 * μ + b_i. Immutable and thread-safe.
 *
 * <p>Archive: {@code scalars} (float32[4]: μ, min rating, max rating, λ), {@code user_bias},
 * {@code item_bias}, {@code user_factors} p (users × k), {@code implicit_factors} y (items × k),
 * {@code item_factors} q (items × k), all float32; {@code implicit_ptr} (users + 1) and
 * {@code implicit_items} (the CSR rows N(u)), {@code user_counts}, {@code item_counts} (int32).
 */
public final class SvdppModel extends BiasedFactorModel {
    private final float[] userFactors;
    private final float[] implicitFactors;
    private final int[] implicitPtr;
    private final int[] implicitItems;

    SvdppModel(ModelProvenance provenance, TrainingSummary summary, IdIndex users, IdIndex items, int k, float mean,
               float[] userBias, float[] itemBias, float[] userFactors, float[] implicitFactors, float[] itemFactors,
               int[] implicitPtr, int[] implicitItems, int[] userCounts, int[] itemCounts, float min, float max,
               float regularization) {
        super(provenance, summary, users, items, k, mean, userBias, itemBias,
                effectiveVectors(users.size(), items.size(), k, userFactors, implicitFactors, implicitPtr,
                        implicitItems),
                itemFactors, userCounts, itemCounts, min, max, regularization);
        this.userFactors = userFactors;
        this.implicitFactors = implicitFactors;
        this.implicitPtr = implicitPtr;
        this.implicitItems = implicitItems;
    }

    /** x_u = p_u + |N(u)|^−½ Σ y_j for every user (rows of users without items are p_u, i.e. 0). */
    static float[] effectiveVectors(int nUsers, int nItems, int k, float[] p, float[] y, int[] ptr, int[] cols) {
        if (p.length != (long) nUsers * k || y.length != (long) nItems * k || ptr.length != nUsers + 1
                || ptr[nUsers] != cols.length) {
            throw new InvalidInputException("SVD++ arrays do not match " + nUsers + " users, " + nItems
                    + " items and rank " + k);
        }
        float[] x = p.clone();
        float[] z = new float[k];
        for (int u = 0; u < nUsers; u++) {
            int from = ptr[u];
            int to = ptr[u + 1];
            if (to == from) {
                continue;
            }
            java.util.Arrays.fill(z, 0f);
            for (int t = from; t < to; t++) {
                int j = cols[t];
                if (j < 0 || j >= nItems) {
                    throw InvalidInputException.of("implicit item at position " + t, j, "in [0, " + nItems + ")");
                }
                for (int f = 0; f < k; f++) {
                    z[f] += y[j * k + f];
                }
            }
            float norm = (float) (1.0 / Math.sqrt(to - from));
            for (int f = 0; f < k; f++) {
                x[u * k + f] += norm * z[f];
            }
        }
        return x;
    }

    /** The explicit user factors p (without the implicit term), row-major users × k; read only. */
    public float[] userFactorArray() {
        return userFactors;
    }

    /** The implicit item factors y, row-major items × k; read only. */
    public float[] implicitFactorArray() {
        return implicitFactors;
    }

    @Override
    public ModelArchive.Writer toArchive() {
        return ModelIO.writer(this, users, items)
                .floats("scalars", scalars())
                .floats("user_bias", userBias)
                .floats("item_bias", itemBias)
                .floats("user_factors", userFactors, users.size(), k)
                .floats("implicit_factors", implicitFactors, items.size(), k)
                .floats("item_factors", itemFactors, items.size(), k)
                .ints("implicit_ptr", implicitPtr)
                .ints("implicit_items", implicitItems)
                .ints("user_counts", userCounts)
                .ints("item_counts", itemCounts);
    }
}
