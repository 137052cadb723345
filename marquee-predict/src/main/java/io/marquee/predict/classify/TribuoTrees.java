package io.marquee.predict.classify;

import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.Params;
import io.marquee.core.model.TrainingSummary;
import io.marquee.predict.features.FloatMatrix;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Decision tree, random forest and extra trees trained by Tribuo 4.3 (CART), then copied into a
 * {@link TreeEnsemble} of flat arrays: serving needs neither Tribuo's object model nor its
 * serialization, and scores rows from primitive arrays. Random forests draw bootstrap samples and a
 * {@code featureFraction} of the features at each split; extra trees also draw split points at
 * random. Example weights are passed to Tribuo, whose CART uses them in its impurity.
 */
public final class TribuoTrees implements ClassifierTrainer {
    static final String POSITIVE = "1";
    static final String NEGATIVE = "0";

    static {
        // Tribuo reports every bagged tree at INFO through java.util.logging
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    private final Algo algo;
    private final Params params;
    private final Trainer<Label> trainer;

    private TribuoTrees(Algo algo, Params params, Trainer<Label> trainer) {
        this.algo = algo;
        this.params = params;
        this.trainer = trainer;
    }

    /** One CART tree over all features. */
    public static TribuoTrees decisionTree(TreeParams p) {
        CARTClassificationTrainer cart = new CARTClassificationTrainer(p.maxDepth(), p.minChildWeight(),
                p.minImpurityDecrease(), 1.0f, false, impurity(p.impurity()), p.seed());
        return new TribuoTrees(Algo.TREE, p, cart);
    }

    /** A random forest: bootstrap samples, a share of features at each split. */
    public static TribuoTrees randomForest(ForestParams p) {
        CARTClassificationTrainer cart = new CARTClassificationTrainer(p.maxDepth(), p.minChildWeight(), 0f,
                p.featureFraction(), false, impurity(p.impurity()), p.seed());
        return new TribuoTrees(Algo.RF, p,
                new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(), p.trees(), p.seed()));
    }

    /** Extremely randomised trees: random split points, a share of features at each split. */
    public static TribuoTrees extraTrees(ForestParams p) {
        CARTClassificationTrainer cart = new CARTClassificationTrainer(p.maxDepth(), p.minChildWeight(), 0f,
                p.featureFraction(), true, impurity(p.impurity()), p.seed());
        return new TribuoTrees(Algo.EXTRATREES, p,
                new ExtraTreesTrainer<>(cart, new FullyWeightedVotingCombiner(), p.trees(), p.seed()));
    }

    private static LabelImpurity impurity(String name) {
        return "entropy".equals(name) ? new Entropy() : new GiniIndex();
    }

    public Algo algo() {
        return algo;
    }

    @Override
    public TreeEnsemble fit(FloatMatrix x, boolean[] y, float[] weights) {
        GbdtTrainer.TrainingChecks.check(x, y, weights);
        long start = System.nanoTime();
        Model<Label> model = trainer.train(dataset(x, y, weights));
        List<TreeModel<Label>> trees = new ArrayList<>();
        if (model instanceof TreeModel<Label> t) {
            trees.add(t);
        } else if (model instanceof EnsembleModel<Label> e) {
            for (Model<Label> m : e.getModels()) {
                trees.add((TreeModel<Label>) m);
            }
        } else {
            throw new IllegalStateException("unexpected Tribuo model " + model.getClass().getName());
        }
        Flattener f = new Flattener(x.names().size());
        IntArrayList roots = new IntArrayList();
        for (TreeModel<Label> t : trees) {
            roots.add(f.add(t.getRoot(), t.getFeatureIDMap()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelProvenance prov = ModelProvenance.of(algo.id(), params, Fingerprints.of(x, y, weights));
        return new TreeEnsemble(algo, x.cols(), roots.toIntArray(), f.feature.toIntArray(),
                f.threshold.toDoubleArray(), f.left.toIntArray(), f.right.toIntArray(), f.value.toDoubleArray(),
                params.toMap(), prov, new TrainingSummary(new double[0], seconds));
    }

    /** Feature names Tribuo sees: zero-padded so that their sorted order is the column order. */
    static String[] featureNames(int cols) {
        String[] names = new String[cols];
        for (int c = 0; c < cols; c++) {
            names[c] = String.format("f%06d", c);
        }
        return names;
    }

    /** The training matrix as a Tribuo dataset (labels "1"/"0", per-example weights). */
    static MutableDataset<Label> dataset(FloatMatrix x, boolean[] y, float[] weights) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("marquee matrix", factory),
                factory);
        String[] names = featureNames(x.cols());
        Label pos = new Label(POSITIVE);
        Label neg = new Label(NEGATIVE);
        double[] values = new double[x.cols()];
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < values.length; c++) {
                values[c] = x.get(r, c);
            }
            ArrayExample<Label> ex = new ArrayExample<>(y[r] ? pos : neg, names, values);
            if (weights != null) {
                ex.setWeight(weights[r]);
            }
            ds.add(ex);
        }
        return ds;
    }

    /** Copies Tribuo trees into flat arrays, nodes in pre-order (children after their parent). */
    private static final class Flattener {
        final int cols;
        final IntArrayList feature = new IntArrayList();
        final DoubleArrayList threshold = new DoubleArrayList();
        final IntArrayList left = new IntArrayList();
        final IntArrayList right = new IntArrayList();
        final DoubleArrayList value = new DoubleArrayList();

        Flattener(int cols) {
            this.cols = cols;
        }

        int add(Node<Label> root, ImmutableFeatureMap ids) {
            int[] column = new int[ids.size()];
            for (int c = 0; c < cols; c++) {
                int id = ids.getID(String.format("f%06d", c));
                if (id >= 0) {
                    column[id] = c;
                }
            }
            return addNode(root, column);
        }

        private int addNode(Node<Label> node, int[] column) {
            int k = feature.size();
            feature.add(-1);
            threshold.add(0);
            left.add(-1);
            right.add(-1);
            value.add(0);
            if (node instanceof SplitNode<Label> s) {
                feature.set(k, column[s.getFeatureID()]);
                threshold.set(k, s.splitValue());
                int l = addNode(s.getLessThanOrEqual(), column);
                int r = addNode(s.getGreaterThan(), column);
                left.set(k, l);
                right.set(k, r);
            } else {
                value.set(k, positiveShare((LeafNode<Label>) node));
            }
            return k;
        }

        private static double positiveShare(LeafNode<Label> leaf) {
            Map<String, Label> dist = leaf.getDistribution();
            double total = 0;
            double pos = 0;
            for (Map.Entry<String, Label> e : dist.entrySet()) {
                total += e.getValue().getScore();
                if (POSITIVE.equals(e.getKey())) {
                    pos += e.getValue().getScore();
                }
            }
            if (total > 0) {
                return pos / total;
            }
            return POSITIVE.equals(leaf.getOutput().getLabel()) ? 1 : 0;
        }
    }
}
