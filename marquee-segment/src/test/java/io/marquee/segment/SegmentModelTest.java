package io.marquee.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.segment.cluster.Assigner;
import io.marquee.segment.cluster.CentroidAssigner;
import io.marquee.segment.cluster.DensityAssigner;
import io.marquee.segment.cluster.GaussianMixture;
import io.marquee.segment.cluster.GmmParams;
import io.marquee.segment.cluster.Points;
import io.marquee.segment.features.FeatureSpec;
import io.marquee.segment.features.Preprocessor;
import io.marquee.segment.features.ViewerFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentModelTest {
    @TempDir
    Path tmp;

    private static final FeatureSpec SPEC = new FeatureSpec(List.of("Drama"), List.of("tv"));
    private static final List<String> NAMES = ViewerFeatures.names(SPEC);

    private static SegmentModel model(Assigner a, int clusters) {
        int d = NAMES.size();
        double[] zeros = new double[d];
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1);
        Preprocessor pre = new Preprocessor(NAMES, zeros, zeros.clone(), ones.clone(), zeros.clone(), ones, 0.0);
        // a preprocessor that clips every raw value to [0, 1] and leaves it unscaled
        int[] segmentOf = new int[clusters];
        List<SegmentProfile> profiles = new java.util.ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            segmentOf[c] = clusters - 1 - c;
        }
        for (int s = 0; s < clusters; s++) {
            profiles.add(new SegmentProfile(s, "Segment " + s, 10, 1.0 / clusters, "summary " + s,
                    List.of(new SegmentProfile.Trait("views_log", "views (log)", 2.0, 1.0, 0.8)),
                    List.of(new SegmentProfile.GenreLift("Drama", 0.4, 0.3, 4.0 / 3)), Map.of("views", 12.0),
                    List.of("do something"), Map.of("views_log", 0.8)));
        }
        ModelProvenance prov = new ModelProvenance("segmentation-test", Map.of("k", clusters), 42, "fp",
                Instant.parse("2026-01-01T00:00:00Z"), "dev");
        return new SegmentModel("test", "k=" + clusters, SPEC, pre, a, segmentOf, profiles, prov,
                new TrainingSummary(new double[] {3, 2, 1}, 0.5));
    }

    private static double[][] probes() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] rows = new double[50][NAMES.size()];
        for (double[] r : rows) {
            for (int j = 0; j < r.length; j++) {
                r[j] = rnd.nextDouble() * 1.2 - 0.1;
            }
        }
        return rows;
    }

    private void assertRoundTrip(SegmentModel m) {
        Path dir = m.save(tmp.resolve("m-" + m.config() + "-" + System.nanoTime()));
        SegmentModel back = SegmentModel.load(dir);
        assertThat(back.featureNames()).isEqualTo(m.featureNames());
        assertThat(back.featureSpec()).isEqualTo(m.featureSpec());
        assertThat(back.segments()).isEqualTo(m.segments());
        assertThat(back.provenance()).isEqualTo(m.provenance());
        for (double[] p : probes()) {
            assertThat(back.assign(p)).isEqualTo(m.assign(p));
        }
    }

    @Test
    void a_centroid_model_saves_and_loads_with_identical_assignments() {
        int d = NAMES.size();
        double[] centroids = new double[3 * d];
        for (int j = 0; j < d; j++) {
            centroids[d + j] = 0.5;
            centroids[2 * d + j] = 1;
        }
        SegmentModel m = model(new CentroidAssigner(centroids, 3, d), 3);
        double[] near0 = new double[d];
        assertThat(m.assign(near0).segment()).isEqualTo(2); // cluster 0 is segment 2
        assertThat(m.assign(near0).probability()).isNull();
        assertRoundTrip(m);
    }

    @Test
    void a_gaussian_mixture_model_saves_and_loads_with_identical_assignments_and_probabilities() {
        for (GmmParams.Covariance cov : GmmParams.Covariance.values()) {
            double[][] rows = probes();
            Points pts = Points.ofRows(rows);
            var gmm = GaussianMixture.fit(pts, GmmParams.defaults().withComponents(2).withCovariance(cov));
            SegmentModel m = model(gmm, 2);
            assertThat(m.assign(rows[0]).probability()).isBetween(0.0, 1.0);
            assertRoundTrip(m);
        }
    }

    @Test
    void a_density_model_saves_and_loads_and_leaves_outliers_unassigned() {
        int d = NAMES.size();
        double[] points = new double[2 * d];
        java.util.Arrays.fill(points, d, 2 * d, 1.0);
        SegmentModel m = model(new DensityAssigner(points, new int[] {0, 1}, new double[] {0.5, 0.5}, d), 2);
        double[] middle = new double[d];
        java.util.Arrays.fill(middle, 0.5);
        SegmentAssignment a = m.assign(middle);
        assertThat(a.segment()).isEqualTo(SegmentAssignment.NONE);
        assertThat(a.name()).isEqualTo(SegmentAssignment.OUTLIER);
        assertRoundTrip(m);
    }

    @Test
    void a_tampered_model_file_is_refused() throws Exception {
        int d = NAMES.size();
        SegmentModel m = model(new CentroidAssigner(new double[d], 1, d), 1);
        Path dir = m.save(tmp.resolve("tampered"));
        Path file = dir.resolve("centroids.f64");
        byte[] b = Files.readAllBytes(file);
        b[0] ^= 1;
        Files.write(file, b);
        assertThatThrownBy(() -> SegmentModel.load(dir)).isInstanceOf(ModelArchive.CorruptModelException.class);
        assertThatThrownBy(() -> m.assign(new double[3])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected " + d);
    }
}
