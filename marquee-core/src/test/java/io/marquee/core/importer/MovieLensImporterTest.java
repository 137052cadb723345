package io.marquee.core.importer;

import static io.marquee.core.importer.Fixtures.LATIN_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.marquee.core.error.ConflictException;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.store.Database;
import io.marquee.core.store.ImportResult;
import io.marquee.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class MovieLensImporterTest {
    private static final Logger LOG = LoggerFactory.getLogger(MovieLensImporterTest.class);

    @TempDir
    Path tmp;
    private Database db;

    @BeforeEach
    void openDatabase() {
        db = Database.open(tmp.resolve("t.db").toString());
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private String title(long movieId) {
        return db.withHandle(h -> h.createQuery("SELECT title FROM movies WHERE id = :id")
                .bind("id", movieId).mapTo(String.class).one());
    }

    @Test
    void ml_100k_fixture_lands_in_every_table_and_is_recorded_as_an_import() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));

        ImportResult result = MovieLensImporter.importInto(db, dir);

        assertThat(result.kind()).isEqualTo("movielens-100k");
        assertThat(result.source()).isEqualTo(dir.toString());
        assertThat(result.rowCounts()).contains(entry("movies", 4L), entry("users", 2L), entry("ratings", 5L),
                entry("genres", 4L), entry("movie_genres", 5L));
        assertThat(Fixtures.counts(db)).contains(entry("movies", 4L), entry("users", 2L), entry("ratings", 5L),
                entry("genres", 4L), entry("movie_genres", 5L), entry("imports", 1L));
        assertThat(title(2)).isEqualTo("Misérables, Les");
        Integer year = db.withHandle(h -> h.createQuery("SELECT year FROM movies WHERE id = 3")
                .mapTo(Integer.class).one());
        assertThat(year).isNull();
    }

    @Test
    void ml_1m_and_latest_fixtures_import_with_their_kinds() throws IOException {
        Database other = Database.open(tmp.resolve("other.db").toString());
        try (other) {
            ImportResult oneM = MovieLensImporter.importInto(db, Fixtures.ml1m(tmp.resolve("ml-1m")));
            ImportResult latest = MovieLensImporter.importInto(other, Fixtures.latest(tmp.resolve("latest")));

            assertThat(oneM.kind()).isEqualTo("movielens-1m");
            assertThat(oneM.rowCounts()).contains(entry("movies", 3L), entry("users", 3L), entry("ratings", 4L));
            assertThat(latest.kind()).isEqualTo("movielens-latest");
            assertThat(latest.rowCounts()).contains(entry("movies", 5L), entry("users", 2L), entry("ratings", 5L));
            String title = other.withHandle(h -> h.createQuery("SELECT title FROM movies WHERE id = 2")
                    .mapTo(String.class).one());
            assertThat(title).isEqualTo("American President, The");
        }
    }

    @Test
    void bad_line_leaves_database_unchanged_even_after_an_earlier_import() throws IOException {
        MovieLensImporter.importInto(db, Fixtures.latest(tmp.resolve("latest")));
        Map<String, Long> before = Fixtures.counts(db);
        Path dir = tmp.resolve("ml-1m");
        java.nio.file.Files.createDirectories(dir);
        Fixtures.write(dir.resolve("movies.dat"), LATIN_1, "10::Heat (1995)::Action|Crime\n11::Casino (1995)::Drama\n");
        Fixtures.write(dir.resolve("users.dat"), LATIN_1, "10::M::25::4::02139\n");
        Fixtures.write(dir.resolve("ratings.dat"), LATIN_1, "10::10::4::978300760\n10::11::9::978300761\n");

        assertThatThrownBy(() -> MovieLensImporter.importInto(db, dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir.resolve("ratings.dat") + ":2: rating 9 is outside 1–5");
        assertThat(Fixtures.counts(db)).isEqualTo(before);
    }

    @Test
    void bad_line_after_more_than_one_batch_leaves_database_unchanged() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        // more rows than one JDBC batch (5,000), each rating on a film of its own so that keys stay distinct
        StringBuilder items = new StringBuilder();
        StringBuilder ratings = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            long film = 100 + i;
            items.append(film).append("|Film ").append(film).append(" (1999)|01-Jan-1999||x|0|0|0|1\n");
            ratings.append("1\t").append(film).append("\t4\t").append(881260000 + i).append('\n');
        }
        Fixtures.append(dir.resolve("u.item"), LATIN_1, items.toString());
        Fixtures.append(dir.resolve("u.data"), LATIN_1, ratings + "1\t100\tfour\t881250960\n");
        Map<String, Long> before = Fixtures.counts(db);

        assertThatThrownBy(() -> MovieLensImporter.importInto(db, dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir.resolve("u.data") + ":12006: rating 'four' is not a number");
        assertThat(Fixtures.counts(db)).isEqualTo(before);
    }

    @Test
    void importing_the_same_data_twice_is_refused_and_changes_nothing() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        Path zip = Fixtures.zip(dir, tmp.resolve("ml-100k.zip"), "ml-100k");
        ImportResult first = MovieLensImporter.importInto(db, dir);
        Map<String, Long> before = Fixtures.counts(db);

        assertThatThrownBy(() -> MovieLensImporter.importInto(db, zip))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("this data was already imported (import #" + first.importId())
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("a second import is refused");
        assertThat(Fixtures.counts(db)).isEqualTo(before);
    }

    @Test
    void different_data_overlapping_rows_already_there_rolls_back_whole() throws IOException {
        MovieLensImporter.importInto(db, Fixtures.ml100k(tmp.resolve("a")));
        Map<String, Long> before = Fixtures.counts(db);
        Path changed = Fixtures.ml100k(tmp.resolve("b"));
        Fixtures.append(changed.resolve("u.data"), LATIN_1, "1\t4\t2\t881250960\n");

        assertThatThrownBy(() -> MovieLensImporter.importInto(db, changed))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("conflicts with one already in the database");
        assertThat(Fixtures.counts(db)).isEqualTo(before);
    }

    @Test
    void shared_ml_100k_imports_exactly_with_accented_titles_and_the_published_histogram() {
        Path dir = SharedData.require("movielens/ml-100k");

        ImportResult result = MovieLensImporter.importInto(db, dir);

        LOG.info("ML-100K import: {} rows in {} s = {} rows/s ({})", result.totalRows(),
                String.format("%.3f", result.seconds()), String.format("%.0f", result.rowsPerSecond()),
                result.rowCounts());
        assertThat(db.count("ratings")).isEqualTo(100_000);
        assertThat(db.count("users")).isEqualTo(943);
        assertThat(db.count("movies")).isEqualTo(1_682);
        assertThat(db.count("genres")).isEqualTo(19);
        assertThat(title(543)).isEqualTo("Misérables, Les");
        assertThat(title(1104)).isEqualTo("C'est arrivé près de chez vous");
        assertThat(title(1633)).isEqualTo("Á köldum klaka (Cold Fever)");
        assertThat(title(1)).isEqualTo("Toy Story");
        assertThat(title(267)).isEqualTo("unknown");
        List<Long> histogram = db.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM ratings GROUP BY CAST(value AS INTEGER) ORDER BY CAST(value AS INTEGER)")
                .mapTo(Long.class).list());
        assertThat(histogram).containsExactly(6_110L, 11_370L, 27_145L, 34_174L, 21_201L);
        Map<String, Object> user1 = db.withHandle(h -> h.createQuery(
                "SELECT age, gender, occupation, region FROM users WHERE id = 1").mapToMap().one());
        assertThat(user1).containsEntry("age", 24).containsEntry("gender", "M")
                .containsEntry("occupation", "technician").containsEntry("region", "85711");
    }
}
