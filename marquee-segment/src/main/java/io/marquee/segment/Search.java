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
        /** How the setting was fitted when not simply on all viewers, for the comparison table ("" otherwise). */
        final String fitNote;

        Trial(Algorithm algorithm, String config, Assigner assigner, int[] labels, double seconds, double bic,
              Fitter fitter, double[] trace, int modelClusters) {
            this(algorithm, config, assigner, labels, seconds, bic, fitter, trace, modelClusters, "");
        }

        Trial(Algorithm algorithm, String config, Assigner assigner, int[] labels, double seconds, double bic,
              Fitter fitter, double[] trace, int modelClusters, String fitNote) {
            this.algorithm = algorithm;
            this.config = config;
            this.assigner = assigner;
            this.labels = labels;
            this.seconds = seconds;
            this.bic = bic;
            this.fitter = fitter;
            this.trace = trace;
            this.modelClusters = modelClusters;
            this.fitNote = fitNote;
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
            // every size on a sample, where BIC compares them; the BIC-best of each shape again on all
            int[] rows = sample(n, p.gmmSample(), p.seed() ^ 0x6A55L);
            boolean sampled = rows.length < n;
            Points s = sampled ? x.subset(rows) : x;
            for (GmmParams.Covariance cov : p.gmmCovariances()) {
                List<GmmModel> fits = new ArrayList<>();
                List<Double> secs = new ArrayList<>();
                int best = -1;
                for (int k = p.kMin(); k <= Math.min(kMax, s.n() - 1); k++) {
                    GmmParams gp = new GmmParams(k, cov, p.maxIterations(), GMM_TOLERANCE, 1e-6, p.seed());
                    long t0 = System.nanoTime();
                    GmmModel m = GaussianMixture.fit(s, gp);
                    secs.add((System.nanoTime() - t0) / 1e9);
                    LOG.debug("GMM {} k={}: {} iterations, {} s", cov.id(), k, m.iterations(), secs.get(secs.size() - 1));
                    fits.add(m);
                    if (Double.isFinite(m.bic()) && (best < 0 || m.bic() < fits.get(best).bic())) {
                        best = fits.size() - 1;
                    }
                }
                for (int i = 0; i < fits.size(); i++) {
                    GmmModel m = fits.get(i);
                    int k = m.components();
                    GmmParams gp = new GmmParams(k, cov, p.maxIterations(), GMM_TOLERANCE, 1e-6, p.seed());
                    double seconds = secs.get(i);
                    GmmModel model = m;
                    int[] labels;
                    if (!sampled) {
                        labels = m.labels();
                    } else if (i == best) {
                        long t0 = System.nanoTime();
                        model = GaussianMixture.fit(x, gp);
                        seconds += (System.nanoTime() - t0) / 1e9;
                        labels = model.labels();
                    } else {
                        labels = m.assignAll(x);
                    }
                    Fitter f = (pts, seed) -> GaussianMixture.fit(pts, gp.withSeed(seed));
                    // the BIC reported is the sample fit's, so the sizes stay comparable
                    String note = !sampled ? "" : "BIC on a sample of " + s.n()
                            + (i == best ? "; the BIC-best size, fitted again on all viewers" : "; fitted on that sample");
                    trials.add(new Trial(Algorithm.GMM, "covariance=" + cov.id() + ";components=" + k, model, labels,
                            seconds, m.bic(), f, model.summary().epochLoss(), k, note));
                }
                LOG.info("Gaussian mixtures ({}): components {}..{} fitted to {} viewers{}", cov.id(), p.kMin(), kMax,
                        s.n(), sampled && best >= 0 ? ", components=" + fits.get(best).components()
                                + " (BIC-best) again to all " + n : "");
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
