package io.marquee.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.core.data.Dataset;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.model.Model;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.segment.cluster.Assigner;
import io.marquee.segment.cluster.CentroidAssigner;
import io.marquee.segment.cluster.DensityAssigner;
import io.marquee.segment.cluster.GmmModel;
import io.marquee.segment.features.FeatureMatrix;
import io.marquee.segment.features.FeatureSpec;
import io.marquee.segment.features.Preprocessor;
import io.marquee.segment.features.ViewerFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained audience segmentation, ready to place any viewer in a segment: the feature spec
 * (which genres and devices have share features), the fitted cleaning and scaling pipeline, the
 * chosen clustering (nearest centroid for k-means and Ward, most probable component for a Gaussian
 * mixture, nearest core point or exemplar for DBSCAN and HDBSCAN*), the map from cluster to
 * segment id (segments are numbered by size, 0 the largest), and the segment profiles and names.
 * Immutable and thread-safe.
 *
 * <p>Saved with {@link ModelArchive}: arrays {@code median, low, high, mean, sd} (pipeline),
 * {@code segment_of_cluster}, and per kind {@code centroids} ({@code centroid}), {@code weights,
 * means, covariances} ({@code gmm}) or {@code points, point_labels, radius} ({@code density});
 * the manifest's meta holds the kind, the feature names, the spec and the profiles.
 */
public final class SegmentModel implements Model {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String algorithm;
    private final String config;
    private final FeatureSpec spec;
    private final Preprocessor pre;
    private final Assigner assigner;
    private final int[] segmentOf;
    private final List<SegmentProfile> profiles;
    private final ModelProvenance provenance;
    private final TrainingSummary summary;

    SegmentModel(String algorithm, String config, FeatureSpec spec, Preprocessor pre, Assigner assigner,
                 int[] segmentOf, List<SegmentProfile> profiles, ModelProvenance provenance, TrainingSummary summary) {
        if (!(assigner instanceof CentroidAssigner || assigner instanceof GmmModel
                || assigner instanceof DensityAssigner)) {
            throw new IllegalArgumentException("unsupported assigner " + assigner.getClass().getName());
        }
        this.algorithm = algorithm;
        this.config = config;
        this.spec = spec;
        this.pre = pre;
        this.assigner = assigner;
        this.segmentOf = segmentOf.clone();
        this.profiles = List.copyOf(profiles);
        this.provenance = provenance;
        this.summary = summary;
    }

    /** Algorithm id of the chosen clustering ({@code kmeans}, {@code gmm}, …). */
    public String algorithm() {
        return algorithm;
    }

    /** Parameters of the chosen clustering, e.g. {@code k=5}. */
    public String config() {
        return config;
    }

    public FeatureSpec featureSpec() {
        return spec;
    }

    public Preprocessor preprocessor() {
        return pre;
    }

    /** Names of the features the model expects, in order. */
    public List<String> featureNames() {
        return pre.names();
    }

    /** Every segment's profile, by id. */
    public List<SegmentProfile> segments() {
        return profiles;
    }

    /** The profile of a segment. */
    public SegmentProfile segment(int id) {
        if (id < 0 || id >= profiles.size()) {
            throw new NotFoundException("segment " + id + " does not exist (segments 0.." + (profiles.size() - 1) + ")");
        }
        return profiles.get(id);
    }

    /** Segment of a viewer from raw features (as {@link ViewerFeatures} computes them); −1 for an outlier. */
    public int segmentOf(double[] rawFeatures) {
        double[] z = pre.transform(rawFeatures);
        int c = assigner.assign(z, 0);
        return c < 0 ? SegmentAssignment.NONE : segmentOf[c];
    }

    /** The assignment of raw features (user id 0). */
    public SegmentAssignment assign(double[] rawFeatures) {
        return assign(0L, rawFeatures);
    }

    private SegmentAssignment assign(long userId, double[] raw) {
        double[] z = pre.transform(raw);
        int c = assigner.assign(z, 0);
        if (c < 0) {
            return new SegmentAssignment(userId, SegmentAssignment.NONE, SegmentAssignment.OUTLIER, null);
        }
        int s = segmentOf[c];
        Double p = assigner instanceof GmmModel g ? g.posterior(z, 0)[c] : null;
        return new SegmentAssignment(userId, s, profiles.get(s).name(), p);
    }

    /**
     * The segment of a viewer of a data set, from the viewer's features computed over that data
     * set; a viewer without any view gets {@link SegmentAssignment#NONE} ("No viewing history").
     * Indexes the whole data set on each call (O(events)); a server placing many viewers builds
     * one {@link ViewerFeatures#index(Dataset)} and calls {@link #assignViewer(ViewerFeatures.Index, long)}.
     *
     * @throws NotFoundException when the data set has no such viewer
     */
    public SegmentAssignment assignViewer(Dataset data, long userId) {
        return assignViewer(ViewerFeatures.index(data), userId);
    }

    /**
     * As {@link #assignViewer(Dataset, long)} from an index of the data set, in O(the viewer's
     * events): the features equal the viewer's row of the batch computation.
     *
     * @throws NotFoundException when the data set has no such viewer
     */
    public SegmentAssignment assignViewer(ViewerFeatures.Index index, long userId) {
        double[] raw = index.forViewer(spec, userId);
        if (raw[pre.names().indexOf("views_log")] == 0) {
            return new SegmentAssignment(userId, SegmentAssignment.NONE, SegmentAssignment.NO_HISTORY, null);
        }
        return assign(userId, raw);
    }

