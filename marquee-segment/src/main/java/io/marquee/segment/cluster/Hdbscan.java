package io.marquee.segment.cluster;

import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * HDBSCAN* (Campello, Moulavi and Sander 2013) through Tribuo's {@code HdbscanTrainer}, with
 * Euclidean distance and brute-force neighbour queries. The points are copied into a Tribuo data
 * set (one object per value, so this is for samples of a few thousand points, not millions).
 *
 * <p>Tribuo labels noise 0 and clusters with arbitrary positive ids; here noise becomes
 * {@link Assigner#NOISE} and clusters are renumbered {@code 0 … k−1} in order of their first
 * point. New points are assigned as Tribuo's own {@code predict} does: the cluster of the nearest
 * exemplar when within the exemplar's distance to its cluster's edge, else noise.
 */
public final class Hdbscan {
    /** Tribuo logs "Hdbscan is done." at INFO through java.util.logging on every fit; kept quiet. */
    private static final java.util.logging.Logger TRIBUO_LOG =
            java.util.logging.Logger.getLogger(HdbscanTrainer.class.getName());

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private Hdbscan() {
    }

    /** Clusters the points with Tribuo's HDBSCAN*. */
    public static DensityModel fit(Points points, HdbscanParams params) {
        long start = System.nanoTime();
        points.requireFinite();
        int n = points.n();
        int d = points.d();
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance("marquee-points", factory),
                factory);
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = String.format("f%05d", j); // zero-padded: Tribuo orders features by name
        }
        double[] x = points.data();
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            System.arraycopy(x, i * d, row, 0, d);
            data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
        }
        HdbscanTrainer trainer = new HdbscanTrainer(params.minClusterSize(), new L2Distance(),
                Math.min(params.coreNeighbours(), Math.max(1, n - 1)), 1, NeighboursQueryFactoryType.BRUTE_FORCE);
        HdbscanModel model = trainer.train(data);
        List<Integer> raw = model.getClusterLabels();
        Map<Integer, Integer> renumber = new HashMap<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int r = raw.get(i);
            if (r == 0) {
                labels[i] = Assigner.NOISE;
            } else {
                labels[i] = renumber.computeIfAbsent(r, key -> renumber.size());
            }
        }
        List<double[]> exPoints = new ArrayList<>();
        List<Integer> exLabels = new ArrayList<>();
        List<Double> exRadius = new ArrayList<>();
        for (HdbscanTrainer.ClusterExemplar e : model.getClusterExemplars()) {
            Integer label = renumber.get(e.getLabel());
            if (label == null) {
                continue;
            }
            double[] f = e.getFeatures().toArray();
            double[] row = new double[d];
            System.arraycopy(f, 0, row, 0, Math.min(d, f.length));
            exPoints.add(row);
            exLabels.add(label);
            exRadius.add(e.getMaxDistToEdge());
        }
        double[] ex = new double[exPoints.size() * d];
        int[] exL = new int[exPoints.size()];
        double[] exR = new double[exPoints.size()];
        for (int m = 0; m < exPoints.size(); m++) {
            System.arraycopy(exPoints.get(m), 0, ex, m * d, d);
            exL[m] = exLabels.get(m);
            exR[m] = exRadius.get(m);
        }
        boolean[] core = new boolean[n];
        return new DensityModel(labels, core, renumber.size(), new DensityAssigner(ex, exL, exR, d),
                ModelProvenance.of("hdbscan", params, points.fingerprint()),
                new TrainingSummary(new double[0], (System.nanoTime() - start) / 1e9));
    }
}
