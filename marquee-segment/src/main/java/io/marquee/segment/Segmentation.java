package io.marquee.segment;

import io.marquee.core.data.Dataset;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.core.progress.Progress;
import io.marquee.segment.cluster.Assigner;
import io.marquee.segment.cluster.CentroidAssigner;
import io.marquee.segment.cluster.ClusterMetrics;
import io.marquee.segment.cluster.DensityModel;
import io.marquee.segment.cluster.KMeansModel;
import io.marquee.segment.cluster.Pca;
import io.marquee.segment.cluster.Points;
import io.marquee.segment.features.FeatureMatrix;
import io.marquee.segment.features.FeatureSpec;
import io.marquee.segment.features.Preprocessor;
import io.marquee.segment.features.ViewerFeatures;
import io.marquee.segment.report.Fmt;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audience segmentation, end to end ({@code marquee segment --out DIR --json}):
 *
 * <ol>
 *   <li>per-viewer behaviour features ({@link ViewerFeatures}), cleaned and standardised
 *       ({@link Preprocessor});</li>
 *   <li>k-means (k-means++, k tuned), Gaussian mixtures (EM, diagonal and full covariances,
 *       components tuned; BIC recorded), Ward agglomerative clustering (on a sample, the rest
 *       assigned to the nearest centroid), DBSCAN (ε tuned over k-distance quantiles) and HDBSCAN*
 *       (minimum cluster size tuned), both on a sample with the rest assigned;</li>
 *   <li>silhouette, Davies–Bouldin and Calinski–Harabasz of every candidate on all viewers;</li>
 *   <li>the choice: admissible candidates (segments between {@code kMin} and {@code kMax},
 *       smallest segment ≥ {@code minSegmentShare}, noise ≤ {@code maxNoiseShare}, a Gaussian
 *       mixture only at the number of components its BIC prefers) are taken by decreasing
 *       silhouette (ties: lower Davies–Bouldin); the first whose re-fits on {@code stabilityRuns}
 *       subsamples agree with it at a mean adjusted Rand index ≥ {@code minStability} is chosen
 *       (at most five are checked; if none passes, the most stable of them);</li>
 *   <li>segments numbered by size, profiled and named ({@link Profiler}); stability by
 *       re-fitting on subsamples and by time halves ({@link Stability}); representation by age
 *       group and gender ({@link Representation});</li>
 *   <li>reports, charts, CSVs and the model directory written to the output directory.</li>
 * </ol>
 *
 * <p>Deterministic for a given data set and {@link SegmentParams#seed()}.
 */
public final class Segmentation {
    private static final Logger LOG = LoggerFactory.getLogger(Segmentation.class);
    /** Candidates whose stability is checked, best silhouette first, before giving up. */
    static final int MAX_STABILITY_CHECKS = 5;

    private Segmentation() {
    }

    /** Runs the segmentation and writes every output under {@code outDir}. */
    public static SegmentationResult run(Dataset data, SegmentParams params, Path outDir) {
        return run(data, params, outDir, Progress.NONE);
    }

    /** As {@link #run(Dataset, SegmentParams, Path)}, reporting the stages to {@code progress}. */
    public static SegmentationResult run(Dataset data, SegmentParams params, Path outDir, Progress progress) {
        long start = System.nanoTime();
        Progress pr = progress == null ? Progress.NONE : progress;
        pr.start("segmentation", 6);
        Analysis a = analyse(data, params, pr);
        pr.advance(1);
        List<String> files = SegmentReport.write(a, outDir);
        pr.advance(1);
        pr.finish();
        double secs = (System.nanoTime() - start) / 1e9;
        LOG.info("segmentation: {} viewers, chose {} in {} s", a.raw.rows(), a.chosen.label(), Fmt.num(secs, 1));
        return new SegmentationResult(a.raw.rows(), a.raw.names(), a.candidates, a.chosen, a.reason, a.elbowK,
                a.model, a.stability, a.representation, a.pca.explainedVarianceRatio(), files, outDir.toAbsolutePath(),
                secs);
    }

    /** Everything computed by a run, handed to the report writer. */
    static final class Analysis {
        Dataset data;
        SegmentParams params;
        FeatureSpec spec;
        FeatureMatrix raw;
        Preprocessor pre;
        Points x;
        List<Search.Trial> trials;
        List<Candidate> candidates;
        int chosenIndex;
        Candidate chosen;
        String reason;
        int elbowK;
        int[] segments;
        int[] silhouetteRows;
        double[] chosenSilhouettes;
        SegmentModel model;
        Stability stability;
        Representation representation;
        Pca pca;
        Points pcaCoords;
        /** Subsample ARIs of the candidates whose stability was checked, by candidate index. */
        Map<Integer, double[]> aris = new LinkedHashMap<>();
    }

    static Analysis analyse(Dataset data, SegmentParams p, Progress pr) {
        Analysis a = new Analysis();
        a.data = data;
        a.params = p;
        a.spec = FeatureSpec.fit(data, p.topGenres(), p.topDevices());
        a.raw = ViewerFeatures.compute(data, a.spec, p.minViews());
        int n = a.raw.rows();
        if (n < Math.max(20, 2 * p.kMin())) {
            throw new InvalidInputException("segmentation needs at least " + Math.max(20, 2 * p.kMin())
                    + " viewers with " + p.minViews() + "+ views, found " + n);
        }
        a.pre = Preprocessor.fit(a.raw, p.winsorQuantile());
        a.x = a.pre.transform(a.raw);
        LOG.info("segmentation: {} viewers × {} features", n, a.raw.columns());
        pr.advance(1);

        long t0 = System.nanoTime();
        a.trials = Search.run(a.x, p);
        LOG.info("segmentation: {} candidates fitted in {} s", a.trials.size(), Fmt.num((System.nanoTime() - t0) / 1e9, 1));
        pr.advance(1);
        t0 = System.nanoTime();
        score(a);
        LOG.info("segmentation: candidates scored in {} s", Fmt.num((System.nanoTime() - t0) / 1e9, 1));
        pr.advance(1);
        Search.Trial t = a.trials.get(a.chosenIndex);

        // segments numbered by size
        int clusters = t.modelClusters;
        long[] count = new long[clusters];
        for (int l : t.labels) {
            if (l >= 0) {
                count[l]++;
            }
        }
        Integer[] order = new Integer[clusters];
        for (int c = 0; c < clusters; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (i, j) -> count[i] != count[j] ? Long.compare(count[j], count[i]) : Integer.compare(i, j));
        int[] segmentOf = new int[clusters];
        for (int r = 0; r < clusters; r++) {
            segmentOf[order[r]] = r;
        }
        a.segments = new int[n];
        for (int i = 0; i < n; i++) {
            a.segments[i] = t.labels[i] < 0 ? -1 : segmentOf[t.labels[i]];
        }
        List<SegmentProfile> profiles = Profiler.profiles(a.raw, a.x, a.segments, clusters, a.pre, a.spec.genres());
        Map<String, Object> prov = new LinkedHashMap<>(p.toMap());
        prov.put("chosen_algorithm", t.algorithm.id());
        prov.put("chosen_params", t.config);
        ModelProvenance provenance = new ModelProvenance("segmentation-" + t.algorithm.id(), prov, p.seed(),
                fingerprint(data), Instant.now(), ModelProvenance.currentCodeVersion());
        a.model = new SegmentModel(t.algorithm.id(), t.config, a.spec, a.pre, servingAssigner(t.assigner), segmentOf,
                profiles, provenance, new TrainingSummary(t.trace, t.seconds));

        t0 = System.nanoTime();
        a.stability = stability(a, t);
        LOG.info("segmentation: stability measured in {} s", Fmt.num((System.nanoTime() - t0) / 1e9, 1));
        pr.advance(1);
        a.representation = Representation.of(data.viewers(), a.raw.userIndices(), a.segments,
                profiles.stream().map(SegmentProfile::name).toList());
        a.pca = Pca.fit(a.x, Math.min(2, a.x.d()));
        a.pcaCoords = a.pca.transform(a.x);
        return a;
    }

    private static Assigner servingAssigner(Assigner a) {
        if (a instanceof KMeansModel m) {
            return new CentroidAssigner(m.centroids(), m.k(), m.d());
        }
        if (a instanceof DensityModel m) {
            return m.assigner();
        }
        return a;
    }

    /** Scores every trial, applies the choice rule and finds the k-means elbow. */
    private static void score(Analysis a) {
        SegmentParams p = a.params;
        int n = a.x.n();
        int[][] labelings = new int[a.trials.size()][];
        for (int i = 0; i < labelings.length; i++) {
            labelings[i] = a.trials.get(i).labels;
        }
        a.silhouetteRows = ClusterMetrics.sampleRows(n, p.silhouetteMaxExact(), p.silhouetteSample(), p.seed() ^ 0x5117L);
        double[][] per = ClusterMetrics.silhouetteValues(a.x, labelings, a.silhouetteRows);
        List<Candidate> cands = new ArrayList<>();
        for (int i = 0; i < labelings.length; i++) {
            Search.Trial t = a.trials.get(i);
            int[] labels = t.labels;
            long[] count = new long[Math.max(t.modelClusters, ClusterMetrics.clusterCount(labels))];
            long noise = 0;
            for (int l : labels) {
                if (l < 0) {
                    noise++;
                } else if (l < count.length) {
                    count[l]++;
                }
            }
            long smallest = Long.MAX_VALUE;
            for (long c : count) {
                smallest = Math.min(smallest, c);
            }
            int clusters = ClusterMetrics.clusterCount(labels);
            double sil = mean(per[i], clusters);
            double db = ClusterMetrics.daviesBouldin(a.x, labels);
            double ch = ClusterMetrics.calinskiHarabasz(a.x, labels);
            double inertia = ClusterMetrics.inertia(a.x, labels);
            double noiseShare = (double) noise / n;
            double smallestShare = count.length == 0 ? 0 : (double) smallest / n;
            List<String> why = new ArrayList<>();
            if (clusters < p.kMin() || clusters > p.kMax()) {
                why.add(clusters + " segments outside " + p.kMin() + "–" + p.kMax());
            }
            if (clusters < t.modelClusters) {
                why.add((t.modelClusters - clusters) + " empty segment(s)");
            }
            if (smallestShare < p.minSegmentShare()) {
                why.add("smallest segment " + Fmt.num(100 * smallestShare, 2) + " % < " + Fmt.pct(p.minSegmentShare()));
            }
            if (noiseShare > p.maxNoiseShare()) {
                why.add("noise " + Fmt.pct(noiseShare) + " > " + Fmt.pct(p.maxNoiseShare()));
            }
            if (Double.isNaN(sil)) {
                why.add("silhouette undefined");
            }
            boolean admissible = why.isEmpty();
            String note = admissible ? "" : String.join("; ", why);
            if (t.algorithm == SegmentParams.Algorithm.WARD) {
                note = (note.isEmpty() ? "" : note + "; ") + "fitted on a sample of " + Math.min(n, p.wardSample());
            } else if (t.algorithm == SegmentParams.Algorithm.DBSCAN || t.algorithm == SegmentParams.Algorithm.HDBSCAN) {
                note = (note.isEmpty() ? "" : note + "; ") + "fitted on a sample of " + Math.min(n, p.densitySample());
            }
            if (!t.fitNote.isEmpty()) {
                note = (note.isEmpty() ? "" : note + "; ") + t.fitNote;
            }
            cands.add(new Candidate(t.algorithm.id(), t.config, clusters, noiseShare, smallestShare, sil, db, ch,
                    inertia, t.bic, t.seconds, Double.NaN, admissible, note, false));
        }
        // Gaussian mixtures: the number of components is chosen by BIC (lowest), per covariance shape,
        // among the settings that pass the other filters; the rest are not admissible
        Map<String, Integer> bicBest = new LinkedHashMap<>();
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            if (c.algorithm().equals("gmm") && c.admissible()) {
                String shape = c.config().substring(0, c.config().indexOf(';'));
                Integer cur = bicBest.get(shape);
                if (cur == null || c.bic() < cands.get(cur).bic()) {
                    bicBest.put(shape, i);
                }
            }
        }
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            if (c.algorithm().equals("gmm") && c.admissible()) {
                String shape = c.config().substring(0, c.config().indexOf(';'));
                int b = bicBest.get(shape);
                if (b != i) {
                    cands.set(i, c.notAdmissible("BIC prefers " + cands.get(b).config().substring(shape.length() + 1)));
                }
            }
        }
        // the choice: admissible candidates by silhouette (ties: lower Davies–Bouldin); the first whose
        // subsample re-fits agree with it (mean ARI ≥ minStability) wins; at most MAX_STABILITY_CHECKS tried
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cands.size(); i++) {
            if (cands.get(i).admissible()) {
                order.add(i);
            }
        }
        order.sort((i, j) -> {
            int c = Double.compare(cands.get(j).silhouette(), cands.get(i).silhouette());
            return c != 0 ? c : Double.compare(cands.get(i).daviesBouldin(), cands.get(j).daviesBouldin());
        });
        int best = -1;
        String rule;
        String filters = p.kMin() + "–" + p.kMax() + " segments, smallest segment ≥ " + Fmt.pct(p.minSegmentShare())
                + ", noise ≤ " + Fmt.pct(p.maxNoiseShare()) + (a.params.algorithms().contains(SegmentParams.Algorithm.GMM)
                ? ", Gaussian mixtures at their BIC-best size" : "");
        List<String> rejected = new ArrayList<>();
        if (!order.isEmpty()) {
            int mostStable = -1;
            for (int r = 0; r < Math.min(MAX_STABILITY_CHECKS, order.size()); r++) {
                int i = order.get(r);
                if (p.stabilityRuns() == 0) {
                    best = i;
                    break;
                }
                double[] aris = subsampleAris(a, a.trials.get(i));
                a.aris.put(i, aris);
                double mean = Arrays.stream(aris).average().orElse(Double.NaN);
                boolean stable = mean >= p.minStability();
                cands.set(i, cands.get(i).withStability(mean, stable, stable ? null
                        : "unstable: subsample ARI " + Fmt.num(mean, 3) + " < " + p.minStability()));
                if (mostStable < 0 || mean > cands.get(mostStable).stabilityAri()) {
                    mostStable = i;
                }
                if (stable) {
                    best = i;
                    break;
                }
                rejected.add(cands.get(i).label() + " (silhouette " + Fmt.num(cands.get(i).silhouette(), 3)
                        + ", subsample ARI " + Fmt.num(mean, 3) + ")");
            }
            Candidate c;
            if (best >= 0) {
                c = cands.get(best);
                rule = c.label() + " has the highest silhouette, " + Fmt.num(c.silhouette(), 3) + ", among the "
                        + order.size() + " admissible candidates (" + filters + ")"
                        + (rejected.isEmpty() ? "" : " once the less stable ones were set aside")
                        + ", with Davies–Bouldin " + Fmt.num(c.daviesBouldin(), 3) + " and Calinski–Harabasz "
                        + Fmt.num(c.calinskiHarabasz(), 1)
                        + (Double.isNaN(c.stabilityAri()) ? "" : "; re-fits on subsamples agree with it at a mean "
                        + "adjusted Rand index of " + Fmt.num(c.stabilityAri(), 3) + " (≥ " + p.minStability() + ")")
                        + ".";
                if (!rejected.isEmpty()) {
                    rule += " Set aside as unstable: " + String.join("; ", rejected) + ".";
                }
            } else {
                best = mostStable;
                c = cands.get(best);
                rule = "None of the " + Math.min(MAX_STABILITY_CHECKS, order.size()) + " best admissible candidates ("
                        + filters + ") reached a subsample ARI of " + p.minStability() + "; " + c.label()
                        + " is the most stable of them (ARI " + Fmt.num(c.stabilityAri(), 3) + ", silhouette "
                        + Fmt.num(c.silhouette(), 3) + "). Treat its segments as soft.";
            }
            int runnerUp = -1;
            for (int i : order) {
                if (i != best && cands.get(i).admissible() && !cands.get(i).algorithm().equals(c.algorithm())
                        && (runnerUp < 0 || cands.get(i).silhouette() > cands.get(runnerUp).silhouette())) {
                    runnerUp = i;
                }
            }
            if (runnerUp >= 0) {
                rule += " The best of the other algorithms is " + cands.get(runnerUp).label() + " at "
                        + Fmt.num(cands.get(runnerUp).silhouette(), 3) + ".";
            }
        } else {
            best = fallback(cands);
            rule = "No candidate passed the filters (" + filters + "); " + cands.get(best).label()
                    + " has the highest silhouette of the rest, " + Fmt.num(cands.get(best).silhouette(), 3) + ".";
        }
        cands.set(best, cands.get(best).asChosen());
        a.candidates = cands;
        a.chosenIndex = best;
        a.chosen = cands.get(best);
        a.chosenSilhouettes = per[best];
        a.elbowK = elbow(a.trials, cands);
        if (a.elbowK > 0) {
            rule += " The elbow of the k-means inertia curve is at k = " + a.elbowK + ".";
        }
        a.reason = rule;
    }

    private static int fallback(List<Candidate> cands) {
        int best = -1;
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            if (c.clusters() >= 2 && !Double.isNaN(c.silhouette())
                    && (best < 0 || c.silhouette() > cands.get(best).silhouette())) {
                best = i;
            }
        }
        if (best < 0) {
            throw new InvalidInputException("no clustering found two or more segments in these viewers");
        }
        return best;
    }

    private static double mean(double[] values, int clusters) {
        if (clusters < 2) {
            return Double.NaN;
        }
        double s = 0;
        int m = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
                m++;
            }
        }
        return m == 0 ? Double.NaN : s / m;
    }

    /** k at the elbow of the k-means inertia curve: farthest below the chord from first to last k. */
    static int elbow(List<Search.Trial> trials, List<Candidate> cands) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).algorithm == SegmentParams.Algorithm.KMEANS) {
                pts.add(new double[] {trials.get(i).modelClusters, cands.get(i).inertia()});
            }
        }
        return elbowOf(pts);
    }

    /** The elbow of a decreasing curve of (k, value) points (0 with fewer than 3 points). */
    static int elbowOf(List<double[]> pts) {
        if (pts.size() < 3) {
            return 0;
        }
        double x0 = pts.get(0)[0];
        double x1 = pts.get(pts.size() - 1)[0];
        double y0 = pts.get(0)[1];
        double y1 = pts.get(pts.size() - 1)[1];
        if (y0 == y1 || x0 == x1) {
            return 0;
        }
        int best = 0;
        double bestGap = Double.NEGATIVE_INFINITY;
        for (double[] q : pts) {
            double xn = (q[0] - x0) / (x1 - x0);
            double yn = (q[1] - y1) / (y0 - y1);
            double gap = (1 - xn) - yn;
            if (gap > bestGap) {
                bestGap = gap;
                best = (int) q[0];
            }
        }
        return best;
    }

    /** ARI of the trial's labels against re-fits on {@code stabilityRuns} seeded subsamples. */
    static double[] subsampleAris(Analysis a, Search.Trial t) {
        SegmentParams p = a.params;
        int n = a.x.n();
        double[] aris = new double[p.stabilityRuns()];
        int m = Math.max(p.kMax() + 1, (int) Math.round(p.stabilityFraction() * n));
        for (int b = 0; b < aris.length; b++) {
            long seed = p.seed() + 1000L * (b + 1);
            int[] rows = Search.sample(n, Math.min(n, m), seed);
            Assigner refit = t.fitter.fit(a.x.subset(rows), seed);
            aris[b] = ClusterMetrics.adjustedRand(t.labels, refit.assignAll(a.x));
        }
        return aris;
    }

    private static Stability stability(Analysis a, Search.Trial t) {
        SegmentParams p = a.params;
        double[] aris = a.aris.containsKey(a.chosenIndex) ? a.aris.get(a.chosenIndex) : subsampleAris(a, t);
        double mean = Double.NaN;
        double min = Double.NaN;
        if (aris.length > 0) {
            mean = Arrays.stream(aris).average().orElse(Double.NaN);
            min = Arrays.stream(aris).min().orElse(Double.NaN);
        }
        // time halves
        long[] times = a.data.watches().size() > 0 ? a.data.watches().startedAtArray().clone()
                : a.data.ratings().timeArray().clone();
        Arrays.sort(times);
        long split = times.length == 0 ? 0 : times[times.length / 2];
        int both = 0;
        double ari = Double.NaN;
        double agreement = Double.NaN;
        if (times.length > 1 && times[0] < split) {
            long end = times[times.length - 1] + 1;
            FeatureMatrix h1 = ViewerFeatures.compute(a.data, a.spec, 1,
                    new ViewerFeatures.Window(times[0], split), split);
            FeatureMatrix h2 = ViewerFeatures.compute(a.data, a.spec, 1, new ViewerFeatures.Window(split, end), end);
            int[] s1 = a.model.segmentsOf(h1);
            int[] s2 = a.model.segmentsOf(h2);
            int users = a.data.users().size();
            int[] first = new int[users];
            Arrays.fill(first, Integer.MIN_VALUE);
            for (int r = 0; r < h1.rows(); r++) {
                first[h1.userIndex(r)] = s1[r];
            }
            List<int[]> pairs = new ArrayList<>();
            for (int r = 0; r < h2.rows(); r++) {
                int u = h2.userIndex(r);
                if (first[u] != Integer.MIN_VALUE) {
                    pairs.add(new int[] {first[u], s2[r]});
                }
            }
            both = pairs.size();
            if (both > 1) {
                int[] l1 = new int[both];
                int[] l2 = new int[both];
                int same = 0;
                for (int i = 0; i < both; i++) {
                    l1[i] = pairs.get(i)[0];
                    l2[i] = pairs.get(i)[1];
                    if (l1[i] == l2[i]) {
                        same++;
                    }
                }
                ari = ClusterMetrics.adjustedRand(l1, l2);
                agreement = (double) same / both;
            }
        }
        return new Stability(aris.length, p.stabilityFraction(), aris, mean, min, both, ari, agreement, split);
    }

    /** sha256 over the ratings' fingerprint and every watch event (viewer id, film id, start). */
    static String fingerprint(Dataset data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(data.ratings().fingerprint().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            ByteBuffer buf = ByteBuffer.allocate(24 * 1024);
            var w = data.watches();
            for (int k = 0; k < w.size(); k++) {
                if (buf.remaining() < 24) {
                    sha.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putLong(data.users().id(w.user(k))).putLong(data.items().id(w.item(k))).putLong(w.startedAt(k));
            }
            sha.update(buf.array(), 0, buf.position());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
