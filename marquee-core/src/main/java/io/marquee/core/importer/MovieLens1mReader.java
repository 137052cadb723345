package io.marquee.core.importer;

import io.marquee.core.data.DataSink;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.User;
import io.marquee.core.progress.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MovieLens 1M: {@code movies.dat} ({@code MovieID::Title::Genres}, genres {@code |}-separated),
 * {@code users.dat} ({@code UserID::Gender::Age::Occupation::Zip-code}) and {@code ratings.dat}
 * ({@code UserID::MovieID::Rating::Timestamp}); ISO-8859-1.
 *
 * <p>{@code Age} is a code for an age band (1 = under 18, 18 = 18–24, 25 = 25–34, 35 = 35–44,
 * 45 = 45–49, 50 = 50–55, 56 = 56+) and is stored as the viewer's age as it is, that is the lower
 * bound of the band (1 for "under 18"). {@code Occupation} is a code 0–20, stored as its name from
 * the ML-1M README.
 */
final class MovieLens1mReader extends MovieLensReader {
    private static final String MOVIES = "movies.dat";
    private static final String USERS = "users.dat";
    private static final String RATINGS = "ratings.dat";

    /** The ML-1M age codes (lower bounds of the age bands). */
    static final Set<Integer> AGE_CODES = Set.of(1, 18, 25, 35, 45, 50, 56);

    /** Occupation names by code, as the ML-1M README lists them. */
    static final List<String> OCCUPATIONS = List.of(
            "other or not specified", "academic/educator", "artist", "clerical/admin",
            "college/grad student", "customer service", "doctor/health care", "executive/managerial",
            "farmer", "homemaker", "K-12 student", "lawyer", "programmer", "retired", "sales/marketing",
            "scientist", "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed",
            "writer");

    MovieLens1mReader(SourceFiles files, DataSink sink, Progress progress) {
        super(files, MovieLensFormat.ML_1M, sink, progress, 1, 5, 1);
    }

    @Override
    void read() throws IOException {
        readMovies();
        readUsers();
        readRatings();
    }

    private void readMovies() throws IOException {
        try (DelimitedReader r = delimited(MOVIES, "::", "'::'")) {
            while (r.next()) {
                r.expectFields(3);
                long id = r.longField(0, "movie id");
                addMovieId(id, r.file(), r.lineNumber());
                movie(r.file(), r.lineNumber(), id, r.field(1), null, splitGenres(r.field(2)));
            }
        }
    }

    /** Genres separated by {@code |}; empty parts and {@code (no genres listed)} are dropped. */
    static List<String> splitGenres(String field) {
        List<String> genres = new ArrayList<>(4);
        int from = 0;
        while (from <= field.length()) {
            int bar = field.indexOf('|', from);
            int end = bar < 0 ? field.length() : bar;
            String g = field.substring(from, end).strip();
            if (!g.isEmpty() && !g.equals("(no genres listed)") && !genres.contains(g)) {
                genres.add(g);
            }
            if (bar < 0) {
                break;
            }
            from = bar + 1;
        }
        return genres;
    }

    private void readUsers() throws IOException {
        try (DelimitedReader r = delimited(USERS, "::", "'::'")) {
            while (r.next()) {
                r.expectFields(5);
                long id = r.longField(0, "user id");
                addUserId(id, r.file(), r.lineNumber());
                String gender = MovieLens100kReader.blankToNull(r.trimmed(1));
                int age = r.intField(2, "age code");
                if (!AGE_CODES.contains(age)) {
                    throw r.error("age code " + age + " is not one of 1, 18, 25, 35, 45, 50, 56");
                }
                int occupation = r.intField(3, "occupation code");
                if (occupation < 0 || occupation >= OCCUPATIONS.size()) {
                    throw r.error("occupation code " + occupation + " is outside 0\u2013" + (OCCUPATIONS.size() - 1));
                }
                String zip = MovieLens100kReader.blankToNull(r.trimmed(4));
                sink.user(new User(id, age, gender, OCCUPATIONS.get(occupation), zip));
            }
        }
    }

    private void readRatings() throws IOException {
        CountingInputStream in = new CountingInputStream(files.open(RATINGS));
        ByteProgress ticker = new ByteProgress(progress, "reading " + RATINGS, files.size(RATINGS), in);
        try (DelimitedReader r = new DelimitedReader(in, format.charset(), files.display(RATINGS), "::", "'::'")) {
            while (r.next()) {
                r.expectFields(4);
                long user = r.longField(0, "user id");
                long movie = r.longField(1, "movie id");
                float value = rating(r.field(2), r.file(), r.lineNumber());
                long time = r.longField(3, "timestamp");
                checkUser(user, r.file(), r.lineNumber(), USERS);
                checkMovie(movie, r.file(), r.lineNumber(), MOVIES);
                sink.rating(new Rating(user, movie, value, time));
                ticker.tick();
            }
        }
        ticker.finish();
    }
}
