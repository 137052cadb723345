package io.marquee.recommend.ease;

import io.marquee.core.data.IdIndex;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.recommend.ModelIO;
import io.marquee.recommend.RecommenderModel;
import java.util.Arrays;
import java.util.Objects;

/**
 * An EASE model (see {@link EaseTrainer}): the item × item weights B and each training user's
 * positive items, so that score(u, ·) = x_u B, the sum of B's rows over the user's items. Scores
 * rank items; they are not ratings. Immutable and thread-safe.
 *
 * <p><b>Unknown users.</b> A user without positives in the training data has x_u = 0:
 * {@link #knowsUser} is false and every score is 0. Serve such users through
 * {@link io.marquee.recommend.Fallback} (typically with popularity), which routes on
 * {@code knowsUser}.
 *
 * <p>Saved arrays: {@code weights} (items × items, float32), {@code user_ptr} (users + 1) and
 * {@code user_items} (the positives as CSR rows).
 */
public final class EaseModel implements RecommenderModel {
    private final ModelProvenance provenance;
    private final TrainingSummary summary;
    private final IdIndex users;
    private final IdIndex items;
    private final float[] weights;
    private final int[] userPtr;
    private final int[] userItems;

    EaseModel(ModelProvenance provenance, TrainingSummary summary, IdIndex users, IdIndex items, float[] weights,
              int[] userPtr, int[] userItems) {
        int n = items.size();
        if (weights.length != (long) n * n || userPtr.length != users.size() + 1
                || userPtr[users.size()] != userItems.length) {
            throw new InvalidInputException("ease model arrays do not match " + users.size() + " users and "
                    + n + " items");
        }
        for (int i : userItems) {
            if (i < 0 || i >= n) {
                throw InvalidInputException.of("ease user item index", i, "in [0, " + n + ")");
            }
        }
        this.provenance = provenance;
        this.summary = summary;
        this.users = users;
        this.items = items;
        this.weights = weights;
        this.userPtr = userPtr;
        this.userItems = userItems;
    }

    /** Loads a model written by {@link #toArchive()}. */
    public static EaseModel load(ModelArchive.Contents c) {
        if (!EaseTrainer.NAME.equals(c.algorithm())) {
            throw InvalidInputException.of("model algorithm", "'" + c.algorithm() + "'", "'" + EaseTrainer.NAME + "'");
        }
        return new EaseModel(c.provenance(), c.summary(), ModelIO.users(c), ModelIO.items(c), c.floats("weights"),
                c.ints("user_ptr"), c.ints("user_items"));
    }

    @Override
    public ModelArchive.Writer toArchive() {
        return ModelIO.writer(this, users, items)
                .meta("items", items.size())
                .floats("weights", weights, items.size(), items.size())
                .ints("user_ptr", userPtr)
                .ints("user_items", userItems);
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public TrainingSummary summary() {
        return summary;
    }

    @Override
    public IdIndex users() {
        return users;
    }

    @Override
    public IdIndex items() {
        return items;
    }

    /** True when the user had at least one positive in training. */
    @Override
    public boolean knowsUser(int user) {
        return user >= 0 && user < users.size() && userPtr[user + 1] > userPtr[user];
    }

    @Override
    public void scoreAll(int user, float[] out) {
        Objects.checkIndex(user, users.size());
        int n = items.size();
        if (out.length != n) {
            throw new IllegalArgumentException("out must have length " + n + ", had " + out.length);
        }
        Arrays.fill(out, 0f);
        for (int q = userPtr[user]; q < userPtr[user + 1]; q++) {
            int row = userItems[q] * n;
            for (int i = 0; i < n; i++) {
                out[i] += weights[row + i];
            }
        }
    }

    @Override
    public float score(int user, int item) {
        Objects.checkIndex(user, users.size());
        int n = items.size();
        Objects.checkIndex(item, n);
        float s = 0f;
        for (int q = userPtr[user]; q < userPtr[user + 1]; q++) {
            s += weights[userItems[q] * n + item];
        }
        return s;
    }

    /** B_ij, the weight of item {@code i} in the score of item {@code j}. */
    public float weight(int i, int j) {
        int n = items.size();
        return weights[Objects.checkIndex(i, n) * n + Objects.checkIndex(j, n)];
    }

    /** The weights, row-major items × items; read only. */
    public float[] weightArray() {
        return weights;
    }
}
