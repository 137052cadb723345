package io.marquee.segment;

import io.marquee.segment.SegmentParams.Algorithm;
import io.marquee.segment.cluster.Assigner;
import io.marquee.segment.cluster.CentroidAssigner;
import io.marquee.segment.cluster.ClusterMetrics;
import io.marquee.segment.cluster.Dbscan;
import io.marquee.segment.cluster.DbscanParams;
import io.marquee.segment.cluster.Dendrogram;
import io.marquee.segment.cluster.DensityModel;
import io.marquee.segment.cluster.GaussianMixture;
import io.marquee.segment.cluster.GmmModel;
import io.marquee.segment.cluster.GmmParams;
import io.marquee.segment.cluster.Hdbscan;
import io.marquee.segment.cluster.HdbscanParams;
import io.marquee.segment.cluster.KMeans;
import io.marquee.segment.cluster.KMeansModel;
import io.marquee.segment.cluster.KMeansParams;
import io.marquee.segment.cluster.Points;
import io.marquee.segment.cluster.Ward;
import io.marquee.segment.report.Fmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits every algorithm and parameter setting of a segmentation on the standardised viewer
 * features and labels every viewer with each: the raw material of the model comparison.
 */
final class Search {
    private static final Logger LOG = LoggerFactory.getLogger(Search.class);
    /** Quantiles of the k-distance tried as DBSCAN's ε. */
    static final double[] EPS_QUANTILES = {0.25, 0.5, 0.75, 0.9};
    /** HDBSCAN* smallest cluster, as a share of its sample. */
    static final double[] HDBSCAN_SHARES = {0.01, 0.02, 0.05};
    /** EM stops when the mean log-likelihood per viewer rises by less than this (scikit-learn's default). */
    static final double GMM_TOLERANCE = 1e-3;

    /** Fits one setting to (a subsample of) the points with a seed; used again by the stability check. */
    interface Fitter {
        Assigner fit(Points points, long seed);
    }

    /** A fitted setting: its assigner, the labels of all points and figures of the fit. */
    static final class Trial {
        final Algorithm algorithm;
        final String config;
        final Assigner assigner;
        final int[] labels;
        final double seconds;
        final double bic;
        final Fitter fitter;
        final double[] trace;
        /** Clusters the fitted model can assign to (some may end up empty on the full data). */
        final int modelClusters;

        Trial(Algorithm algorithm, String config, Assigner assigner, int[] labels, double seconds, double bic,
              Fitter fitter, double[] trace, int modelClusters) {
            this.algorithm = algorithm;
            this.config = config;
            this.assigner = assigner;
            this.labels = labels;
            this.seconds = seconds;
            this.bic = bic;
            this.fitter = fitter;
            this.trace = trace;
            this.modelClusters = modelClusters;
        }
    }

    private Search() {
    }

