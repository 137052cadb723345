package io.marquee.core.importer;

import io.marquee.core.data.DataSink;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.User;
import io.marquee.core.progress.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MovieLens 100K: {@code u.genre} ({@code name|index}), {@code u.item}
 * ({@code id|title|release date|video release date|IMDb URL|one 0/1 flag per genre}),
 * {@code u.occupation} (one name a line, optional), {@code u.user}
 * ({@code id|age|gender|occupation|zip}) and {@code u.data} ({@code user<TAB>item<TAB>rating<TAB>epoch
 * seconds}); ISO-8859-1.
 */
final class MovieLens100kReader extends MovieLensReader {
    private static final String GENRES = "u.genre";
    private static final String ITEMS = "u.item";
    private static final String OCCUPATIONS = "u.occupation";
    private static final String USERS = "u.user";
    private static final String RATINGS = "u.data";

    MovieLens100kReader(SourceFiles files, DataSink sink, Progress progress) {
        super(files, MovieLensFormat.ML_100K, sink, progress, 1, 5, 1);
    }

    @Override
    void read() throws IOException {
        List<String> genres = readGenres();
        readMovies(genres);
        Set<String> occupations = files.has(OCCUPATIONS) ? readOccupations() : null;
        readUsers(occupations);
        readRatings();
    }

    private List<String> readGenres() throws IOException {
        List<String> genres = new ArrayList<>();
        try (DelimitedReader r = delimited(GENRES, "|", "'|'")) {
            while (r.next()) {
                r.expectFields(2);
                String name = r.trimmed(0);
                if (name.isEmpty()) {
                    throw r.error("genre name is empty");
                }
                int index = r.intField(1, "genre index");
                if (index != genres.size()) {
                    throw r.error("genre index " + index + " is out of order: expected " + genres.size());
                }
                genres.add(name);
            }
            if (genres.isEmpty()) {
                throw r.error("no genres found");
            }
        }
        return genres;
    }

    private void readMovies(List<String> genreNames) throws IOException {
        int fields = 5 + genreNames.size();
        try (DelimitedReader r = delimited(ITEMS, "|", "'|'")) {
            while (r.next()) {
                r.expectFields(fields);
                long id = r.longField(0, "movie id");
                addMovieId(id, r.file(), r.lineNumber());
                List<String> genres = new ArrayList<>(3);
                for (int g = 0; g < genreNames.size(); g++) {
                    String flag = r.field(5 + g);
                    if (flag.equals("1")) {
                        genres.add(genreNames.get(g));
                    } else if (!flag.equals("0")) {
                        throw r.error("genre flag for " + genreNames.get(g) + " must be 0 or 1, was '" + flag + "'");
                    }
                }
                String title = r.field(1);
                Integer fallbackYear = MovieTitles.parse(title).year() == null ? releaseYear(r) : null;
                movie(r.file(), r.lineNumber(), id, title, fallbackYear, genres);
            }
        }
    }

    /**
     * The year of the release-date column ({@code 01-Jan-1995}), or {@code null} when it is empty;
     * asked for only when the title has no year.
     */
    private static Integer releaseYear(DelimitedReader r) {
        String date = r.trimmed(2);
        if (date.isEmpty()) {
            return null;
        }
        String year = date.substring(date.lastIndexOf('-') + 1);
        if (year.length() == 4 && year.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int y = Integer.parseInt(year);
            if (y >= MovieTitles.MIN_YEAR && y <= MovieTitles.MAX_YEAR) {
                return y;
            }
        }
        throw r.error("release date '" + date + "' does not end with a year (like 01-Jan-1995)");
    }

    private Set<String> readOccupations() throws IOException {
        Set<String> names = new HashSet<>();
        try (DelimitedReader r = delimited(OCCUPATIONS, "|", "'|'")) {
            while (r.next()) {
                r.expectFields(1);
                names.add(r.trimmed(0));
            }
        }
        return names;
    }

    private void readUsers(Set<String> occupations) throws IOException {
        try (DelimitedReader r = delimited(USERS, "|", "'|'")) {
            while (r.next()) {
                r.expectFields(5);
                long id = r.longField(0, "user id");
                addUserId(id, r.file(), r.lineNumber());
                Integer age = r.isBlank(1) ? null : r.intField(1, "age");
                String gender = blankToNull(r.trimmed(2));
                String occupation = blankToNull(r.trimmed(3));
                if (occupation != null && occupations != null && !occupations.contains(occupation)) {
                    throw r.error("occupation '" + occupation + "' is not in " + OCCUPATIONS);
                }
                String zip = blankToNull(r.trimmed(4));
                sink.user(new User(id, age, gender, occupation, zip));
            }
        }
    }

    private void readRatings() throws IOException {
        String movieFile = ITEMS;
        String userFile = USERS;
        CountingInputStream in = new CountingInputStream(files.open(RATINGS));
        ByteProgress ticker = new ByteProgress(progress, "reading " + RATINGS, files.size(RATINGS), in);
        try (DelimitedReader r = new DelimitedReader(in, format.charset(), files.display(RATINGS), "\t", "tab")) {
            while (r.next()) {
                r.expectFields(4);
                long user = r.longField(0, "user id");
                long movie = r.longField(1, "movie id");
                float value = rating(r.field(2), r.file(), r.lineNumber());
                long time = r.longField(3, "timestamp");
                checkUser(user, r.file(), r.lineNumber(), userFile);
                checkMovie(movie, r.file(), r.lineNumber(), movieFile);
                sink.rating(new Rating(user, movie, value, time));
                ticker.tick();
            }
        }
        ticker.finish();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
