package io.marquee.core.importer;

import static io.marquee.core.importer.Fixtures.LATIN_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.User;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MovieLensSourceTest {
    @TempDir
    Path tmp;

    private static RecordingSink read(Path path) {
        RecordingSink sink = new RecordingSink();
        try (MovieLensSource source = MovieLensSource.open(path)) {
            source.readInto(sink);
        }
        return sink;
    }

    // ---- ML-100K ----

    @Test
    void ml_100k_directory_is_detected_and_its_latin1_titles_read_correctly() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));

        try (MovieLensSource source = MovieLensSource.open(dir)) {
            assertThat(source.format()).isEqualTo(MovieLensFormat.ML_100K);
            assertThat(source.format().id()).isEqualTo("movielens-100k");
            assertThat(source.files()).containsExactly("u.genre", "u.item", "u.occupation", "u.user", "u.data");
        }
        RecordingSink sink = read(dir);

        assertThat(sink.movie(2)).isEqualTo(new Movie(2, "Misérables, Les", 1995, null, List.of("Drama")));
        assertThat(sink.movies).extracting(Movie::title)
                .containsExactly("Toy Story", "Misérables, Les", "unknown", "Some Film");
        assertThat(sink.movies).allSatisfy(m -> assertThat(m.runtimeMinutes()).isNull());
    }

    @Test
    void ml_100k_genres_come_from_the_flags_named_by_u_genre() throws IOException {
        RecordingSink sink = read(Fixtures.ml100k(tmp.resolve("ml-100k")));

        assertThat(sink.movies).extracting(Movie::id, Movie::genres).containsExactly(
                tuple(1L, List.of("Comedy")),
                tuple(2L, List.of("Drama")),
                tuple(3L, List.of("unknown")),
                tuple(4L, List.of("Action", "Comedy")));
    }

    @Test
    void ml_100k_title_without_year_takes_the_release_date_year_and_unknown_has_none() throws IOException {
        RecordingSink sink = read(Fixtures.ml100k(tmp.resolve("ml-100k")));

        assertThat(sink.movie(4).title()).isEqualTo("Some Film");
        assertThat(sink.movie(4).year()).isEqualTo(1997);
        assertThat(sink.movie(3).title()).isEqualTo("unknown");
        assertThat(sink.movie(3).year()).isNull();
    }

    @Test
    void ml_100k_viewers_keep_age_gender_occupation_and_zip_as_region() throws IOException {
        RecordingSink sink = read(Fixtures.ml100k(tmp.resolve("ml-100k")));

        assertThat(sink.users).containsExactly(
                new User(1, 24, "M", "writer", "85711"),
                new User(2, 53, "F", "other", "T8H1N"));
        assertThat(sink.ratings).hasSize(5).first().isEqualTo(new Rating(1, 1, 5f, 881250949L));
    }

    @Test
    void films_come_before_viewers_and_viewers_before_ratings() throws IOException {
        RecordingSink sink = read(Fixtures.ml100k(tmp.resolve("ml-100k")));

        int lastMovie = lastIndexOf(sink.all, Movie.class);
        int firstUser = sink.all.indexOf(sink.users.get(0));
        int lastUser = lastIndexOf(sink.all, User.class);
        int firstRating = sink.all.indexOf(sink.ratings.get(0));
        assertThat(lastMovie).isLessThan(firstUser);
        assertThat(lastUser).isLessThan(firstRating);
    }

    private static int lastIndexOf(List<Object> all, Class<?> type) {
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (type.isInstance(all.get(i))) {
                last = i;
            }
        }
        return last;
    }

    // ---- ML-1M ----

    @Test
    void ml_1m_fixture_reads_double_colon_fields_latin1_titles_and_named_occupations() throws IOException {
        Path dir = Fixtures.ml1m(tmp.resolve("ml-1m"));

        try (MovieLensSource source = MovieLensSource.open(dir)) {
            assertThat(source.format()).isEqualTo(MovieLensFormat.ML_1M);
        }
        RecordingSink sink = read(dir);

        assertThat(sink.movies).containsExactly(
                new Movie(1, "Toy Story", 1995, null, List.of("Animation", "Children's", "Comedy")),
                new Movie(2, "Misérables, Les", 1995, null, List.of("Drama", "Musical")),
                new Movie(3, "Cérémonie, La", 1995, null, List.of("Drama")));
        assertThat(sink.users).containsExactly(
                new User(1, 1, "F", "K-12 student", "48067"),
                new User(2, 56, "M", "self-employed", "70072"),
                new User(3, 25, "M", "other or not specified", "55117"));
        assertThat(sink.ratings).containsExactly(
                new Rating(1, 1, 5f, 978300760L),
                new Rating(1, 3, 3f, 978302109L),
                new Rating(2, 2, 4f, 978301968L),
                new Rating(3, 1, 2f, 978300275L));
    }

    @Test
    void ml_1m_occupation_codes_map_to_the_twenty_one_readme_names() {
        assertThat(MovieLens1mReader.OCCUPATIONS).hasSize(21);
        assertThat(MovieLens1mReader.OCCUPATIONS.get(0)).isEqualTo("other or not specified");
        assertThat(MovieLens1mReader.OCCUPATIONS.get(12)).isEqualTo("programmer");
        assertThat(MovieLens1mReader.OCCUPATIONS.get(20)).isEqualTo("writer");
    }

    @Test
    void ml_1m_age_code_outside_the_bands_is_a_bad_line() throws IOException {
        Path dir = Fixtures.ml1m(tmp.resolve("ml-1m"));
        Fixtures.append(dir.resolve("users.dat"), LATIN_1, "4::F::30::3::12345\n");

        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir.resolve("users.dat") + ":4: age code 30 is not one of 1, 18, 25, 35, 45, 50, 56");
    }

    // ---- latest ----

    @Test
    void latest_csv_reads_quoted_titles_with_commas_crlf_and_utf8() throws IOException {
        Path dir = Fixtures.latest(tmp.resolve("ml-latest-small"));

        try (MovieLensSource source = MovieLensSource.open(dir)) {
            assertThat(source.format()).isEqualTo(MovieLensFormat.ML_LATEST);
        }
        RecordingSink sink = read(dir);

        assertThat(sink.movie(2)).isEqualTo(new Movie(2, "American President, The", 1995, null,
                List.of("Comedy", "Drama", "Romance")));
        assertThat(sink.movie(4).title()).isEqualTo("Misérables, Les");
        assertThat(sink.movie(5)).isEqualTo(new Movie(5, "Fawlty Towers", 1975, null, List.of("Comedy")));
        assertThat(sink.ratings).extracting(Rating::value).containsExactly(4.0f, 3.5f, 0.5f, 5.0f, 2.5f);
    }

    @Test
    void latest_no_genres_listed_means_no_genres_and_no_year_stays_null() throws IOException {
        RecordingSink sink = read(Fixtures.latest(tmp.resolve("ml-latest-small")));

        assertThat(sink.movie(3)).isEqualTo(new Movie(3, "Babylon 5", null, null, List.of()));
    }

    @Test
    void latest_viewers_are_sent_once_by_id_before_their_first_rating() throws IOException {
        RecordingSink sink = read(Fixtures.latest(tmp.resolve("ml-latest-small")));

        assertThat(sink.users).containsExactly(User.idOnly(1), User.idOnly(7));
        assertThat(sink.all.indexOf(User.idOnly(7))).isLessThan(sink.all.indexOf(sink.ratings.get(2)));
        assertThat(sink.all.indexOf(User.idOnly(7))).isGreaterThan(sink.all.indexOf(sink.ratings.get(1)));
    }

    @Test
    void latest_csv_with_lf_line_endings_reads_the_same() throws IOException {
        Path crlf = Fixtures.latest(tmp.resolve("crlf"));
        Path lf = Files.createDirectories(tmp.resolve("lf"));
        for (String f : List.of("movies.csv", "ratings.csv")) {
            Files.writeString(lf.resolve(f), Files.readString(crlf.resolve(f)).replace("\r\n", "\n"));
        }

        RecordingSink a = read(crlf);
        RecordingSink b = read(lf);

        assertThat(b.all).isEqualTo(a.all);
    }

    // ---- zip ----

    @ParameterizedTest
    @ValueSource(strings = {"ml-100k", "ml-1m", "ml-latest-small"})
    void the_same_data_as_a_zip_gives_the_same_rows_and_fingerprint_as_the_directory(String name) throws IOException {
        Path dir = switch (name) {
            case "ml-100k" -> Fixtures.ml100k(tmp.resolve(name));
            case "ml-1m" -> Fixtures.ml1m(tmp.resolve(name));
            default -> Fixtures.latest(tmp.resolve(name));
        };
        Path zip = Fixtures.zip(dir, tmp.resolve(name + ".zip"), name);

        try (MovieLensSource fromDir = MovieLensSource.open(dir); MovieLensSource fromZip = MovieLensSource.open(zip)) {
            assertThat(fromZip.format()).isEqualTo(fromDir.format());
            assertThat(fromZip.fingerprint()).isEqualTo(fromDir.fingerprint()).hasSize(64);
        }
        assertThat(read(zip).all).isEqualTo(read(dir).all);
    }

    @Test
    void a_zip_without_a_top_folder_is_read_too() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        Path zip = Fixtures.zip(dir, tmp.resolve("flat.zip"), "");

        assertThat(read(zip).all).isEqualTo(read(dir).all);
    }

    @Test
    void a_bad_line_in_a_zip_names_the_zip_and_the_entry() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        Fixtures.append(dir.resolve("u.data"), LATIN_1, "1\t4\tx\t881250960\n");
        Path zip = Fixtures.zip(dir, tmp.resolve("ml-100k.zip"), "ml-100k");

        assertThatThrownBy(() -> read(zip))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(zip + "!/ml-100k/u.data:6: rating 'x' is not a number");
    }

    @Test
    void fingerprint_changes_when_one_byte_changes() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        String before;
        try (MovieLensSource source = MovieLensSource.open(dir)) {
            before = source.fingerprint();
        }
        Files.writeString(dir.resolve("u.data"), Files.readString(dir.resolve("u.data")).replace("\t5\t", "\t4\t"));

        try (MovieLensSource source = MovieLensSource.open(dir)) {
            assertThat(source.fingerprint()).isNotEqualTo(before);
        }
    }

    // ---- bad input ----

    @Test
    void a_missing_path_is_not_found_and_named() {
        Path missing = tmp.resolve("nowhere");

        assertThatThrownBy(() -> MovieLensSource.open(missing))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void an_unrecognised_directory_lists_the_files_each_format_expects() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("stuff"));
        Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> MovieLensSource.open(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir + " holds no MovieLens data")
                .hasMessageContaining("u.genre, u.item, u.user, u.data (MovieLens 100K)")
                .hasMessageContaining("movies.dat, users.dat, ratings.dat (MovieLens 1M)")
                .hasMessageContaining("movies.csv, ratings.csv (MovieLens latest/20M/25M)")
                .hasMessageContaining("found notes.txt");
    }

    @Test
    void an_incomplete_directory_names_the_missing_files() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        Files.delete(dir.resolve("u.genre"));
        Files.delete(dir.resolve("u.user"));

        assertThatThrownBy(() -> MovieLensSource.open(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("looks like MovieLens 100K but lacks u.genre, u.user");
    }

    @Test
    void a_file_that_is_not_a_zip_is_refused() throws IOException {
        Path file = Files.writeString(tmp.resolve("ratings.txt"), "1\t2\t3\t4\n");

        assertThatThrownBy(() -> MovieLensSource.open(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is neither a directory nor a zip file");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "1\t4\t881250960|expected 4 tab-separated fields, found 3",
            "1\t4\tx\t881250960|rating 'x' is not a number",
            "1\t4\t7\t881250960|rating 7 is outside 1–5",
            "1\t4\t3.5\t881250960|rating 3.5 is not a multiple of 1",
            "1\t99999\t3\t881250960|movie id 99999 is not in u.item",
            "944\t4\t3\t881250960|user id 944 is not in u.user",
            "1\t4\t3\tlater|timestamp 'later' is not a whole number",
            "one\t4\t3\t881250960|user id 'one' is not a whole number",
    })
    void a_bad_u_data_line_names_file_line_and_reason(String testCase) throws IOException {
        String[] parts = testCase.split("\\|");
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        Fixtures.append(dir.resolve("u.data"), LATIN_1, parts[0] + "\n");

        assertThatThrownBy(() -> read(dir))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(dir.resolve("u.data").toString());
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.reason()).isEqualTo(parts[1]);
                })
                .hasMessage(dir.resolve("u.data") + ":6: " + parts[1]);
    }

    @Test
    void a_bad_genre_flag_in_u_item_is_a_bad_line() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        Fixtures.append(dir.resolve("u.item"), LATIN_1, "5|Heat (1995)|01-Jan-1995||x|0|2|0|0\n");

        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir.resolve("u.item") + ":5: genre flag for Action must be 0 or 1, was '2'");
    }

    @Test
    void a_repeated_movie_id_is_a_bad_line_naming_the_first() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        Fixtures.append(dir.resolve("u.item"), LATIN_1, "2|Heat (1995)|01-Jan-1995||x|0|1|0|0\n");

        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir.resolve("u.item") + ":5: movie id 2 appears twice (first on line 2)");
    }

    @Test
    void an_occupation_not_in_u_occupation_is_a_bad_line() throws IOException {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        Fixtures.append(dir.resolve("u.user"), LATIN_1, "3|30|F|astronaut|12345\n");

        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir.resolve("u.user") + ":3: occupation 'astronaut' is not in u.occupation");
    }

    @Test
    void a_latest_rating_not_in_halves_or_for_an_unknown_movie_is_a_bad_line() throws IOException {
        Path dir = Fixtures.latest(tmp.resolve("a"));
        Fixtures.append(dir.resolve("ratings.csv"), StandardCharsets.UTF_8, "1,3,3.3,964983817\r\n");
        Path other = Fixtures.latest(tmp.resolve("b"));
        Fixtures.append(other.resolve("ratings.csv"), StandardCharsets.UTF_8, "1,42,3.5,964983817\r\n");
        Path third = Fixtures.latest(tmp.resolve("c"));
        Fixtures.append(third.resolve("ratings.csv"), StandardCharsets.UTF_8, "1,3,7,964983817\r\n");

        assertThatThrownBy(() -> read(dir))
                .hasMessage(dir.resolve("ratings.csv") + ":7: rating 3.3 is not a multiple of 0.5");
        assertThatThrownBy(() -> read(other))
                .hasMessage(other.resolve("ratings.csv") + ":7: movie id 42 is not in movies.csv");
        assertThatThrownBy(() -> read(third))
                .hasMessage(third.resolve("ratings.csv") + ":7: rating 7 is outside 0.5–5");
    }

    @Test
    void a_latest_file_with_the_wrong_header_is_refused_at_line_1() throws IOException {
        Path dir = Fixtures.latest(tmp.resolve("a"));
        Files.writeString(dir.resolve("ratings.csv"), "user,movie,rating,timestamp\n1,1,4.0,964982703\n");

        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(dir.resolve("ratings.csv") + ":1: expected the header 'userId,movieId,rating,timestamp',"
                        + " found 'user,movie,rating,timestamp'");
    }

    @Test
    void a_latest_title_with_bytes_that_are_not_utf8_is_a_bad_line() throws IOException {
        Path dir = Fixtures.latest(tmp.resolve("a"));
        byte[] latin1 = "6,Mis\u00e9rables (1995),Drama\r\n".getBytes(LATIN_1);
        Files.write(dir.resolve("movies.csv"), latin1, java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(dir.resolve("movies.csv") + ":7: movie 6: title 'Mis\uFFFDrables (1995)'"
                        + " contains bytes that are not valid UTF-8");
    }
}
