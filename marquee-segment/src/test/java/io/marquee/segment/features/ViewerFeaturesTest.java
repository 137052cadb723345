package io.marquee.segment.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Dataset;
import io.marquee.core.data.DatasetBuilder;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.progress.Progress;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

public class ViewerFeaturesTest {
    static final long MONDAY = 1_704_067_200L; // 2024-01-01 00:00 UTC, a Monday

    /** Three films, three viewers; viewer 10 has a binge, a duplicate and an impossible duration. */
    public static Dataset handData() {
        DatasetBuilder b = new DatasetBuilder();
        b.movie(new Movie(1, "One", 2000, 100, List.of("Comedy")));
        b.movie(new Movie(2, "Two", 2001, 120, List.of("Comedy", "Drama")));
        b.movie(new Movie(3, "Three", 2002, 90, List.of("Horror")));
        b.user(new User(10, 30, "F", "writer", "uk"));
        b.user(new User(20, null, "M", null, "fr"));
        b.user(new User(30, 40, "F", "artist", "de"));
        long e1 = MONDAY + 20 * 3600;                     // Monday 20:00
        long e2 = e1 + (100 + 10) * 60;                   // 10 min after film 1 ends
        long e4 = MONDAY + 5 * 86_400 + 23 * 3600 + 1800; // Saturday 23:30
        b.watch(new WatchEvent(1, 10, 1, e1, 100f, 100, "tv", true));
        b.watch(new WatchEvent(2, 10, 2, e2, 60f, 120, "mobile", false));
        b.watch(new WatchEvent(3, 10, 2, e2, 60f, 120, "mobile", false)); // duplicate
        b.watch(new WatchEvent(4, 20, 1, MONDAY + 86_400 + 10 * 3600, 100f, 100, "desktop", true));
        b.watch(new WatchEvent(5, 10, 3, e4, -5f, 90, "tv", false));      // impossible duration
        b.rating(new Rating(10, 1, 4f, e1 + 7000));
        b.rating(new Rating(10, 2, 2f, e2 + 4000));
        return b.build();
    }

    static final FeatureSpec SPEC = new FeatureSpec(List.of("Comedy", "Drama", "Horror"), List.of("tv", "mobile"));

    private static double f(FeatureMatrix m, int row, String name) {
        return m.get(row, m.column(name));
    }

