package io.marquee.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Dataset;
import io.marquee.core.data.DatasetBuilder;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.segment.features.FeatureMatrix;
import io.marquee.segment.features.ViewerFeatures;
import io.marquee.segment.report.Fmt;
import io.marquee.segment.testing.Png;
import io.marquee.segment.testing.SyntheticDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationTest {
    @TempDir
    static Path shared;
    static Dataset data;
    static SegmentationResult result;
    static final SegmentParams PARAMS = SegmentParams.defaults().withK(3, 6).withStability(3, 0.8).withSamples(400, 400);

    @BeforeAll
    static void segment() {
        data = SyntheticDb.create(shared, 600, 150);
        result = Segmentation.run(data, PARAMS, shared.resolve("run1"));
    }

    @Test
    void segmentation_writes_every_report_chart_csv_and_the_model() throws Exception {
        Path out = shared.resolve("run1");
        assertThat(result.files()).contains("model_comparison.csv", "segments.csv", "viewer_features.csv",
                "charts/elbow.png", "charts/silhouette_by_k.png", "charts/gmm_bic.png", "charts/silhouette_profile.png",
                "charts/pca_segments.png", "charts/segment_sizes.png", "charts/segment_profiles.png",
                "charts/representation.png", "reports/cluster_profiles.md", "reports/executive_summary.md",
                "model/manifest.json");
        for (String f : result.files()) {
            assertThat(out.resolve(f)).isRegularFile();
            if (f.endsWith(".png")) {
                Png.assertValid(out.resolve(f));
            }
        }
        List<String> csv = Files.readAllLines(out.resolve("model_comparison.csv"));
        assertThat(csv.get(0)).isEqualTo(String.join(",", Candidate.CSV_HEADER));
        assertThat(csv).hasSize(result.candidates().size() + 1);
        // every algorithm was tried: k-means and Ward for k 3..6, GMMs of both shapes, DBSCAN, HDBSCAN*
        assertThat(result.candidates()).extracting(Candidate::algorithm)
                .contains("kmeans", "gmm", "ward", "dbscan", "hdbscan");
        assertThat(result.candidates().stream().filter(c -> c.algorithm().equals("kmeans"))).hasSize(4);
        assertThat(result.candidates().stream().filter(Candidate::chosen)).hasSize(1);
        assertThat(Files.readAllLines(out.resolve("segments.csv"))).hasSize(result.viewers() + 1);
    }

    @Test
    void numbers_in_the_reports_equal_the_computed_ones() throws Exception {
        Path out = shared.resolve("run1");
        String summary = Files.readString(out.resolve("reports/executive_summary.md"));
        String profiles = Files.readString(out.resolve("reports/cluster_profiles.md"));
        Candidate chosen = result.chosen();
        assertThat(summary).contains("**Chosen: " + chosen.label() + ".**")
                .contains(Fmt.num(chosen.silhouette(), 3))
                .contains(Fmt.num(result.stability().meanAri(), 3));
        long total = 0;
        for (SegmentProfile p : result.segments()) {
            String row = "| " + p.id() + " | " + p.name() + " | " + Fmt.count(p.size()) + " | " + Fmt.pct(p.share()) + " |";
            assertThat(summary).contains(row);
            assertThat(profiles).contains(row).contains("## " + p.id() + ". " + p.name()).contains(p.summary());
            total += p.size();
        }
        assertThat(total).isEqualTo(result.viewers());
        // segment sizes in segments.csv agree with the profiles
        List<String> rows = Files.readAllLines(out.resolve("segments.csv"));
        for (SegmentProfile p : result.segments()) {
            long n = rows.stream().skip(1).filter(l -> l.split(",")[1].equals(Integer.toString(p.id()))).count();
            assertThat(n).isEqualTo(p.size());
        }
        int chosenCol = List.of(Candidate.CSV_HEADER).indexOf("chosen");
        int silCol = List.of(Candidate.CSV_HEADER).indexOf("silhouette");
        List<String[]> chosenRows = Files.readAllLines(out.resolve("model_comparison.csv")).stream().skip(1)
                .map(l -> l.split(",", -1)).filter(c -> c[chosenCol].equals("true")).toList();
        assertThat(chosenRows).hasSize(1);
        assertThat(chosenRows.get(0)[silCol]).isEqualTo(Fmt.num(chosen.silhouette(), 4));
        assertThat(summary).contains("favour").doesNotContain("NaN");
    }

    @Test
    void segments_get_distinct_names_and_the_model_file_assigns_viewers_as_the_run_did() throws Exception {
        List<String> names = result.segments().stream().map(SegmentProfile::name).toList();
        assertThat(names).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isNotBlank());
        SegmentModel loaded = SegmentModel.load(shared.resolve("run1/model"));
        assertThat(loaded.segments()).extracting(SegmentProfile::name).containsExactlyElementsOf(names);
        assertThat(loaded.algorithm()).isEqualTo(result.chosen().algorithm());
        FeatureMatrix f = ViewerFeatures.compute(data, loaded.featureSpec(), 1);
        int[] fromFile = loaded.segmentsOf(f);
        int[] fromRun = result.model().segmentsOf(f);
        assertThat(fromFile).containsExactly(fromRun);
        List<String> rows = Files.readAllLines(shared.resolve("run1/segments.csv"));
        for (int r = 0; r < 20; r++) {
            String[] cells = rows.get(r + 1).split(",");
            long user = Long.parseLong(cells[0]);
            SegmentAssignment a = loaded.assignViewer(data, user);
            assertThat(a.segment()).isEqualTo(Integer.parseInt(cells[1]));
            assertThat(a.userId()).isEqualTo(user);
        }
        assertThatThrownBy(() -> loaded.assignViewer(data, -5)).isInstanceOf(NotFoundException.class);
        assertThat(loaded.provenance().dataFingerprint()).isEqualTo(Segmentation.fingerprint(data));
    }

    @Test
    void segmentation_with_the_same_seed_is_deterministic() throws Exception {
        SegmentParams p = PARAMS.withAlgorithms(java.util.EnumSet.of(SegmentParams.Algorithm.KMEANS,
                SegmentParams.Algorithm.GMM, SegmentParams.Algorithm.WARD))
                .withGmmCovariances(List.of(io.marquee.segment.cluster.GmmParams.Covariance.DIAGONAL))
                .withStability(2, 0.8);
        SegmentationResult a = Segmentation.run(data, p, shared.resolve("det-a"));
        SegmentationResult b = Segmentation.run(data, p, shared.resolve("det-b"));
        assertThat(Files.readAllLines(shared.resolve("det-a/segments.csv")))
                .isEqualTo(Files.readAllLines(shared.resolve("det-b/segments.csv")));
        List<String> sa = new ArrayList<>();
        List<String> sb = new ArrayList<>();
        for (int i = 0; i < a.candidates().size(); i++) {
            sa.add(a.candidates().get(i).config() + a.candidates().get(i).silhouette() + a.candidates().get(i).inertia());
            sb.add(b.candidates().get(i).config() + b.candidates().get(i).silhouette() + b.candidates().get(i).inertia());
        }
        assertThat(sa).isEqualTo(sb);
        assertThat(a.stability().aris()).containsExactly(b.stability().aris());
    }

    @Test
    void stability_and_representation_are_measured() {
        Stability s = result.stability();
        assertThat(s.runs()).isEqualTo(3);
        assertThat(s.meanAri()).isBetween(-1.0, 1.0);
        assertThat(s.halvesViewers()).isPositive();
        assertThat(s.halvesAgreement()).isBetween(0.0, 1.0);
        Representation r = result.representation();
        assertThat(r.groups()).extracting(Representation.Group::dimension).contains("age", "gender");
        double ageShares = r.groups().stream().filter(g -> g.dimension().equals("age"))
                .mapToDouble(Representation.Group::share).sum();
        assertThat(ageShares).isCloseTo(1.0, within(1e-9));
        assertThat(result.toMap()).containsKeys("chosen", "segments", "stability", "under_represented", "files");
    }

    @Test
    void names_follow_the_rules_on_profile_z_scores() {
        // 20 heavy weekend viewers who watch drama, 20 light viewers who watch comedy
        io.marquee.segment.features.FeatureSpec spec = new io.marquee.segment.features.FeatureSpec(
                List.of("Comedy", "Drama"), List.of("tv"));
        List<String> names = ViewerFeatures.names(spec);
        int n = 40;
        int d = names.size();
        double[] x = new double[n * d];
        int[] seg = new int[n];
        for (int r = 0; r < n; r++) {
            boolean heavy = r < 20;
            seg[r] = heavy ? 0 : 1;
            for (int c = 0; c < d; c++) {
                x[r * d + c] = 0.5;
            }
            x[r * d + names.indexOf("views_log")] = heavy ? 5 : 1;
            x[r * d + names.indexOf("weekend_share")] = heavy ? 0.9 : 0.2;
            x[r * d + names.indexOf("genre_share_drama")] = heavy ? 0.8 : 0.2;
            x[r * d + names.indexOf("genre_share_comedy")] = heavy ? 0.2 : 0.8;
        }
        FeatureMatrix raw = new FeatureMatrix(names, new int[n], new long[n], x);
        io.marquee.segment.features.Preprocessor pre = io.marquee.segment.features.Preprocessor.fit(raw, 0);
        List<SegmentProfile> p = Profiler.profiles(raw, pre.transform(raw), seg, 2, pre, spec.genres());
        assertThat(p.get(0).name()).isEqualTo("Heavy weekend drama fans");
        assertThat(p.get(1).name()).isEqualTo("Casual comedy fans");
        assertThat(p.get(0).topGenres().get(0).genre()).isEqualTo("Drama");
        assertThat(p.get(0).topGenres().get(0).lift()).isCloseTo(1.6, within(1e-12));
        assertThat(p.get(0).traits().get(0).z()).isCloseTo(1.0, within(1e-12));
        assertThat(p.get(0).actions()).anySatisfy(a -> assertThat(a).contains("Drama"));
        assertThat(p.get(0).summary()).contains("20 viewers (50.0 %)");
    }

    @Test
    void segment_params_reject_bad_values_naming_the_field() {
        assertThatThrownBy(() -> SegmentParams.defaults().withK(1, 5)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k_min").hasMessageContaining("1");
        assertThatThrownBy(() -> SegmentParams.defaults().withK(5, 3)).hasMessageContaining("k_max");
        assertThatThrownBy(() -> SegmentParams.defaults().withStability(3, 0)).hasMessageContaining("stability_fraction");
        assertThatThrownBy(() -> SegmentParams.defaults().withAlgorithms(java.util.Set.of()))
                .hasMessageContaining("algorithms");
        assertThat(SegmentParams.Algorithm.parse("Ward")).isEqualTo(SegmentParams.Algorithm.WARD);
    }

    @Test
    void segmentation_refuses_a_data_set_with_too_few_viewers() {
        DatasetBuilder b = new DatasetBuilder();
        b.movie(new Movie(1, "A", 2000, 90, List.of("Drama")));
        b.user(new User(1, 30, "F", null, null));
        b.watch(new WatchEvent(1, 1, 1, 1_700_000_000L, 90f, 90, "tv", true));
        assertThatThrownBy(() -> Segmentation.run(b.build(), PARAMS, shared.resolve("tiny")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("found 1");
    }
}
