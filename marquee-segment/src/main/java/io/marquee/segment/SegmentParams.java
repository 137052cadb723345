package io.marquee.segment;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.Params;
import io.marquee.segment.cluster.GmmParams;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parameters of a {@link Segmentation} run: the features, the search over algorithms and their
 * parameters, the samples used by the quadratic algorithms and metrics, the model-choice rule and
 * the stability check.
 *
 * @param algorithms          algorithms to try
 * @param kMin                fewest segments tried and accepted (k-means k, GMM components, Ward cut) (2–50)
 * @param kMax                most segments tried and accepted (kMin–50)
 * @param kmeansRestarts      k-means++ restarts per k (1–100)
 * @param maxIterations       iteration limit of k-means and EM (1–10,000)
 * @param gmmCovariances      covariance shapes tried for the Gaussian mixture
 * @param wardSample          viewers clustered by Ward (the rest go to the nearest centroid) (10–20,000)
 * @param densitySample       viewers clustered by DBSCAN and HDBSCAN* (the rest are assigned) (10–20,000)
 * @param gmmSample           Gaussian mixtures of every size are fitted to a sample of this many viewers, where
 *                            BIC chooses the number of components; the BIC-best of each covariance shape is
 *                            then fitted again on all viewers (the others label all viewers from their sample
 *                            fit) (100–1,000,000)
 * @param dbscanMinPoints     DBSCAN's minimum neighbourhood size (2–10,000); ε is tuned over
 *                            quantiles of the distance to the minPoints-th neighbour
 * @param silhouetteMaxExact  silhouette computed exactly up to this many viewers, on a sample beyond (100–50,000)
 * @param silhouetteSample    size of that sample (100–silhouetteMaxExact)
 * @param minSegmentShare     a candidate whose smallest segment holds less than this share of viewers is not chosen (0–0.5)
 * @param maxNoiseShare       a candidate that leaves more than this share of viewers as noise is not chosen (0–1)
 * @param stabilityRuns       re-fits on random subsamples for the stability check (0–100)
 * @param stabilityFraction   share of viewers in each subsample (0.1–1)
 * @param minStability        the chosen model must reach this mean adjusted Rand index across the
 *                            subsample re-fits; the best candidates by silhouette are checked in turn (0–1)
 * @param topGenres           genres with a share feature of their own (0–40)
 * @param topDevices          devices with a share feature of their own (0–10)
 * @param minViews            viewers with fewer views are not segmented (1–1,000)
 * @param winsorQuantile      features are clipped to this quantile and its complement (0–0.2)
 * @param seed                seed of every random choice
 */