    static List<Trial> run(Points x, SegmentParams p) {
        List<Trial> trials = new ArrayList<>();
        int n = x.n();
        int kMax = Math.min(p.kMax(), n - 1);
        if (p.algorithms().contains(Algorithm.KMEANS)) {
            for (int k = p.kMin(); k <= kMax; k++) {
                KMeansParams kp = new KMeansParams(k, p.maxIterations(), p.kmeansRestarts(), 1e-6, p.seed());
                long t0 = System.nanoTime();
                KMeansModel m = KMeans.fit(x, kp);
                double secs = (System.nanoTime() - t0) / 1e9;
                Fitter f = (pts, seed) -> KMeans.fit(pts, kp.withSeed(seed));
                trials.add(new Trial(Algorithm.KMEANS, "k=" + k, m, m.labels(), secs, Double.NaN, f,
                        m.summary().epochLoss(), k));
            }
            LOG.info("k-means: k {}..{} fitted", p.kMin(), kMax);
        }
        if (p.algorithms().contains(Algorithm.GMM)) {
            for (GmmParams.Covariance cov : p.gmmCovariances()) {
                for (int k = p.kMin(); k <= kMax; k++) {
                    GmmParams gp = new GmmParams(k, cov, p.maxIterations(), GMM_TOLERANCE, 1e-6, p.seed());
                    long t0 = System.nanoTime();
                    GmmModel m = GaussianMixture.fit(x, gp);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    Fitter f = (pts, seed) -> GaussianMixture.fit(pts, gp.withSeed(seed));
                    LOG.debug("GMM {} k={}: {} iterations, {} s", cov.id(), k, m.iterations(), secs);
                    trials.add(new Trial(Algorithm.GMM, "covariance=" + cov.id() + ";components=" + k, m, m.labels(),
                            secs, m.bic(), f, m.summary().epochLoss(), k));
                }
                LOG.info("Gaussian mixtures ({}): components {}..{} fitted", cov.id(), p.kMin(), kMax);
            }
        }
        if (p.algorithms().contains(Algorithm.WARD)) {
            int[] rows = sample(n, p.wardSample(), p.seed() ^ 0x3A7DL);
            Points s = x.subset(rows);
            long t0 = System.nanoTime();
            Dendrogram tree = Ward.fit(s);
            double treeSecs = (System.nanoTime() - t0) / 1e9;
            for (int k = p.kMin(); k <= Math.min(kMax, s.n()); k++) {
                long t1 = System.nanoTime();
                CentroidAssigner a = CentroidAssigner.ofLabels(s, tree.cut(k), k);
                int[] labels = a.assignAll(x);
                double secs = treeSecs + (System.nanoTime() - t1) / 1e9;
                int kk = k;
                Fitter f = (pts, seed) -> {
                    Points sub = pts.subset(sample(pts.n(), p.wardSample(), seed));
                    return CentroidAssigner.ofLabels(sub, Ward.fit(sub).cut(kk), kk);
                };
                trials.add(new Trial(Algorithm.WARD, "k=" + k, a, labels, secs, Double.NaN, f, tree.heights(), k));
            }
            LOG.info("Ward: {} viewers clustered, cut at k {}..{}", s.n(), p.kMin(), kMax);
        }
        if (p.algorithms().contains(Algorithm.DBSCAN)) {
            int[] rows = sample(n, p.densitySample(), p.seed() ^ 0xDB5CL);
            Points s = x.subset(rows);
            int minPts = Math.min(p.dbscanMinPoints(), s.n());
            double[] kd = Dbscan.kDistances(s, minPts);
            double[] sorted = kd.clone();
            Arrays.sort(sorted);
            double last = -1;
            for (double q : EPS_QUANTILES) {
                double eps = sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
                eps = Math.round(eps * 1000) / 1000.0;
                if (!(eps > 0) || eps == last) {
                    continue;
                }
                last = eps;
                DbscanParams dp = new DbscanParams(eps, minPts, p.seed());
                long t0 = System.nanoTime();
                DensityModel m = Dbscan.fit(s, dp);
                int[] labels = m.assignAll(x);
                double secs = (System.nanoTime() - t0) / 1e9;
                Fitter f = (pts, seed) -> Dbscan.fit(pts.subset(sample(pts.n(), p.densitySample(), seed)), dp);
                trials.add(new Trial(Algorithm.DBSCAN, "eps=" + Fmt.num(eps, 3) + ";min_points=" + minPts
                        + ";eps_quantile=" + q, m, labels, secs, Double.NaN, f, new double[0], m.clusters()));
            }
            LOG.info("DBSCAN: {} ε values on {} viewers", EPS_QUANTILES.length, s.n());
        }
        if (p.algorithms().contains(Algorithm.HDBSCAN)) {
            int[] rows = sample(n, p.densitySample(), p.seed() ^ 0x4DB5L);
            Points s = x.subset(rows);
            int lastSize = -1;
            for (double share : HDBSCAN_SHARES) {
                int size = Math.max(5, (int) Math.round(share * s.n()));
                if (size == lastSize || size >= s.n()) {
                    continue;
                }
                lastSize = size;
                HdbscanParams hp = new HdbscanParams(size, p.dbscanMinPoints(), p.seed());
                long t0 = System.nanoTime();
                DensityModel m = Hdbscan.fit(s, hp);
                int[] labels = m.assignAll(x);
                double secs = (System.nanoTime() - t0) / 1e9;
                Fitter f = (pts, seed) -> Hdbscan.fit(pts.subset(sample(pts.n(), p.densitySample(), seed)), hp);
                trials.add(new Trial(Algorithm.HDBSCAN, "min_cluster_size=" + size + ";core_neighbours="
                        + p.dbscanMinPoints(), m, labels, secs, Double.NaN, f, new double[0], m.clusters()));
            }
            LOG.info("HDBSCAN*: {} cluster sizes on {} viewers", HDBSCAN_SHARES.length, s.n());
        }
        return trials;
    }

    /** A sorted seeded sample of {@code min(n, size)} row numbers. */
    static int[] sample(int n, int size, long seed) {
        if (size >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] s = Arrays.copyOf(idx, size);
        Arrays.sort(s);
        return s;
    }
}
