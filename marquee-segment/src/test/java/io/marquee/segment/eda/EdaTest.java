package io.marquee.segment.eda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Dataset;
import io.marquee.core.data.DatasetBuilder;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.User;
import io.marquee.core.error.InvalidInputException;
import io.marquee.segment.features.ViewerFeaturesTest;
import io.marquee.segment.report.Fmt;
import io.marquee.segment.testing.Png;
import io.marquee.segment.testing.SyntheticDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdaTest {
    @TempDir
    static Path shared;
    static Dataset data;

    @BeforeAll
    static void generate() {
        data = SyntheticDb.create(shared, 500, 150);
    }

    @Test
    void eda_report_from_a_small_synthetic_database_has_charts_insights_and_the_computed_numbers() throws Exception {
        Path out = shared.resolve("eda");
        EdaResult r = Eda.run(data, out);

        assertThat(r.insights()).hasSizeBetween(4, 5);
        assertThat(r.files()).contains("eda_summary.md", "eda.html", "charts/rating_distribution.png",
                "charts/activity_long_tail.png", "charts/lorenz.png", "charts/views_per_month.png",
                "charts/top_films.png", "charts/top_genres.png", "charts/genre_by_age.png", "charts/genre_by_gender.png",
                "charts/correlation_heatmap.png", "charts/missing_and_outliers.png");
        for (String f : r.files()) {
            assertThat(out.resolve(f)).isRegularFile();
            if (f.endsWith(".png")) {
                Png.assertValid(out.resolve(f));
            }
        }
        String md = Files.readString(out.resolve("eda_summary.md"));
        String html = Files.readString(out.resolve("eda.html"));
        for (Insight i : r.insights()) {
            assertThat(md).contains(i.text());
            assertThat(html).contains(Fmt.html(i.text()));
        }
        Map<String, Object> f = r.figures();
        assertThat(f.get("viewers")).isEqualTo(500);
        Insight tail = r.insights().get(0);
        assertThat(tail.id()).isEqualTo("long_tail");
        assertThat(tail.text()).contains("the top 10 % of films take " + Fmt.pct((double) f.get("film_top10pct_share")));
        assertThat(md).contains(Fmt.count((long) f.get("views")) + " views after removing "
                + Fmt.count((long) f.get("duplicate_events")) + " duplicates");
        // the rating distribution table holds the computed counts
        @SuppressWarnings("unchecked")
        Map<String, Long> hist = (Map<String, Long>) f.get("rating_histogram");
        for (Map.Entry<String, Long> e : hist.entrySet()) {
            assertThat(md).contains("| " + e.getKey() + " | " + Fmt.count(e.getValue()) + " |");
        }
        assertThat(r.insights()).extracting(Insight::id).contains("demographic_genre", "drop_off", "data_quality");
    }

    @Test
    void eda_figures_of_a_hand_built_data_set_match_hand_counts() {
        EdaStats s = new EdaStats(ViewerFeaturesTest.handData());
        assertThat(s.watchEvents).isEqualTo(5);
        assertThat(s.duplicates).isEqualTo(1);
        assertThat(s.views).isEqualTo(4);
        assertThat(s.negativeDurations).isEqualTo(1);
        assertThat(s.missingAge).isEqualTo(1);
        assertThat(s.missingOccupation).isEqualTo(1);
        assertThat(s.viewersWithoutViews).isEqualTo(1);
        assertThat(s.ratingHistogram).containsExactly(Map.entry(2.0, 1L), Map.entry(4.0, 1L));
        assertThat(s.ratingMean).isEqualTo(3.0);
        assertThat(s.viewsPerFilm).containsExactly(2, 1, 1);
        assertThat(s.completed).isEqualTo(2);
        assertThat(s.perWeekday[5]).isEqualTo(1); // the Saturday view
        assertThat(s.genreViews[s.genres.indexOf("Comedy")]).isEqualTo(3);
    }

    @Test
    void long_tail_measures_match_hand_computed_values() {
        assertThat(EdaStats.gini(new long[] {0, 0, 0, 10})).isCloseTo(0.75, within(1e-12));
        assertThat(EdaStats.gini(new long[] {5, 5, 5, 5})).isCloseTo(0.0, within(1e-12));
        assertThat(EdaStats.topShare(new long[] {1, 2, 3, 4}, 0.25)).isCloseTo(0.4, within(1e-12));
        double[][] l = EdaStats.lorenz(new long[] {1, 1, 2}, 3);
        assertThat(l[0]).containsExactly(new double[] {0, 1.0 / 3, 2.0 / 3, 1}, within(1e-12));
        assertThat(l[1]).containsExactly(new double[] {0, 0.25, 0.5, 1}, within(1e-12));
        assertThat(EdaStats.pearson(new double[] {1, 2, 3, Double.NaN}, new double[] {2, 4, 6, 1}))
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void eda_refuses_a_data_set_without_views() {
        DatasetBuilder b = new DatasetBuilder();
        b.movie(new Movie(1, "A", 2000, 90, List.of("Drama")));
        b.user(new User(1, 30, "F", null, null));
        assertThatThrownBy(() -> Eda.run(b.build(), shared.resolve("none")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing to explore");
    }
}