public record SegmentParams(Set<Algorithm> algorithms, int kMin, int kMax, int kmeansRestarts, int maxIterations,
                            List<GmmParams.Covariance> gmmCovariances, int wardSample, int densitySample,
                            int gmmSample, int dbscanMinPoints, int silhouetteMaxExact, int silhouetteSample,
                            double minSegmentShare, double maxNoiseShare, int stabilityRuns,
                            double stabilityFraction, double minStability, int topGenres, int topDevices, int minViews,
                            double winsorQuantile, long seed) implements Params {

    /** The clustering algorithms a segmentation can try. */
    public enum Algorithm {
        KMEANS("k-means"), GMM("Gaussian mixture"), WARD("Ward agglomerative"), DBSCAN("DBSCAN"),
        HDBSCAN("HDBSCAN*");

        private final String label;

        Algorithm(String label) {
            this.label = label;
        }

        /** Name for reports. */
        public String label() {
            return label;
        }

        /** Lower-case id ({@code kmeans}, {@code gmm}, …). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses an id or name, case-insensitively. */
        public static Algorithm parse(String s) {
            for (Algorithm a : values()) {
                if (a.name().equalsIgnoreCase(s) || a.label.equalsIgnoreCase(s)) {
                    return a;
                }
            }
            throw InvalidInputException.of("algorithm", s, "one of kmeans, gmm, ward, dbscan, hdbscan");
        }
    }

    public SegmentParams {
        if (algorithms == null || algorithms.isEmpty()) {
            throw InvalidInputException.of("algorithms", algorithms, "a non-empty set");
        }
        algorithms = Set.copyOf(EnumSet.copyOf(algorithms));
        between("k_min", kMin, 2, 50);
        between("k_max", kMax, kMin, 50);
        between("kmeans_restarts", kmeansRestarts, 1, 100);
        between("max_iterations", maxIterations, 1, 10_000);
        if (gmmCovariances == null || gmmCovariances.isEmpty()) {
            throw InvalidInputException.of("gmm_covariances", gmmCovariances, "a non-empty list");
        }
        gmmCovariances = List.copyOf(gmmCovariances);
        between("ward_sample", wardSample, 10, 20_000);
        between("density_sample", densitySample, 10, 20_000);
        between("gmm_sample", gmmSample, 100, 1_000_000);
        between("dbscan_min_points", dbscanMinPoints, 2, 10_000);
        between("silhouette_max_exact", silhouetteMaxExact, 100, 50_000);
        between("silhouette_sample", silhouetteSample, 100, silhouetteMaxExact);
        range("min_segment_share", minSegmentShare, 0, 0.5);
        range("max_noise_share", maxNoiseShare, 0, 1);
        between("stability_runs", stabilityRuns, 0, 100);
        range("stability_fraction", stabilityFraction, 0.1, 1);
        range("min_stability", minStability, 0, 1);
        between("top_genres", topGenres, 0, 40);
        between("top_devices", topDevices, 0, 10);
        between("min_views", minViews, 1, 1000);
        range("winsor_quantile", winsorQuantile, 0, 0.2);
    }

    private static void between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw InvalidInputException.of(field, value, "between " + min + " and " + max);
        }
    }

    private static void range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw InvalidInputException.of(field, value, "between " + min + " and " + max);
        }
    }

    /**
     * Every algorithm; k from 3 to 10; 4 k-means restarts; 100 iterations; diagonal and full GMMs;
     * Ward on 5,000 viewers; DBSCAN and HDBSCAN* on 3,000 with minPoints 10; mixture sizes chosen on 5,000; silhouette exact up to
     * 20,000 viewers, else on 10,000; smallest segment ≥ 2 %, noise ≤ 10 %; 10 subsamples of 80 % for
     * stability, of which the chosen model must reach a mean adjusted Rand index of 0.6; 12 genres and 2
     * devices; viewers with ≥ 1 view; 1 % winsorising; seed 42.
     */
    public static SegmentParams defaults() {
        return new SegmentParams(EnumSet.allOf(Algorithm.class), 3, 10, 4, 100,
                List.of(GmmParams.Covariance.DIAGONAL, GmmParams.Covariance.FULL), 5000, 3000, 5000, 10, 20_000, 10_000,
                0.02, 0.10, 10, 0.8, 0.6, 12, 2, 1, 0.01, 42L);
    }

    public SegmentParams withAlgorithms(Set<Algorithm> value) {
        return new SegmentParams(value, kMin, kMax, kmeansRestarts, maxIterations, gmmCovariances, wardSample,
                densitySample, gmmSample, dbscanMinPoints, silhouetteMaxExact, silhouetteSample, minSegmentShare, maxNoiseShare,
                stabilityRuns, stabilityFraction, minStability, topGenres, topDevices, minViews, winsorQuantile, seed);
    }

    public SegmentParams withK(int min, int max) {
        return new SegmentParams(algorithms, min, max, kmeansRestarts, maxIterations, gmmCovariances, wardSample,
                densitySample, gmmSample, dbscanMinPoints, silhouetteMaxExact, silhouetteSample, minSegmentShare, maxNoiseShare,
                stabilityRuns, stabilityFraction, minStability, topGenres, topDevices, minViews, winsorQuantile, seed);
    }

    public SegmentParams withGmmCovariances(List<GmmParams.Covariance> value) {
        return new SegmentParams(algorithms, kMin, kMax, kmeansRestarts, maxIterations, value, wardSample,
                densitySample, gmmSample, dbscanMinPoints, silhouetteMaxExact, silhouetteSample, minSegmentShare, maxNoiseShare,
                stabilityRuns, stabilityFraction, minStability, topGenres, topDevices, minViews, winsorQuantile, seed);
    }

    public SegmentParams withSamples(int ward, int density) {
        return new SegmentParams(algorithms, kMin, kMax, kmeansRestarts, maxIterations, gmmCovariances, ward,
                density, gmmSample, dbscanMinPoints, silhouetteMaxExact, silhouetteSample, minSegmentShare, maxNoiseShare,
                stabilityRuns, stabilityFraction, minStability, topGenres, topDevices, minViews, winsorQuantile, seed);
    }

    /** A copy whose Gaussian mixtures choose their number of components on a sample of {@code value} viewers. */
    public SegmentParams withGmmSample(int value) {
        return new SegmentParams(algorithms, kMin, kMax, kmeansRestarts, maxIterations, gmmCovariances, wardSample,
                densitySample, value, dbscanMinPoints, silhouetteMaxExact, silhouetteSample, minSegmentShare,
                maxNoiseShare, stabilityRuns, stabilityFraction, minStability, topGenres, topDevices, minViews,
                winsorQuantile, seed);
    }

    public SegmentParams withStability(int runs, double fraction) {
        return new SegmentParams(algorithms, kMin, kMax, kmeansRestarts, maxIterations, gmmCovariances, wardSample,
                densitySample, gmmSample, dbscanMinPoints, silhouetteMaxExact, silhouetteSample, minSegmentShare, maxNoiseShare,
                runs, fraction, minStability, topGenres, topDevices, minViews, winsorQuantile, seed);
    }

    public SegmentParams withMinStability(double value) {
        return new SegmentParams(algorithms, kMin, kMax, kmeansRestarts, maxIterations, gmmCovariances, wardSample,
                densitySample, gmmSample, dbscanMinPoints, silhouetteMaxExact, silhouetteSample, minSegmentShare, maxNoiseShare,
                stabilityRuns, stabilityFraction, value, topGenres, topDevices, minViews, winsorQuantile, seed);
    }

    public SegmentParams withSilhouette(int maxExact, int sample) {
        return new SegmentParams(algorithms, kMin, kMax, kmeansRestarts, maxIterations, gmmCovariances, wardSample,
                densitySample, gmmSample, dbscanMinPoints, maxExact, sample, minSegmentShare, maxNoiseShare,
                stabilityRuns, stabilityFraction, minStability, topGenres, topDevices, minViews, winsorQuantile, seed);
    }

    public SegmentParams withFeatures(int genres, int devices, int views) {
        return new SegmentParams(algorithms, kMin, kMax, kmeansRestarts, maxIterations, gmmCovariances, wardSample,
                densitySample, gmmSample, dbscanMinPoints, silhouetteMaxExact, silhouetteSample, minSegmentShare, maxNoiseShare,
                stabilityRuns, stabilityFraction, minStability, genres, devices, views, winsorQuantile, seed);
    }

    public SegmentParams withSeed(long value) {
        return new SegmentParams(algorithms, kMin, kMax, kmeansRestarts, maxIterations, gmmCovariances, wardSample,
                densitySample, gmmSample, dbscanMinPoints, silhouetteMaxExact, silhouetteSample, minSegmentShare, maxNoiseShare,
                stabilityRuns, stabilityFraction, minStability, topGenres, topDevices, minViews, winsorQuantile, value);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithms", EnumSet.copyOf(algorithms).stream().map(Algorithm::id).collect(Collectors.toList()));
        m.put("k_min", kMin);
        m.put("k_max", kMax);
        m.put("kmeans_restarts", kmeansRestarts);
        m.put("max_iterations", maxIterations);
        m.put("gmm_covariances", gmmCovariances.stream().map(GmmParams.Covariance::id).collect(Collectors.toList()));
        m.put("ward_sample", wardSample);
        m.put("density_sample", densitySample);
        m.put("gmm_sample", gmmSample);
        m.put("dbscan_min_points", dbscanMinPoints);
        m.put("silhouette_max_exact", silhouetteMaxExact);
        m.put("silhouette_sample", silhouetteSample);
        m.put("min_segment_share", minSegmentShare);
        m.put("max_noise_share", maxNoiseShare);
        m.put("stability_runs", stabilityRuns);
        m.put("stability_fraction", stabilityFraction);
        m.put("min_stability", minStability);
        m.put("top_genres", topGenres);
        m.put("top_devices", topDevices);
        m.put("min_views", minViews);
        m.put("winsor_quantile", winsorQuantile);
        m.put("seed", seed);
        return m;
    }
}
