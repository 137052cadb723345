package io.marquee.recommend.bayes;

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
import io.marquee.recommend.baseline.RatingStats;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A Bayesian matrix-factorisation model trained by {@link BpmfTrainer}: the posterior predictive
 * mean, averaged over S Gibbs samples s of biases and factors,
 *
 * <pre>
 *   r̂(u, i) = μ + (1/S) Σ_s (b_u^s + b_i^s + p_u^s · q_i^s)
 *           = μ + b̄_u + b̄_i + x_u · y_i,   x_u = (p_u^1, …, p_u^S)/√S,  y_i = (q_i^1, …, q_i^S)/√S
 * </pre>
 *
 * <p>The average of S rank-k products is exactly one product of rank S·k: concatenating the
 * samples' factors (each scaled by 1/√S) makes this an ordinary biased factor model, so scoring,
 * top-N, explanations and online fold-in treat it as a {@link FactorModel} of rank S·k with the
 * averaged biases. Predictions are clipped to the training rating range; {@link #score} and
 * {@link #scoreAll} are unclipped. A user without training ratings is not known and gets μ + b̄_i;
 * an item without ratings has zero factors and bias. Immutable and thread-safe.
 *
 * <p>{@link #userRegularization()} is the ridge a MAP fold-in of one sample would use, λ = tr(Λ_U)/(k α)
 * averaged over the kept samples (Λ_U the factor block of the user prior precision, α the noise
 * precision); for the concatenated vectors it is an approximation.
 *
 * <p>Archive: {@code scalars} (float32[4]: μ, min rating, max rating, λ), {@code layout} (int32[2]:
 * k, S), {@code user_bias}, {@code item_bias} (the averaged biases), {@code user_factors}
 * (users × S·k), {@code item_factors} (items × S·k), all float32; {@code user_counts},
 * {@code item_counts} (int32).
 */
public final class BpmfModel implements RatingModel, FactorModel {
    private final ModelProvenance provenance;
    private final TrainingSummary summary;
    private final IdIndex users;
    private final IdIndex items;
    private final int factors;
    private final int samples;
    private final int rank;
    private final float mean;
    private final float[] userBias;
    private final float[] itemBias;
    private final float[] userVectors;
    private final float[] itemFactors;
    /** Tiled copy of {@link #itemFactors} and {@link #itemBias} for {@link #scoreAll}. */
    private final FactorKernels.Tiles itemTiles;
    /** The 16-bit copy of the item factors and biases, for {@link #topN}. */
    private final FactorTopN topNIndex;
    private final int[] userCounts;
    private final int[] itemCounts;
    private final float min;
    private final float max;
    private final float regularization;

    BpmfModel(ModelProvenance provenance, TrainingSummary summary, IdIndex users, IdIndex items, int factors,
              int samples, float mean, float[] userBias, float[] itemBias, float[] userVectors, float[] itemFactors,
              int[] userCounts, int[] itemCounts, float min, float max, float regularization) {
        int nu = users.size();
        int ni = items.size();
        long r = (long) factors * samples;
        if (factors < 1 || samples < 1 || userBias.length != nu || itemBias.length != ni
                || userVectors.length != nu * r || itemFactors.length != ni * r || userCounts.length != nu
                || itemCounts.length != ni) {
            throw new InvalidInputException("BPMF model arrays do not match " + nu + " users, " + ni + " items, "
                    + factors + " factors and " + samples + " samples");
        }
        this.provenance = provenance;
        this.summary = summary;
        this.users = users;
        this.items = items;
        this.factors = factors;
        this.samples = samples;
        this.rank = (int) r;
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userVectors = userVectors;
        this.itemFactors = itemFactors;
        this.itemTiles = FactorKernels.tile(itemFactors, itemBias, ni, rank);
        this.topNIndex = FactorTopN.build(itemFactors, itemBias, ni, rank);
        this.userCounts = userCounts;
        this.itemCounts = itemCounts;
        this.min = min;
        this.max = max;
        this.regularization = regularization;
    }

    /** Predicted rating, clipped to [{@link #minRating()}, {@link #maxRating()}]. */
    @Override
    public float predict(int user, int item) {
        return RatingStats.clip(score(user, item), min, max);
    }

    /** The unclipped μ + b̄_u + b̄_i + x_u · y_i (μ + b̄_i for an unknown user). */
    @Override
    public float score(int user, int item) {
        boolean knownItem = item >= 0 && item < itemBias.length;
        float s = mean + (knownItem ? itemBias[item] : 0f);
        if (knowsUser(user)) {
            s += userBias[user];
            if (knownItem) {
                s += FactorKernels.dot(userVectors, user, itemFactors, item, rank);
            }
        }
        return s;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        int ni = itemBias.length;
        if (!knowsUser(user)) {
            for (int i = 0; i < ni; i++) {
                out[i] = mean + itemBias[i];
            }
            return;
        }
        FactorKernels.scoreAllInOrder(userVectors, user * rank, itemTiles, mean + userBias[user], out);
    }

    /** The best n items by {@link #scoreAll}, found with {@link FactorTopN} (same list, same scores). */
    @Override
    public Recommendations topN(int user, int n, IntPredicate exclude) {
        if (!knowsUser(user)) {
            return RatingModel.super.topN(user, n, exclude);
        }
        float offset = mean + userBias[user];
        int xOff = user * rank;
        return topNIndex.topN(userVectors, xOff, offset, n, exclude,
                i -> FactorKernels.scoreInOrder(userVectors, xOff, itemFactors, i * rank, rank, offset + itemBias[i]));
    }

    @Override
    public FactorTopN topNIndex() {
        return topNIndex;
    }

    @Override
    public boolean knowsUser(int user) {
        return user >= 0 && user < userCounts.length && userCounts[user] > 0;
    }

    /** Whether the item had ratings in training. */
    public boolean knowsItem(int item) {
        return item >= 0 && item < itemCounts.length && itemCounts[item] > 0;
    }

    /** Latent factors per sample, k. */
    public int factorsPerSample() {
        return factors;
    }

    /** Posterior samples averaged, S. */
    public int samples() {
        return samples;
    }

    /** Smallest rating seen in training (the lower clip of predictions). */
    public float minRating() {
        return min;
    }

    /** Largest rating seen in training (the upper clip of predictions). */
    public float maxRating() {
        return max;
    }

    /** The concatenated user vectors x_u, row-major users × S·k; read only. */
    public float[] userFactorArray() {
        return userVectors;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public float globalMean() {
        return mean;
    }

    @Override
    public float userBias(int user) {
        return knowsUser(user) ? userBias[user] : 0f;
    }

    @Override
    public float itemBias(int item) {
        return item >= 0 && item < itemBias.length ? itemBias[item] : 0f;
    }

    @Override
    public void userVector(int user, float[] out) {
        if (knowsUser(user)) {
            System.arraycopy(userVectors, user * rank, out, 0, rank);
        } else {
            Arrays.fill(out, 0, rank, 0f);
        }
    }

    @Override
    public float[] itemFactorArray() {
        return itemFactors;
    }

    @Override
    public float userRegularization() {
        return regularization;
    }

    @Override
    public IdIndex users() {
        return users;
    }

    @Override
    public IdIndex items() {
        return items;
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
    public ModelArchive.Writer toArchive() {
        return ModelIO.writer(this, users, items)
                .floats("scalars", new float[] {mean, min, max, regularization})
                .ints("layout", new int[] {factors, samples})
                .floats("user_bias", userBias)
                .floats("item_bias", itemBias)
                .floats("user_factors", userVectors, users.size(), rank)
                .floats("item_factors", itemFactors, items.size(), rank)
                .ints("user_counts", userCounts)
                .ints("item_counts", itemCounts);
    }

    /** Loads a model saved by {@link #save}. */
    static BpmfModel load(ModelArchive.Contents c) {
        if (!BpmfTrainer.NAME.equals(c.algorithm())) {
            throw new InvalidInputException("model " + c.dir() + " was trained by '" + c.algorithm()
                    + "', not '" + BpmfTrainer.NAME + "'");
        }
        float[] s = c.floats("scalars");
        int[] layout = c.ints("layout");
        if (s.length != 4 || layout.length != 2) {
            throw new ModelArchive.CorruptModelException("model " + c.dir()
                    + ": scalars or layout has the wrong length");
        }
        return new BpmfModel(c.provenance(), c.summary(), ModelIO.users(c), ModelIO.items(c), layout[0], layout[1],
                s[0], c.floats("user_bias"), c.floats("item_bias"), c.floats("user_factors"),
                c.floats("item_factors"), c.ints("user_counts"), c.ints("item_counts"), s[1], s[2], s[3]);
    }
}