    /** Segment of every row of a feature matrix. */
    public int[] segmentsOf(FeatureMatrix raw) {
        int[] out = new int[raw.rows()];
        for (int r = 0; r < raw.rows(); r++) {
            out[r] = segmentOf(raw.row(r));
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

    /** Algorithm, parameters, features and every segment (for JSON; the serving list). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm);
        m.put("params", config);
        m.put("features", pre.names());
        m.put("segments", profiles.stream().map(SegmentProfile::toMap).toList());
        return m;
    }

    /** Writes the model directory (temporary directory renamed into place). */
    public Path save(Path dir) {
        ModelArchive.Writer w = ModelArchive.writer(provenance, summary)
                .meta("segment_algorithm", algorithm)
                .meta("segment_config", config)
                .meta("feature_names", pre.names())
                .meta("spec_genres", spec.genres())
                .meta("spec_devices", spec.devices())
                .meta("winsor_quantile", pre.winsorQuantile())
                .meta("segments", profiles.stream().map(SegmentProfile::toMap).toList());
        int d = pre.names().size();
        pre.writeTo(w).ints("segment_of_cluster", segmentOf);
        if (assigner instanceof CentroidAssigner c) {
            w.meta("kind", "centroid").doubles("centroids", c.centroids(), c.k(), d);
        } else if (assigner instanceof GmmModel g) {
            w.meta("kind", "gmm").meta("full_covariance", g.fullCovariance())
                    .doubles("weights", g.weights()).doubles("means", g.means(), g.components(), d)
                    .doubles("covariances", g.covariances());
        } else if (assigner instanceof DensityAssigner a) {
            w.meta("kind", "density").doubles("points", a.points(), a.size(), d).ints("point_labels", a.labels())
                    .doubles("radius", a.radius());
        }
        return w.writeTo(dir);
    }

    /** Reads a model directory written by {@link #save}. */
    public static SegmentModel load(Path dir) {
        ModelArchive.Contents c = ModelArchive.read(dir);
        List<String> names = strings(c.meta("feature_names"));
        if (names.isEmpty()) {
            throw new InvalidInputException("model " + dir + " is not a segmentation model (no feature_names)");
        }
        int d = names.size();
        Preprocessor pre = Preprocessor.readFrom(c, names, c.meta("winsor_quantile").asDouble());
        FeatureSpec spec = new FeatureSpec(strings(c.meta("spec_genres")), strings(c.meta("spec_devices")));
        String kind = c.meta("kind").asText();
        Assigner assigner = switch (kind) {
            case "centroid" -> {
                double[] centroids = c.doubles("centroids");
                yield new CentroidAssigner(centroids, centroids.length / d, d);
            }
            case "gmm" -> {
                double[] weights = c.doubles("weights");
                yield GmmModel.of(weights, c.doubles("means"), c.doubles("covariances"), weights.length, d,
                        c.meta("full_covariance").asBoolean(), c.provenance());
            }
            case "density" -> new DensityAssigner(c.doubles("points"), c.ints("point_labels"), c.doubles("radius"), d);
            default -> throw new InvalidInputException("model " + dir + ": unknown segment model kind '" + kind + "'");
        };
        List<SegmentProfile> profiles = new ArrayList<>();
        for (JsonNode p : c.meta("segments")) {
            profiles.add(profileOf(p));
        }
        return new SegmentModel(c.meta("segment_algorithm").asText(), c.meta("segment_config").asText(), spec, pre,
                assigner, c.ints("segment_of_cluster"), profiles, c.provenance(), c.summary());
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            out.add(n.asText());
        }
        return out;
    }

    private static double num(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? Double.NaN : n.asDouble();
    }

    private static SegmentProfile profileOf(JsonNode p) {
        List<SegmentProfile.Trait> traits = new ArrayList<>();
        for (JsonNode t : p.path("traits")) {
            traits.add(new SegmentProfile.Trait(t.path("feature").asText(), t.path("label").asText(),
                    num(t.get("segment_mean")), num(t.get("population_mean")), num(t.get("z"))));
        }
        List<SegmentProfile.GenreLift> genres = new ArrayList<>();
        for (JsonNode g : p.path("top_genres")) {
            genres.add(new SegmentProfile.GenreLift(g.path("genre").asText(), num(g.get("share")),
                    num(g.get("population_share")), num(g.get("lift"))));
        }
        Map<String, Double> engagement = new LinkedHashMap<>();
        p.path("engagement").properties().forEach(e -> engagement.put(e.getKey(), num(e.getValue())));
        Map<String, Double> z = new LinkedHashMap<>();
        p.path("z_scores").properties().forEach(e -> z.put(e.getKey(), num(e.getValue())));
        List<String> actions = JSON.convertValue(p.path("actions"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        return new SegmentProfile(p.path("id").asInt(), p.path("name").asText(), p.path("size").asLong(),
                p.path("share").asDouble(), p.path("summary").asText(), traits, genres, engagement, actions, z);
    }
}
