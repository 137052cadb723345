package io.marquee.recommend.knn;

import io.marquee.core.data.IdIndex;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.ModelIO;
import io.marquee.recommend.ParamsBinder;
import io.marquee.recommend.RatingModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained item-kNN model (Surprise's {@code KNNBaseline}, item-based). The rating prediction is
 * <pre>
 *   r̂_ui = b_ui + Σ_{j ∈ N_k(i;u)} s_ij (r_uj − b_uj) / Σ_{j ∈ N_k(i;u)} s_ij,   b_ui = μ + b_u + b_i
 * </pre>
 * where N_k(i;u) are the k items most similar to i (positive similarity only) among those u rated,
 * clipped to the range of ratings seen in training. With no such neighbour the prediction is the
 * baseline b_ui. A user without training ratings (or an index beyond the model) is not known: the
 * prediction is μ + b_i and {@link #scoreAll} gives the same non-personal estimate.
 *
 * <p>{@link #scoreAll} for a known user follows {@link ItemKnnParams#scoring()}: the sum of the
 * similarities to the neighbours (default) or the unclipped rating prediction.
 *
 * <p>Immutable and thread-safe. Archive arrays: {@code global_mean} (float32[1]),
 * {@code rating_range} (float32[2]), {@code user_bias}, {@code item_bias} (float32),
 * {@code neighbour_ptr} (int32[items+1]), {@code neighbour_items} (int32), {@code neighbour_sims}
 * (float32), and the training ratings by user: {@code train_ptr} (int32[users+1]),
 * {@code train_items} (int32), {@code train_values} (float32).
 */
public final class ItemKnnModel implements RatingModel {
    /** Algorithm name in manifests and on the command line. */
    public static final String ALGORITHM = "itemknn";

    /** The item-kNN algorithm for the CLI, the registry and tuning. */
    public static final AlgorithmSpec<ItemKnnParams, ItemKnnModel> SPEC = new AlgorithmSpec<>(ALGORITHM,
            "item-based k nearest neighbours on baseline residuals (KNNBaseline, shrunk Pearson)",
            ItemKnnParams.defaults(), ItemKnnTrainer::new, ItemKnnModel::load, true);

    private final ModelProvenance provenance;
    private final TrainingSummary summary;
    private final ItemKnnParams params;
    private final IdIndex users;
    private final IdIndex items;
    private final float mean;
    private final float min;
    private final float max;
    private final float[] userBias;
    private final float[] itemBias;
    private final int[] nbrPtr;
    private final int[] nbrItems;
    private final float[] nbrSims;
    private final int[] trainPtr;
    private final int[] trainItems;
    private final float[] trainValues;

    ItemKnnModel(ModelProvenance provenance, TrainingSummary summary, ItemKnnParams params, IdIndex users,
                 IdIndex items, float mean, float min, float max, float[] userBias, float[] itemBias,
                 int[] nbrPtr, int[] nbrItems, float[] nbrSims, int[] trainPtr, int[] trainItems,
                 float[] trainValues) {
        int nu = users.size();
        int ni = items.size();
        if (userBias.length != nu || itemBias.length != ni || nbrPtr.length != ni + 1
                || nbrItems.length != nbrSims.length || nbrPtr[ni] != nbrItems.length
                || trainPtr.length != nu + 1 || trainItems.length != trainValues.length
                || trainPtr[nu] != trainItems.length) {
            throw new InvalidInputException("item-kNN arrays do not match " + nu + " users and " + ni + " items");
        }
        this.provenance = provenance;
        this.summary = summary;
        this.params = params;
        this.users = users;
        this.items = items;
        this.mean = mean;
        this.min = min;
        this.max = max;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.nbrPtr = nbrPtr;
        this.nbrItems = nbrItems;
        this.nbrSims = nbrSims;
        this.trainPtr = trainPtr;
        this.trainItems = trainItems;
        this.trainValues = trainValues;
    }

    /** Loads a model written by {@link #toArchive()}. */
    public static ItemKnnModel load(ModelArchive.Contents c) {
        if (!ALGORITHM.equals(c.algorithm())) {
            throw new InvalidInputException("model " + c.dir() + " was trained by '" + c.algorithm()
                    + "', not '" + ALGORITHM + "'");
        }
        ModelProvenance prov = c.provenance();
        Map<String, String> raw = new LinkedHashMap<>();
        prov.params().forEach((key, value) -> raw.put(key, String.valueOf(value)));
        ItemKnnParams params = ParamsBinder.bind(ItemKnnParams.defaults(), raw);
        float[] range = c.floats("rating_range");
        return new ItemKnnModel(prov, c.summary(), params, ModelIO.users(c), ModelIO.items(c),
                c.floats("global_mean")[0], range[0], range[1], c.floats("user_bias"), c.floats("item_bias"),
                c.ints("neighbour_ptr"), c.ints("neighbour_items"), c.floats("neighbour_sims"),
                c.ints("train_ptr"), c.ints("train_items"), c.floats("train_values"));
    }

    /** The params the model was trained with (k and scoring apply at prediction time). */
    public ItemKnnParams params() {
        return params;
    }

    /** Global mean μ. */
    public float globalMean() {
        return mean;
    }

    /** b_u, or 0 for a user the model does not know. */
    public float userBias(int user) {
        return user >= 0 && user < userBias.length ? userBias[user] : 0f;
    }

    /** b_i. */
    public float itemBias(int item) {
        checkItem(item);
        return itemBias[item];
    }

    /** The baseline b_ui = μ + b_u + b_i (b_u = 0 for an unknown user). */
    public float baseline(int user, int item) {
        return mean + userBias(user) + itemBias(item);
    }

    /** The stored neighbours of an item, most similar first (a copy). */
    public int[] neighbours(int item) {
        checkItem(item);
        return Arrays.copyOfRange(nbrItems, nbrPtr[item], nbrPtr[item + 1]);
    }

    /** Similarities of {@link #neighbours(int)}, in the same order (a copy). */
    public float[] neighbourSimilarities(int item) {
        checkItem(item);
        return Arrays.copyOfRange(nbrSims, nbrPtr[item], nbrPtr[item + 1]);
    }

    /** s_ij as stored: 0 when j is not among i's kept neighbours (or the similarity was not positive). */
    public float similarity(int i, int j) {
        checkItem(i);
        checkItem(j);
        if (i == j) {
            return 1f;
        }
        for (int p = nbrPtr[i]; p < nbrPtr[i + 1]; p++) {
            if (nbrItems[p] == j) {
                return nbrSims[p];
            }
        }
        return 0f;
    }

    @Override
    public boolean knowsUser(int user) {
        return user >= 0 && user < userBias.length && trainPtr[user + 1] > trainPtr[user];
    }

    @Override
    public float predict(int user, int item) {
        float v = rawPrediction(user, item);
        return v < min ? min : (v > max ? max : v);
    }

    /** The unclipped prediction. */
    private float rawPrediction(int user, int item) {
        checkItem(item);
        if (!knowsUser(user)) {
            return mean + itemBias[item];
        }
        float bu = userBias[user];
        int from = trainPtr[user];
        int to = trainPtr[user + 1];
        int k = params.k();
        int found = 0;
        double sumSim = 0;
        double sum = 0;
        for (int p = nbrPtr[item]; p < nbrPtr[item + 1] && found < k; p++) {
            int j = nbrItems[p];
            int at = Arrays.binarySearch(trainItems, from, to, j);
            if (at >= 0) {
                float s = nbrSims[p];
                sumSim += s;
                sum += s * (trainValues[at] - (mean + bu + itemBias[j]));
                found++;
            }
        }
        double est = mean + bu + itemBias[item];
        if (sumSim > 0) {
            est += sum / sumSim;
        }
        return (float) est;
    }

    @Override
    public float score(int user, int item) {
        if (!knowsUser(user)) {
            checkItem(item);
            return mean + itemBias[item];
        }
        if (params.scoring() == ItemKnnParams.Scoring.RATING) {
            return rawPrediction(user, item);
        }
        checkItem(item);
        int from = trainPtr[user];
        int to = trainPtr[user + 1];
        int k = params.k();
        int found = 0;
        double sum = 0;
        for (int p = nbrPtr[item]; p < nbrPtr[item + 1] && found < k; p++) {
            if (Arrays.binarySearch(trainItems, from, to, nbrItems[p]) >= 0) {
                sum += nbrSims[p];
                found++;
            }
        }
        return (float) sum;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        int n = itemBias.length;
        if (!knowsUser(user)) {
            for (int i = 0; i < n; i++) {
                out[i] = mean + itemBias[i];
            }
            return;
        }
        float bu = userBias[user];
        // residual of each rated item (NaN: not rated), so each neighbour costs one array read
        float[] resid = new float[n];
        Arrays.fill(resid, Float.NaN);
        for (int p = trainPtr[user]; p < trainPtr[user + 1]; p++) {
            int j = trainItems[p];
            resid[j] = trainValues[p] - (mean + bu + itemBias[j]);
        }
        boolean rating = params.scoring() == ItemKnnParams.Scoring.RATING;
        int k = params.k();
        for (int i = 0; i < n; i++) {
            int found = 0;
            double sumSim = 0;
            double sum = 0;
            for (int p = nbrPtr[i]; p < nbrPtr[i + 1] && found < k; p++) {
                float r = resid[nbrItems[p]];
                if (r == r) {
                    float s = nbrSims[p];
                    sumSim += s;
                    sum += s * r;
                    found++;
                }
            }
            if (rating) {
                out[i] = (float) (mean + bu + itemBias[i] + (sumSim > 0 ? sum / sumSim : 0));
            } else {
                out[i] = (float) sumSim;
            }
        }
    }

    /** Smallest rating seen in training (lower clip of predictions). */
    public float minRating() {
        return min;
    }

    /** Largest rating seen in training (upper clip of predictions). */
    public float maxRating() {
        return max;
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
                .meta("similarity", params.similarity().name().toLowerCase(java.util.Locale.ROOT))
                .meta("k", params.k())
                .meta("neighbour_entries", nbrItems.length)
                .floats("global_mean", new float[] {mean})
                .floats("rating_range", new float[] {min, max})
                .floats("user_bias", userBias)
                .floats("item_bias", itemBias)
                .ints("neighbour_ptr", nbrPtr)
                .ints("neighbour_items", nbrItems)
                .floats("neighbour_sims", nbrSims)
                .ints("train_ptr", trainPtr)
                .ints("train_items", trainItems)
                .floats("train_values", trainValues);
    }

    private void checkItem(int item) {
        if (item < 0 || item >= itemBias.length) {
            throw new NotFoundException("item index " + item + " is not in the item-kNN model ("
                    + itemBias.length + " items)");
        }
    }
}
