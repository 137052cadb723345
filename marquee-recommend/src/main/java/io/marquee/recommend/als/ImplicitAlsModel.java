package io.marquee.recommend.als;

import io.marquee.core.data.IdIndex;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.recommend.FactorKernels;
import io.marquee.recommend.FactorModel;
import io.marquee.recommend.FactorTopN;
import io.marquee.recommend.ModelIO;
import io.marquee.recommend.Recommendations;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An implicit-feedback ALS model (see {@link ImplicitAlsTrainer}): score(u, i) = x_u·y_i, a
 * preference score for ranking, not a rating. As a {@link FactorModel} it has μ = 0 and no biases.
 * Immutable and thread-safe.
 *
 * <p><b>Unknown users.</b> A user with no positive in the training data has a zero vector:
 * {@link #knowsUser} is false and every score is 0. That is not a recommendation: serve such users
 * through {@link io.marquee.recommend.Fallback} (typically with popularity), which routes on
 * {@code knowsUser}.
 *
 * <p><b>Fold-in.</b> A new user's vector solves (YᵀY + Yᵀ(C_u − I)Y + λI) x_u = YᵀC_u p_u with
 * λ = {@link #userRegularization()} (not scaled by the number of interactions) and the confidences
 * of the trainer's params (in the provenance).
 *
 * <p>Saved arrays: {@code user_factors} (users × rank), {@code item_factors} (items × rank),
 * {@code user_counts} (positives per user); meta: {@code rank}, {@code regularization}.
 */
public final class ImplicitAlsModel implements FactorModel {
    private final ModelProvenance provenance;
    private final TrainingSummary summary;
    private final IdIndex users;
    private final IdIndex items;
    private final int rank;
    private final float[] userFactors;
    private final float[] itemFactors;
    /** The item factors tiled for {@link FactorKernels#scoreAllInOrder}. */
    private final FactorKernels.Tiles itemTiles;
    /** The 16-bit copy of the item factors, for {@link #topN}. */
    private final FactorTopN topNIndex;
    private final int[] userCounts;
    private final float regularization;

    ImplicitAlsModel(ModelProvenance provenance, TrainingSummary summary, IdIndex users, IdIndex items, int rank,
                     float[] userFactors, float[] itemFactors, int[] userCounts, float regularization) {
        int nu = users.size();
        int ni = items.size();
        if (rank < 1 || userFactors.length != (long) nu * rank || itemFactors.length != (long) ni * rank
                || userCounts.length != nu) {
            throw new InvalidInputException("ials model arrays do not match " + nu + " users, " + ni
                    + " items and rank " + rank);
        }
        this.provenance = provenance;
        this.summary = summary;
        this.users = users;
        this.items = items;
        this.rank = rank;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.itemTiles = FactorKernels.tile(itemFactors, null, ni, rank);
        this.topNIndex = FactorTopN.build(itemFactors, null, ni, rank);
        this.userCounts = userCounts;
        this.regularization = regularization;
    }

    /** Loads a model written by {@link #toArchive()}. */
    public static ImplicitAlsModel load(ModelArchive.Contents c) {
        if (!ImplicitAlsTrainer.NAME.equals(c.algorithm())) {
            throw InvalidInputException.of("model algorithm", "'" + c.algorithm() + "'",
                    "'" + ImplicitAlsTrainer.NAME + "'");
        }
        return new ImplicitAlsModel(c.provenance(), c.summary(), ModelIO.users(c), ModelIO.items(c),
                c.meta("rank").asInt(), c.floats("user_factors"), c.floats("item_factors"), c.ints("user_counts"),
                (float) c.meta("regularization").asDouble());
    }

    @Override
    public ModelArchive.Writer toArchive() {
        return ModelIO.writer(this, users, items)
                .meta("rank", rank)
                .meta("regularization", regularization)
                .floats("user_factors", userFactors, users.size(), rank)
                .floats("item_factors", itemFactors, items.size(), rank)
                .ints("user_counts", userCounts);
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
        return user >= 0 && user < userCounts.length && userCounts[user] > 0;
    }

    /** Number of training positives of the user. */
    public int userPositiveCount(int user) {
        return userCounts[Objects.checkIndex(user, userCounts.length)];
    }

    /** x_u·y_i for every item; all zeros for a user the model does not know. */
    @Override
    public void scoreAll(int user, float[] out) {
        Objects.checkIndex(user, userCounts.length);
        int ni = items.size();
        if (out.length != ni) {
            throw new IllegalArgumentException("out must have length " + ni + ", had " + out.length);
        }
        if (!knowsUser(user)) {
            Arrays.fill(out, 0f);
            return;
        }
        FactorKernels.scoreAllInOrder(userFactors, user * rank, itemTiles, 0f, out);
    }

    /** The best n items by {@link #scoreAll}, found with {@link FactorTopN} (same list, same scores). */
    @Override
    public Recommendations topN(int user, int n, IntPredicate exclude) {
        if (!knowsUser(user)) {
            return FactorModel.super.topN(user, n, exclude);
        }
        int xOff = user * rank;
        return topNIndex.topN(userFactors, xOff, 0f, n, exclude,
                i -> FactorKernels.scoreInOrder(userFactors, xOff, itemFactors, i * rank, rank, 0f));
    }

    @Override
    public FactorTopN topNIndex() {
        return topNIndex;
    }

    @Override
    public float score(int user, int item) {
        Objects.checkIndex(user, userCounts.length);
        Objects.checkIndex(item, items.size());
        if (!knowsUser(user)) {
            return 0f;
        }
        return FactorKernels.scoreInOrder(userFactors, user * rank, itemFactors, item * rank, rank, 0f);
    }

    @Override
    public int rank() {
        return rank;
    }

    /** 0: implicit models have no global mean. */
    @Override
    public float globalMean() {
        return 0f;
    }

    /** 0: implicit models have no biases. */
    @Override
    public float userBias(int user) {
        return 0f;
    }

    /** 0: implicit models have no biases. */
    @Override
    public float itemBias(int item) {
        return 0f;
    }

    @Override
    public void userVector(int user, float[] out) {
        System.arraycopy(userFactors, Objects.checkIndex(user, userCounts.length) * rank, out, 0, rank);
    }

    @Override
    public float[] itemFactorArray() {
        return itemFactors;
    }

    /** λ of the user vectors (not scaled by counts). */
    @Override
    public float userRegularization() {
        return regularization;
    }

    /** The user factors, row-major users × rank; read only. */
    public float[] userFactorArray() {
        return userFactors;
    }
}
