package io.marquee.predict.classify;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.Params;
import io.marquee.core.model.TrainingSummary;
import io.marquee.predict.features.FloatMatrix;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decision trees as flat primitive arrays, the serving form of the Tribuo-trained tree, random
 * forest and extra-trees models. Node {@code k} either splits ({@code feature[k] >= 0}: go to
 * {@code right[k]} when {@code x[feature] > threshold[k]}, else {@code left[k]}, exactly Tribuo's
 * rule) or is a leaf with {@code value[k]} = P(positive) in that leaf. The probability of a row is
 * the mean of its leaves' values over the trees (Tribuo's fully weighted vote).
 *
 * <p>Saved as the arrays {@code clf_roots}, {@code clf_feature}, {@code clf_left},
 * {@code clf_right} (int32), {@code clf_threshold} and {@code clf_value} (float64).
 */
public final class TreeEnsemble implements Classifier {
    private final Algo algo;
    private final int features;
    private final int[] roots;
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    private final Map<String, Object> params;
    private final ModelProvenance provenance;
    private final TrainingSummary summary;

    TreeEnsemble(Algo algo, int features, int[] roots, int[] feature, double[] threshold, int[] left, int[] right,
                 double[] value, Map<String, Object> params, ModelProvenance provenance, TrainingSummary summary) {
        int n = feature.length;
        if (threshold.length != n || left.length != n || right.length != n || value.length != n) {
            throw new InvalidInputException("tree arrays must all have " + n + " nodes");
        }
        for (int k = 0; k < n; k++) {
            if (feature[k] >= features || (feature[k] >= 0 && (left[k] <= k || right[k] <= k || left[k] >= n
                    || right[k] >= n))) {
                throw new InvalidInputException("tree node " + k + " is malformed");
            }
        }
        for (int r : roots) {
            if (r < 0 || r >= n) {
                throw InvalidInputException.of("tree root", r, "a node index below " + n);
            }
        }
        this.algo = algo;
        this.features = features;
        this.roots = roots;
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        this.params = Map.copyOf(params);
        this.provenance = provenance;
        this.summary = summary;
    }

    @Override
    public Algo algo() {
        return algo;
    }

    @Override
    public int features() {
        return features;
    }

    /** Number of trees. */
    public int trees() {
        return roots.length;
    }

    /** Number of nodes over all trees. */
    public int nodes() {
        return feature.length;
    }

    @Override
    public double[] predictProba(FloatMatrix x) {
        checkWidth(x);
        float[] d = x.data();
        int w = x.cols();
        double[] out = new double[x.rows()];
        for (int r = 0; r < out.length; r++) {
            int base = r * w;
            double sum = 0;
            for (int root : roots) {
                int k = root;
                while (feature[k] >= 0) {
                    k = (double) d[base + feature[k]] > threshold[k] ? right[k] : left[k];
                }
                sum += value[k];
            }
            out[r] = sum / roots.length;
        }
        return out;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public TrainingSummary summary() {
        return summary;
    }

    /** The params the ensemble was trained with, as a map. */
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public void writeTo(ModelArchive.Writer w) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("algo", algo.id());
        meta.put("params", params);
        meta.put("features", features);
        w.meta("classifier", meta);
        w.ints("clf_roots", roots);
        w.ints("clf_feature", feature);
        w.ints("clf_left", left);
        w.ints("clf_right", right);
        w.doubles("clf_threshold", threshold);
        w.doubles("clf_value", value);
    }

    @SuppressWarnings("unchecked")
    static TreeEnsemble read(ModelArchive.Contents c, Map<String, Object> meta, Algo algo) {
        return new TreeEnsemble(algo, ((Number) meta.get("features")).intValue(), c.ints("clf_roots"),
                c.ints("clf_feature"), c.doubles("clf_threshold"), c.ints("clf_left"), c.ints("clf_right"),
                c.doubles("clf_value"), (Map<String, Object>) meta.get("params"), c.provenance(), c.summary());
    }

    /** Params as a {@link Params} for provenance. */
    static Params asParams(Map<String, Object> map, long seed) {
        return new Params() {
            @Override
            public long seed() {
                return seed;
            }

            @Override
            public Map<String, Object> toMap() {
                return map;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeEnsemble t && t.algo == algo && Arrays.equals(t.roots, roots)
                && Arrays.equals(t.feature, feature) && Arrays.equals(t.threshold, threshold)
                && Arrays.equals(t.left, left) && Arrays.equals(t.right, right) && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(threshold) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "TreeEnsemble[" + algo.id() + ", " + roots.length + " trees, " + feature.length + " nodes]";
    }
}
