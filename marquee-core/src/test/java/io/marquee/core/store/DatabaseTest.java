package io.marquee.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.data.Dataset;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.User;
import io.marquee.core.error.ConflictException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.StorageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void opening_a_sqlite_file_creates_every_table_with_wal_and_foreign_keys_on() {
        try (Database db = Database.open(dir.resolve("m.db").toString())) {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
            for (String table : DatabaseStats.TABLES) {
                assertThat(db.count(table)).as(table).isZero();
            }
            db.withHandle(h -> {
                assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualToIgnoringCase("wal");
                assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
                return null;
            });
        }
    }

    @Test
    void a_plain_path_becomes_a_sqlite_url_and_other_urls_are_kept() {
        assertThat(Database.toJdbcUrl("x/y.db")).isEqualTo("jdbc:sqlite:x/y.db");
        assertThat(Database.toJdbcUrl(null)).isEqualTo("jdbc:sqlite:marquee.db");
        assertThat(Database.toJdbcUrl("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
        assertThatThrownBy(() -> Database.open("jdbc:mysql://h/db"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("jdbc:mysql://h/db");
    }

    @Test
    void opening_a_file_in_a_missing_directory_names_the_directory() {
        assertThatThrownBy(() -> Database.open(dir.resolve("nope/m.db").toString()))
                .isInstanceOf(StorageException.class).hasMessageContaining("nope");
    }

    @Test
    void reopening_a_database_keeps_its_data_and_does_not_migrate_twice() {
        String file = dir.resolve("m.db").toString();
        try (Database db = Database.open(file)) {
            Imports.run(db, "test", "fixture", "f1", StoreFixtures::small);
        }
        try (Database db = Database.open(file)) {
            assertThat(db.count("ratings")).isEqualTo(3);
        }
    }

    @Test
    void what_is_written_reads_back_as_the_same_dataset() {
        try (Database db = Database.open(dir.resolve("m.db").toString())) {
            ImportResult result = Imports.run(db, "test", "fixture", "f1", StoreFixtures::small);
            assertThat(result.rowCounts()).containsEntry("ratings", 3L).containsEntry("genres", 4L)
                    .containsEntry("movie_genres", 4L).containsEntry("dropoff_truth", 2L);
            Dataset d = DatabaseReader.load(db);
            assertThat(d.catalogue().size()).isEqualTo(3);
            int toy = d.items().indexOf(10);
            assertThat(d.catalogue().title(toy)).isEqualTo("Toy Story");
            assertThat(d.catalogue().runtimeMinutes(toy)).isEqualTo(81);
            assertThat(d.catalogue().genres(toy)).hasSize(3);
            int miz = d.items().indexOf(20);
            assertThat(d.catalogue().title(miz)).isEqualTo("Misérables, Les");
            assertThat(d.catalogue().year(d.items().indexOf(30))).isZero();
            assertThat(d.viewers().age(d.users().indexOf(2))).isEqualTo(-1);
            assertThat(d.viewers().survey(d.users().indexOf(1))).containsEntry("favourite_genres", "comedy|drama");
            assertThat(d.ratings().size()).isEqualTo(3);
            assertThat(d.ratings().meanValue()).isCloseTo(4.1667, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(d.watches().size()).isEqualTo(2);
            assertThat(d.watches().hasTruth()).isTrue();
            assertThat(d.watches().device(1)).isEqualTo("mobile");
            assertThat(d.watches().completed(1)).isFalse();
        }
    }

    @Test
    void a_failing_import_leaves_the_database_as_it_was() {
        try (Database db = Database.open(dir.resolve("m.db").toString())) {
            Imports.run(db, "test", "fixture", "f1", StoreFixtures::small);
            assertThatThrownBy(() -> Imports.run(db, "test", "second", "f2", sink -> {
                sink.movie(new Movie(40, "New Film", 2001, 100, List.of("Western")));
                sink.user(User.idOnly(3));
                sink.rating(new Rating(3, 40, 4f, 1L));
                throw new IllegalStateException("source broke half-way");
            })).hasMessageContaining("half-way");
            assertThat(db.count("movies")).isEqualTo(3);
            assertThat(db.count("users")).isEqualTo(2);
            assertThat(db.count("genres")).isEqualTo(4);
            assertThat(db.count("ratings")).isEqualTo(3);
            assertThat(db.count("imports")).isEqualTo(1);
        }
    }

    @Test
    void the_same_fingerprint_is_refused_the_second_time() {
        try (Database db = Database.open(dir.resolve("m.db").toString())) {
            Imports.run(db, "test", "fixture", "f1", StoreFixtures::small);
            assertThatThrownBy(() -> Imports.run(db, "test", "fixture again", "f1", StoreFixtures::small))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("already imported").hasMessageContaining("import #1");
            assertThat(db.count("ratings")).isEqualTo(3);
        }
    }

    @Test
    void overlapping_rows_from_other_data_are_a_conflict_that_rolls_back() {
        try (Database db = Database.open(dir.resolve("m.db").toString())) {
            Imports.run(db, "test", "fixture", "f1", StoreFixtures::small);
            assertThatThrownBy(() -> Imports.run(db, "test", "other", "f2", sink ->
                    sink.movie(new Movie(10, "Toy Story again", 1995, 81, List.of()))))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("movies");
            assertThat(db.count("movies")).isEqualTo(3);
        }
    }

    @Test
    void a_full_child_batch_sends_its_parents_first_so_foreign_keys_hold() {
        try (Database db = Database.open(dir.resolve("m.db").toString())) {
            ImportResult r = Imports.run(db, "test", "many", "f3", sink -> {
                for (int m = 1; m <= 12_000; m++) {
                    sink.movie(new Movie(m, "Film " + m, 2000, 90, List.of("Drama")));
                }
                sink.user(User.idOnly(1));
                for (int m = 1; m <= 12_000; m++) {
                    sink.rating(new Rating(1, m, 3f, m));
                }
            });
            assertThat(r.rowCounts()).containsEntry("ratings", 12_000L);
            assertThat(db.count("ratings")).isEqualTo(12_000);
        }
    }

    @Test
    void stats_report_counts_histogram_and_dropoff_share() {
        try (Database db = Database.open(dir.resolve("m.db").toString())) {
            Imports.run(db, "test", "fixture", "f1", StoreFixtures::small);
            DatabaseStats s = DatabaseStats.of(db);
            assertThat(s.rowCounts()).containsEntry("movies", 3L).containsEntry("ratings", 3L);
            assertThat(s.ratingHistogram()).containsEntry(5.0, 1L).containsEntry(3.0, 1L).containsEntry(4.5, 1L);
            assertThat(s.dropoffShare()).isEqualTo(0.5);
        }
    }
}
