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
import io.marquee.recommend.RatingModel;
import io.marquee.recommend.Recommendations;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An explicit-rating ALS model (see {@link AlsTrainer}): r̂_ui = μ + b_u + b_i + x_u·q_i.
 * Immutable and thread-safe.
 *
 * <p>{@link #score} and {@link #scoreAll} give the raw r̂ (for ranking, bit for bit the same from
 * either); {@link #predict} clips it
 * to the range of the training ratings. A user without training ratings is not known
 * ({@link #knowsUser} is false) and gets the non-personal estimate μ + b_i; an item without
 * ratings has a zero vector and bias, so its prediction is μ + b_u.
 *
 * <p><b>Fold-in.</b> {@link #userRegularization()} is λ. The trainer penalises a user with n_u
 * ratings by λ·n_u, so an exact fold-in of a new or updated user solves
 * (Q̃_uᵀQ̃_u + λ·n_u·I)[x_u; b_u] = Q̃_uᵀ(r_u − μ − b_I) with Q̃ the item vectors augmented by a
 * constant 1 (when the model has biases): use λ·n_u, not λ.
 *
 * <p>Saved arrays: {@code user_factors} (users × rank), {@code item_factors} (items × rank),
 * {@code user_bias}, {@code item_bias}, {@code user_counts} (training ratings per user); meta:
 * {@code rank}, {@code global_mean}, {@code regularization}, {@code min_rating}, {@code max_rating}.
 */
public final class AlsModel implements RatingModel, FactorModel {
    private final ModelProvenance provenance;
    private final TrainingSummary summary;
    private final IdIndex users;
    private final IdIndex items;
    private final int rank;
    private final float mu;
    private final float[] userFactors;
    private final float[] itemFactors;
    /** The item factors and biases tiled for {@link FactorKernels#scoreAllInOrder}. */
    private final FactorKernels.Tiles itemTiles;
    /** The 16-bit copy of the item factors and biases, for {@link #topN}. */
    private final FactorTopN topNIndex;
    private final float[] userBias;
    private final float[] itemBias;
    private final int[] userCounts;
    private final float regularization;
    private final float minRating;
    private final float maxRating;

    AlsModel(ModelProvenance provenance, TrainingSummary summary, IdIndex users, IdIndex items, int rank, float mu,
             float[] userFactors, float[] itemFactors, float[] userBias, float[] itemBias, int[] userCounts,
             float regularization, float minRating, float maxRating) {
        int nu = users.size();
        int ni = items.size();
        if (rank < 1 || userFactors.length != (long) nu * rank || itemFactors.length != (long) ni * rank
                || userBias.length != nu || itemBias.length != ni || userCounts.length != nu) {
            throw new InvalidInputException("als model arrays do not match " + nu + " users, " + ni
                    + " items and rank " + rank);
        }
        this.provenance = provenance;
        this.summary = summary;
        this.users = users;
        this.items = items;
        this.rank = rank;
        this.mu = mu;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.itemTiles = FactorKernels.tile(itemFactors, itemBias, ni, rank);
        this.topNIndex = FactorTopN.build(itemFactors, itemBias, ni, rank);
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userCounts = userCounts;
        this.regularization = regularization;
        this.minRating = minRating;
        this.maxRating = maxRating;
    }

    /** Loads a model written by {@link #toArchive()}. */
    public static AlsModel load(ModelArchive.Contents c) {
        if (!AlsTrainer.NAME.equals(c.algorithm())) {
            throw InvalidInputException.of("model algorithm", "'" + c.algorithm() + "'", "'" + AlsTrainer.NAME + "'");
        }
        return new AlsModel(c.provenance(), c.summary(), ModelIO.users(c), ModelIO.items(c),
                c.meta("rank").asInt(), (float) c.meta("global_mean").asDouble(), c.floats("user_factors"),
                c.floats("item_factors"), c.floats("user_bias"), c.floats("item_bias"), c.ints("user_counts"),
                (float) c.meta("regularization").asDouble(), (float) c.meta("min_rating").asDouble(),
                (float) c.meta("max_rating").asDouble());
    }

    @Override
    public ModelArchive.Writer toArchive() {
        return ModelIO.writer(this, users, items)
                .meta("rank", rank)
                .meta("global_mean", mu)
                .meta("regularization", regularization)
                .meta("min_rating", minRating)
                .meta("max_rating", maxRating)
                .floats("user_factors", userFactors, users.size(), rank)
                .floats("item_factors", itemFactors, items.size(), rank)
                .floats("user_bias", userBias)
                .floats("item_bias", itemBias)
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

    /** True when the user had at least one training rating. */
    @Override
    public boolean knowsUser(int user) {
        return user >= 0 && user < userCounts.length && userCounts[user] > 0;
    }

    /** Number of training ratings of the user (n_u of the weighted-λ penalty). */
    public int userRatingCount(int user) {
        return userCounts[Objects.checkIndex(user, userCounts.length)];
    }

    @Override
    public void scoreAll(int user, float[] out) {
        Objects.checkIndex(user, userCounts.length);
        int ni = items.size();
        if (out.length != ni) {
            throw new IllegalArgumentException("out must have length " + ni + ", had " + out.length);
        }
        if (!knowsUser(user)) {
            for (int i = 0; i < ni; i++) {
                out[i] = mu + itemBias[i];
            }
            return;
        }
        FactorKernels.scoreAllInOrder(userFactors, user * rank, itemTiles, mu + userBias[user], out);
    }

    /** The best n items by {@link #scoreAll}, found with {@link FactorTopN} (same list, same scores). */
    @Override
    public Recommendations topN(int user, int n, IntPredicate exclude) {
        if (!knowsUser(user)) {
            return RatingModel.super.topN(user, n, exclude);
        }
        float offset = mu + userBias[user];
        int xOff = user * rank;
        return topNIndex.topN(userFactors, xOff, offset, n, exclude,
                i -> FactorKernels.scoreInOrder(userFactors, xOff, itemFactors, i * rank, rank, offset + itemBias[i]));
    }

    @Override
    public FactorTopN topNIndex() {
        return topNIndex;
    }

    @Override
    public float score(int user, int item) {
        Objects.checkIndex(user, userCounts.length);
        Objects.checkIndex(item, itemBias.length);
        if (!knowsUser(user)) {
            return mu + itemBias[item];
        }
        return FactorKernels.scoreInOrder(userFactors, user * rank, itemFactors, item * rank, rank,
                (mu + userBias[user]) + itemBias[item]);
    }

    /** The score clipped to the range of the training ratings. */
    @Override
    public float predict(int user, int item) {
        return Math.min(maxRating, Math.max(minRating, score(user, item)));
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public float globalMean() {
        return mu;
    }

    @Override
    public float userBias(int user) {
        return knowsUser(user) ? userBias[user] : 0f;
    }

    @Override
    public float itemBias(int item) {
        return itemBias[item];
    }

    @Override
    public void userVector(int user, float[] out) {
        System.arraycopy(userFactors, Objects.checkIndex(user, userCounts.length) * rank, out, 0, rank);
    }

    @Override
    public float[] itemFactorArray() {
        return itemFactors;
    }

    /** λ; the trainer penalised each user by λ·n_u (see the class comment on fold-in). */
    @Override
    public float userRegularization() {
        return regularization;
    }

    /** The user factors, row-major users × rank; read only. */
    public float[] userFactorArray() {
        return userFactors;
    }

    /** The user biases; read only. */
    public float[] userBiasArray() {
        return userBias;
    }

    /** The item biases; read only. */
    public float[] itemBiasArray() {
        return itemBias;
    }

    /** Lowest training rating (the lower clip of {@link #predict}). */
    public float minRating() {
        return minRating;
    }

    /** Highest training rating (the upper clip of {@link #predict}). */
    public float maxRating() {
        return maxRating;
    }
}