    @Test
    void features_of_a_hand_built_viewer_match_their_definitions() {
        Dataset d = handData();
        FeatureMatrix m = ViewerFeatures.compute(d, SPEC, 1);
        assertThat(m.rows()).isEqualTo(2); // viewer 30 has no view
        assertThat(m.userId(0)).isEqualTo(10);
        assertThat(f(m, 0, "views_log")).isCloseTo(Math.log(4), within(1e-12)); // the duplicate counts once
        assertThat(f(m, 0, "views_per_week")).isCloseTo(3, within(1e-12));
        assertThat(f(m, 0, "distinct_share")).isCloseTo(1, within(1e-12));
        assertThat(f(m, 0, "completion_rate")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(f(m, 0, "watched_fraction")).isCloseTo(0.75, within(1e-12)); // −5 min left out
        assertThat(f(m, 0, "mean_runtime")).isCloseTo(310.0 / 3, within(1e-9));
        assertThat(f(m, 0, "binge_share")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(f(m, 0, "ratings_log")).isCloseTo(Math.log(3), within(1e-12));
        assertThat(f(m, 0, "rating_rate")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(f(m, 0, "rating_mean")).isCloseTo(3, within(1e-12));
        assertThat(f(m, 0, "rating_sd")).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(f(m, 0, "weekend_share")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(f(m, 0, "daytime_share")).isZero();
        assertThat(f(m, 0, "evening_share")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(f(m, 0, "late_night_share")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(f(m, 0, "device_share_tv")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(f(m, 0, "device_share_mobile")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(f(m, 0, "recency_days")).isCloseTo(1.0 / 86_400, within(1e-12));
        assertThat(f(m, 0, "genre_share_comedy")).isCloseTo(0.5, within(1e-12));
        assertThat(f(m, 0, "genre_share_drama")).isCloseTo(0.5 / 3, within(1e-12));
        assertThat(f(m, 0, "genre_share_horror")).isCloseTo(1.0 / 3, within(1e-12));
        // viewer 20: no ratings → missing rating mean and spread; one daytime view on desktop
        assertThat(f(m, 1, "rating_mean")).isNaN();
        assertThat(f(m, 1, "rating_sd")).isNaN();
        assertThat(f(m, 1, "daytime_share")).isEqualTo(1);
        assertThat(f(m, 1, "device_share_tv")).isZero();
        assertThat(m.names()).hasSize(ViewerFeatures.BASE.size() + 2 + 2 + 3);
    }

    @Test
    void features_of_one_viewer_equal_the_matrix_row_and_unknown_viewers_are_refused() {
        Dataset d = handData();
        FeatureMatrix m = ViewerFeatures.compute(d, SPEC, 1);
        assertThat(ViewerFeatures.forViewer(d, SPEC, 10)).containsExactly(m.row(0), within(1e-12));
        double[] none = ViewerFeatures.forViewer(d, SPEC, 30);
        assertThat(none[0]).isZero();
        assertThat(none[m.column("completion_rate")]).isNaN();
        assertThatThrownBy(() -> ViewerFeatures.forViewer(d, SPEC, 99)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("99");
        assertThatThrownBy(() -> ViewerFeatures.compute(d, SPEC, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("min_views");
    }

    @Test
    void the_index_gives_every_viewer_the_row_of_the_batch_computation() {
        DatasetBuilder b = new DatasetBuilder();
        SyntheticGenerator.generate(GeneratorParams.defaults().withUsers(400).withMovies(120), b, Progress.NONE);
        Dataset d = b.build();
        FeatureSpec spec = FeatureSpec.fit(d, 12, 2);
        FeatureMatrix batch = ViewerFeatures.compute(d, spec, 1);
        ViewerFeatures.Index index = ViewerFeatures.index(d);
        assertThat(batch.rows()).isGreaterThan(300);
        for (int r = 0; r < batch.rows(); r++) {
            // bit for bit: the same events in the same order, the same arithmetic
            assertThat(index.forViewer(spec, batch.userId(r))).as("viewer %d", batch.userId(r))
                    .containsExactly(batch.row(r));
            assertThat(index.views(batch.userIndex(r))).isGreaterThan(0);
        }
        assertThat(index.referenceTime()).isEqualTo(ViewerFeatures.referenceTime(d));
        assertThatThrownBy(() -> index.forViewer(spec, -1)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void feature_spec_takes_the_most_watched_genres_and_devices() {
        FeatureSpec s = FeatureSpec.fit(handData(), 2, 1);
        assertThat(s.genres()).containsExactly("Comedy", "Drama");
        assertThat(s.devices()).hasSize(1);
    }

    @Test
    void preprocessor_imputes_the_median_clips_to_quantiles_and_standardises() {
        FeatureMatrix raw = new FeatureMatrix(List.of("x", "c"), new int[] {0, 1, 2, 3}, new long[] {1, 2, 3, 4},
                new double[] {1, 5, Double.NaN, 5, 3, 5, 100, 5});
        Preprocessor p = Preprocessor.fit(raw, 0.25);
        // x: sorted [1, 3, 100]: median 3, 25 % → 2, 75 % → 51.5; cleaned [2, 3, 3, 51.5]
        assertThat(p.median()[0]).isEqualTo(3);
        assertThat(p.low()[0]).isEqualTo(2);
        assertThat(p.high()[0]).isEqualTo(51.5);
        double mean = (2 + 3 + 3 + 51.5) / 4;
        double sd = Math.sqrt((Math.pow(2 - mean, 2) + 2 * Math.pow(3 - mean, 2) + Math.pow(51.5 - mean, 2)) / 4);
        assertThat(p.mean()[0]).isCloseTo(mean, within(1e-12));
        assertThat(p.sd()[0]).isCloseTo(sd, within(1e-12));
        assertThat(p.transform(new double[] {Double.NaN, 5})[0]).isCloseTo((3 - mean) / sd, within(1e-12));
        // a constant column is only centred
        assertThat(p.transform(new double[] {1, 5})[1]).isZero();
        assertThat(p.transform(raw).get(3, 0)).isCloseTo((51.5 - mean) / sd, within(1e-12));
        assertThatThrownBy(() -> Preprocessor.fit(raw, 0.5)).hasMessageContaining("winsor_quantile");
    }
}
