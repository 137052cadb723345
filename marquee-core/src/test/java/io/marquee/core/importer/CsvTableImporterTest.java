package io.marquee.core.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.marquee.core.error.ConflictException;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.store.Database;
import io.marquee.core.store.ImportResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableImporterTest {
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

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    /** Films 1–3 and viewers 10, 11, imported through the generic CSV path. */
    private void catalogueAndViewers() throws IOException {
        CsvTableImporter.importInto(db, csv("movies.csv", """
                id,title,year,genres
                1,Heat,1995,Action|Crime
                2,"Usual Suspects, The",1995,Crime|Thriller
                3,Babylon 5,,
                """), "movies", CsvOptions.defaults());
        CsvTableImporter.importInto(db, csv("users.csv", """
                id,age,gender,occupation,region
                10,34,F,writer,EU
                11,,,,
                """), "users", CsvOptions.defaults());
    }

    @Test
    void movies_and_users_import_with_optional_columns_left_empty() throws IOException {
        catalogueAndViewers();

        assertThat(Fixtures.counts(db)).contains(entry("movies", 3L), entry("users", 2L), entry("genres", 3L),
                entry("movie_genres", 4L), entry("imports", 2L));
        Map<String, Object> babylon = db.withHandle(h -> h.createQuery(
                "SELECT title, year, runtime_minutes FROM movies WHERE id = 3").mapToMap().one());
        assertThat(babylon).containsEntry("title", "Babylon 5").containsEntry("year", null);
        Map<String, Object> user11 = db.withHandle(h -> h.createQuery(
                "SELECT age, gender FROM users WHERE id = 11").mapToMap().one());
        assertThat(user11).containsEntry("age", null).containsEntry("gender", null);
    }

    @Test
    void ratings_import_through_a_column_mapping_with_iso_timestamps() throws IOException {
        catalogueAndViewers();
        Path file = csv("export.csv", """
                customer;film;stars;when
                10;1;4.5;2024-03-01T20:15:00+01:00
                10;2;3;2024-03-01 19:15:00
                11;1;5;2024-03-02
                11;3;1;1709320500
                """);
        CsvOptions options = CsvOptions.defaults().withDelimiter(';')
                .withMapping(Map.of("user_id", "customer", "movie_id", "film", "value", "stars", "rated_at", "when"));

        ImportResult result = CsvTableImporter.importInto(db, file, "ratings", options);

        assertThat(result.kind()).isEqualTo("csv:ratings");
        assertThat(result.rowCounts()).containsEntry("ratings", 4L);
        List<Map<String, Object>> rows = db.withHandle(h -> h.createQuery(
                "SELECT user_id, movie_id, value, rated_at FROM ratings ORDER BY user_id, movie_id").mapToMap().list());
        assertThat(rows).extracting(r -> ((Number) r.get("rated_at")).longValue())
                .containsExactly(1709320500L, 1709320500L, 1709337600L, 1709320500L);
        assertThat(rows).extracting(r -> ((Number) r.get("value")).floatValue()).containsExactly(4.5f, 3f, 5f, 1f);
    }

    @Test
    void a_bad_value_fails_with_file_line_and_column_and_changes_nothing() throws IOException {
        catalogueAndViewers();
        Map<String, Long> before = Fixtures.counts(db);
        Path file = csv("ratings.csv", """
                user_id,movie_id,value,rated_at
                10,1,4,1709320500
                10,2,"3",1709320500

                11,1,abc,1709320500
                """);

        assertThatThrownBy(() -> CsvTableImporter.importInto(db, file, "ratings", CsvOptions.defaults()))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.reason()).isEqualTo("column 'value': 'abc' is not a number");
                })
                .hasMessage(file + ":5: column 'value': 'abc' is not a number");
        assertThat(Fixtures.counts(db)).isEqualTo(before);
    }

    @Test
    void a_bad_value_in_a_mapped_column_names_both_the_header_and_the_column() throws IOException {
        catalogueAndViewers();
        Path file = csv("ratings.csv", """
                customer,movie_id,value,rated_at
                10,1,4,yesterday
                """);

        assertThatThrownBy(() -> CsvTableImporter.importInto(db, file, "ratings",
                CsvOptions.defaults().map("user_id", "customer")))
                .hasMessage(file + ":2: column 'rated_at': 'yesterday' is not epoch seconds or an ISO-8601 date-time");
        Path other = csv("ratings2.csv", """
                customer,movie_id,value,rated_at
                ten,1,4,0
                """);
        assertThatThrownBy(() -> CsvTableImporter.importInto(db, other, "ratings",
                CsvOptions.defaults().map("user_id", "customer")))
                .hasMessage(other + ":2: column 'customer' (user_id): 'ten' is not a whole number");
    }

    @Test
    void missing_required_columns_are_named_and_the_header_listed() throws IOException {
        Path file = csv("ratings.csv", """
                customer,film,stars
                10,1,4
                """);

        assertThatThrownBy(() -> CsvTableImporter.importInto(db, file, "ratings",
                CsvOptions.defaults().map("user_id", "customer")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + " lacks columns movie_id, value, rated_at needed for ratings; its header is:"
                        + " customer, film, stars (map other names with a column mapping)");
        assertThat(db.count("imports")).isZero();
    }

    @Test
    void a_mapping_naming_an_unknown_column_is_refused() throws IOException {
        Path file = csv("ratings.csv", "user_id,movie_id,value,rated_at\n");

        assertThatThrownBy(() -> CsvTableImporter.importInto(db, file, "ratings",
                CsvOptions.defaults().map("stars", "value")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the column mapping names 'stars', which is not a column of ratings"
                        + " (its columns: user_id, movie_id, value, rated_at)");
    }

    @Test
    void an_unknown_table_and_a_missing_file_are_refused() throws IOException {
        Path file = csv("x.csv", "id\n1\n");

        assertThatThrownBy(() -> CsvTableImporter.importInto(db, file, "films", CsvOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("table must be one of movies, users, ratings, watch_events, survey_responses, was 'films'");
        assertThatThrownBy(() -> CsvTableImporter.importInto(db, tmp.resolve("none.csv"), "movies",
                CsvOptions.defaults()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("none.csv");
    }

    @Test
    void a_rating_for_a_viewer_not_in_the_database_is_a_bad_line() throws IOException {
        catalogueAndViewers();
        Path file = csv("ratings.csv", """
                user_id,movie_id,value,rated_at
                10,1,4,0
                99,1,4,0
                """);

        assertThatThrownBy(() -> CsvTableImporter.importInto(db, file, "ratings", CsvOptions.defaults()))
                .hasMessage(file + ":3: column 'user_id': user id 99 is not in the database (import the users first)");
    }

    @Test
    void a_film_already_in_the_database_or_repeated_is_a_bad_line() throws IOException {
        catalogueAndViewers();
        Path again = csv("more.csv", "id,title\n4,Casino\n2,Seven\n");
        Path twice = csv("twice.csv", "id,title\n5,Casino\n5,Seven\n");

        assertThatThrownBy(() -> CsvTableImporter.importInto(db, again, "movies", CsvOptions.defaults()))
                .hasMessage(again + ":3: movie id 2 is already in the database");
        assertThatThrownBy(() -> CsvTableImporter.importInto(db, twice, "movies", CsvOptions.defaults()))
                .hasMessage(twice + ":3: movie id 5 appears twice (first on line 2)");
    }

    @Test
    void a_record_with_the_wrong_number_of_fields_is_a_bad_line() throws IOException {
        Path file = csv("movies.csv", "id,title,year\n1,Heat,1995\n2,Casino\n");

        assertThatThrownBy(() -> CsvTableImporter.importInto(db, file, "movies", CsvOptions.defaults()))
                .hasMessage(file + ":3: expected 3 fields as in the header, found 2");
    }

    @Test
    void watch_events_without_ids_get_ids_after_the_largest_one_already_there() throws IOException {
        catalogueAndViewers();
        CsvTableImporter.importInto(db, csv("w1.csv", """
                id,user_id,movie_id,started_at,watched_minutes,runtime_minutes,device,completed
                41,10,1,2024-01-01T10:00:00Z,95.5,170,tv,yes
                """), "watch_events", CsvOptions.defaults());

        CsvTableImporter.importInto(db, csv("w2.csv", """
                user_id,movie_id,started_at,watched_minutes,runtime_minutes,device,completed
                10,2,2024-01-02T10:00:00Z,12,106,mobile,0
                11,1,2024-01-03T10:00:00Z,170,170,tv,TRUE
                """), "watch_events", CsvOptions.defaults());

        List<Map<String, Object>> rows = db.withHandle(h -> h.createQuery(
                "SELECT id, completed FROM watch_events ORDER BY id").mapToMap().list());
        assertThat(rows).extracting(r -> ((Number) r.get("id")).longValue()).containsExactly(41L, 42L, 43L);
        assertThat(rows).extracting(r -> r.get("completed")).map(v -> v instanceof Boolean b ? b : ((Number) v).intValue() != 0)
                .containsExactly(true, false, true);
    }

    @Test
    void a_boolean_that_is_not_one_is_a_bad_line() throws IOException {
        catalogueAndViewers();
        Path file = csv("w.csv", """
                user_id,movie_id,started_at,watched_minutes,runtime_minutes,device,completed
                10,2,0,12,106,mobile,maybe
                """);

        assertThatThrownBy(() -> CsvTableImporter.importInto(db, file, "watch_events", CsvOptions.defaults()))
                .hasMessage(file + ":2: column 'completed': 'maybe' is not a boolean (true/false, 1/0, yes/no)");
    }

    @Test
    void survey_answers_import_and_a_missing_value_is_a_bad_line() throws IOException {
        catalogueAndViewers();
        CsvTableImporter.importInto(db, csv("s.csv", "user_id,question,answer\n10,likes_horror,true\n"),
                "survey_responses", CsvOptions.defaults());
        Path bad = csv("s2.csv", "user_id,question,answer\n11,likes_horror,\n");

        assertThat(db.count("survey_responses")).isEqualTo(1);
        assertThatThrownBy(() -> CsvTableImporter.importInto(db, bad, "survey_responses", CsvOptions.defaults()))
                .hasMessage(bad + ":2: column 'answer': value is missing");
    }

    @Test
    void the_same_file_table_and_mapping_twice_is_refused_and_changes_nothing() throws IOException {
        catalogueAndViewers();
        Map<String, Long> before = Fixtures.counts(db);

        assertThatThrownBy(() -> CsvTableImporter.importInto(db, tmp.resolve("movies.csv"), "movies",
                CsvOptions.defaults()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("this data was already imported");
        assertThat(Fixtures.counts(db)).isEqualTo(before);
    }

    @Test
    void the_fingerprint_depends_on_bytes_table_and_mapping() throws IOException {
        Path file = csv("x.csv", "id,title\n1,Heat\n");
        String plain = CsvTableImporter.fingerprint(file, "movies", CsvOptions.defaults());

        assertThat(CsvTableImporter.fingerprint(file, "movies", CsvOptions.defaults())).isEqualTo(plain);
        assertThat(CsvTableImporter.fingerprint(file, "users", CsvOptions.defaults())).isNotEqualTo(plain);
        assertThat(CsvTableImporter.fingerprint(file, "movies", CsvOptions.defaults().map("title", "name")))
                .isNotEqualTo(plain);
        Files.writeString(file, "id,title\n1,Heat!\n");
        assertThat(CsvTableImporter.fingerprint(file, "movies", CsvOptions.defaults())).isNotEqualTo(plain);
    }

    @Test
    void a_latin1_file_reads_with_its_charset() throws IOException {
        Path file = tmp.resolve("latin1.csv");
        Files.writeString(file, "id,title\n7,Misérables, Les\n".replace("Misérables, Les", "\"Misérables, Les\""),
                StandardCharsets.ISO_8859_1);

        CsvTableImporter.importInto(db, file, "movies", CsvOptions.defaults().withCharset(StandardCharsets.ISO_8859_1));

        String title = db.withHandle(h -> h.createQuery("SELECT title FROM movies WHERE id = 7").mapTo(String.class).one());
        assertThat(title).isEqualTo("Misérables, Les");
    }

    @Test
    void options_reject_a_quote_as_delimiter_and_blank_mappings() {
        assertThatThrownBy(() -> CsvOptions.defaults().withDelimiter('"'))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("delimiter must be");
        assertThatThrownBy(() -> CsvOptions.defaults().map("user_id", " "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column mapping for user_id");
        assertThat(CsvOptions.defaults().map("user_id", "customer").headerFor("user_id")).isEqualTo("customer");
        assertThat(CsvOptions.defaults().headerFor("user_id")).isEqualTo("user_id");
    }

    @Test
    void a_mapping_parses_from_column_equals_header_pairs() {
        assertThat(CsvOptions.parseMapping(List.of("user_id=customer", " value = stars ")))
                .containsExactly(entry("user_id", "customer"), entry("value", "stars"));
        assertThatThrownBy(() -> CsvOptions.parseMapping(List.of("user_id")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("column mapping must be of the form column=header, was 'user_id'");
        assertThatThrownBy(() -> CsvOptions.parseMapping(List.of("user_id=a", "user_id=b")))
                .hasMessage("column mapping gives column 'user_id' twice");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1709320500, 1709320500",
            "0, 0",
            "2024-03-01T19:15:00Z, 1709320500",
            "2024-03-01T20:15:00+01:00, 1709320500",
            "2024-03-01 19:15:00, 1709320500",
            "2024-03-01T19:15:00, 1709320500",
            "2024-03-01 19:15, 1709320500",
            "2024-03-01, 1709251200",
    })
    void timestamps_are_epoch_seconds_or_iso_8601(String text, long expected) {
        assertThat(CsvTableImporter.parseTimestamp(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01", "01/03/2024", "2024-03-01X10:00"})
    void other_timestamps_are_refused(String text) {
        assertThatThrownBy(() -> CsvTableImporter.parseTimestamp(text)).isInstanceOf(DateTimeException.class);
    }
}
