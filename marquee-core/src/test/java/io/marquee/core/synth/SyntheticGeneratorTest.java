package io.marquee.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.data.Dataset;
import io.marquee.core.data.DatasetBuilder;
import io.marquee.core.domain.User;
import io.marquee.core.error.ConflictException;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.store.ImportResult;
import io.marquee.core.store.Imports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticGeneratorTest {
    private static final GeneratorParams SMALL = GeneratorParams.defaults().withUsers(300).withMovies(120).withSeed(7);

    @TempDir
    Path dir;

    @Test
    void the_same_seed_yields_identical_rows() {
        RecordingSink first = RecordingSink.of(SMALL);
        RecordingSink second = RecordingSink.of(SMALL);
        assertThat(first.calls).hasSizeGreaterThan(5_000);
        assertThat(second.calls).isEqualTo(first.calls);
    }

    @Test
    void another_seed_yields_different_rows() {
        RecordingSink first = RecordingSink.of(SMALL);
        RecordingSink other = RecordingSink.of(SMALL.withSeed(8));
        assertThat(other.movies).isNotEqualTo(first.movies);
        assertThat(other.users).isNotEqualTo(first.users);
        assertThat(other.watches).isNotEqualTo(first.watches);
    }

    @Test
    void a_viewers_rows_do_not_depend_on_how_many_viewers_are_generated() {
        RecordingSink fewer = RecordingSink.of(SMALL.withUsers(100));
        RecordingSink more = RecordingSink.of(SMALL.withUsers(300));
        assertThat(more.calls.subList(0, fewer.calls.size())).isEqualTo(fewer.calls);
    }

    @Test
    void dirty_data_draws_leave_the_viewers_and_their_sessions_unchanged() {
        RecordingSink dirty = RecordingSink.of(SMALL.withDirtyShares(0.2, 0.2, 0.2));
        RecordingSink clean = RecordingSink.of(SMALL.withDirtyShares(0, 0, 0));
        assertThat(dirty.movies).isEqualTo(clean.movies);
        assertThat(dirty.survey).isEqualTo(clean.survey);
        assertThat(dirty.ratings).isEqualTo(clean.ratings);
        assertThat(dirty.users).extracting(User::id, User::gender, User::occupation, User::region)
                .isEqualTo(clean.users.stream().map(u -> org.assertj.core.groups.Tuple.tuple(u.id(), u.gender(),
                        u.occupation(), u.region())).toList());
        assertThat(dirty.watches.size()).isGreaterThan(clean.watches.size());
    }

    @Test
    void extreme_but_valid_params_still_generate_consistent_rows() {
        GeneratorParams tiny = GeneratorParams.defaults().withUsers(1).withMovies(1).withLatentRank(1)
                .withPeriod(java.time.LocalDate.of(2024, 2, 29), 1).withPopularityExponent(0);
        RecordingSink rows = RecordingSink.of(tiny);
        assertThat(rows.movies).hasSize(1);
        assertThat(rows.users).hasSize(1);
        assertThat(rows.watches).isNotEmpty().allMatch(w -> w.movieId() == 1);
        assertThat(rows.truths).hasSameSizeAs(rows.watches);
        assertThat(rows.ratings.size()).isLessThanOrEqualTo(1);

        RecordingSink busy = RecordingSink.of(SMALL.withUsers(20).withMovies(5).withMeanEventsPerUser(200));
        assertThat(busy.watches.size()).isGreaterThan(20 * 100);
        assertThat(busy.ratings.size()).isLessThanOrEqualTo(20 * 5);
    }

    @Test
    void the_taste_match_has_about_unit_spread_over_random_viewer_film_pairs() {
        GeneratorParams params = GeneratorParams.defaults().withUsers(1_000).withMovies(500);
        FilmCatalogue films = new FilmCatalogue(params, new SplittableRandom(1));
        ViewerSimulator viewers = new ViewerSimulator(params, films, 1);
        SplittableRandom rng = new SplittableRandom(2);
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int u = 0; u < 1_000; u++) {
            viewers.simulate(u, new RecordingSink());
            double[] taste = viewers.lastTaste();
            for (int k = 0; k < 10; k++) {
                double match = films.dot(taste, rng.nextInt(films.size)) / GenerativeModel.MATCH_SCALE;
                sum += match;
                squares += match * match;
                n++;
            }
        }
        double mean = sum / n;
        assertThat(Math.sqrt(squares / n - mean * mean)).isBetween(0.85, 1.15);
    }

    @Test
    void the_generated_rows_load_into_an_in_memory_dataset() {
        RecordingSink expected = RecordingSink.of(SMALL);
        DatasetBuilder builder = new DatasetBuilder();
        SyntheticGenerator.generate(SMALL, builder, Progress.NONE);
        Dataset dataset = builder.build();
        assertThat(dataset.items().size()).isEqualTo(120);
        assertThat(dataset.users().size()).isEqualTo(300);
        assertThat(dataset.ratings().size()).isEqualTo(expected.ratings.size());
        assertThat(dataset.watches().size()).isEqualTo(expected.watches.size());
        assertThat(dataset.watches().hasTruth()).isTrue();
    }

    @Test
    void progress_counts_every_viewer_once() {
        List<String> log = new ArrayList<>();
        long[] advanced = new long[1];
        Progress progress = new Progress() {
            @Override
            public void start(String task, long total) {
                log.add("start " + total);
            }

            @Override
            public void advance(long steps) {
                advanced[0] += steps;
            }

            @Override
            public void finish() {
                log.add("finish");
            }
        };
        SyntheticGenerator.generate(SMALL.withUsers(2_500), new RecordingSink(), progress);
        assertThat(log).containsExactly("start 2500", "finish");
        assertThat(advanced[0]).isEqualTo(2_500);
    }

    @Test
    void generate_into_a_fresh_sqlite_database_writes_every_row_and_refuses_a_second_run() {
        GeneratorParams params = SMALL.withUsers(150).withMovies(60);
        RecordingSink expected = RecordingSink.of(params);
        try (Database db = Database.open(dir.resolve("synthetic.db").toString())) {
            ImportResult result = SyntheticGenerator.generateInto(db, params, Progress.NONE);
            assertThat(result.kind()).isEqualTo("synthetic");
            assertThat(result.fingerprint()).isEqualTo(params.fingerprint());
            assertThat(result.source()).contains("users=150").contains("seed=7");
            assertThat(db.count("movies")).isEqualTo(60);
            assertThat(db.count("users")).isEqualTo(150);
            assertThat(db.count("survey_responses")).isEqualTo(expected.survey.size());
            assertThat(db.count("ratings")).isEqualTo(expected.ratings.size());
            assertThat(db.count("watch_events")).isEqualTo(expected.watches.size());
            assertThat(db.count("dropoff_truth")).isEqualTo(expected.watches.size());
            assertThat(db.count("genres")).isBetween(10L, 18L);
            assertThat(db.count("imports")).isEqualTo(1);
            assertThat(result.rowCounts()).containsEntry("watch_events", (long) expected.watches.size());

            assertThatThrownBy(() -> SyntheticGenerator.generateInto(db, params, Progress.NONE))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("fresh database");
            assertThatThrownBy(() -> SyntheticGenerator.generateInto(db, params.withSeed(99), Progress.NONE))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("150 viewers");
            assertThat(db.count("imports")).isEqualTo(1);
        }
    }

    @Test
    void generate_into_a_database_that_already_has_viewers_is_refused() {
        try (Database db = Database.open(dir.resolve("used.db").toString())) {
            Imports.run(db, "test", "one viewer", "f".repeat(64), sink -> sink.user(User.idOnly(1)));
            assertThatThrownBy(() -> SyntheticGenerator.generateInto(db, SMALL, Progress.NONE))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("generate into a fresh database")
                    .hasMessageContaining("1 viewers");
            assertThat(db.count("movies")).isZero();
        }
    }
}
