package io.marquee.core.importer;

import io.marquee.core.data.DataSink;
import io.marquee.core.domain.Movie;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.progress.Progress;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.io.IOException;
import java.util.List;

/**
 * Reads one MovieLens distribution and streams it to a {@link DataSink}: films first, then
 * viewers, then ratings, checking each rating's film and viewer against the ids read before, so
 * that a dangling reference is reported as a bad line rather than as a database error.
 * One subclass per format; an instance reads once.
 */
abstract class MovieLensReader {
    final SourceFiles files;
    final MovieLensFormat format;
    final DataSink sink;
    final Progress progress;
    /** Film id → line it was read on, to reject duplicates and dangling ratings. */
    final Long2LongOpenHashMap movieLines = new Long2LongOpenHashMap();
    /** Viewer id → line it was read on. */
    final Long2LongOpenHashMap userLines = new Long2LongOpenHashMap();
    private static final long ABSENT = -1;

    private final float minRating;
    private final float maxRating;
    private final float ratingStep;
    private final String ratingRange;

    MovieLensReader(SourceFiles files, MovieLensFormat format, DataSink sink, Progress progress,
                    float minRating, float maxRating, float ratingStep) {
        this.files = files;
        this.format = format;
        this.sink = sink;
        this.progress = progress;
        this.minRating = minRating;
        this.maxRating = maxRating;
        this.ratingStep = ratingStep;
        this.ratingRange = number(minRating) + "\u2013" + number(maxRating);
        movieLines.defaultReturnValue(ABSENT);
        userLines.defaultReturnValue(ABSENT);
    }

    /** The reader for {@code format}. */
    static MovieLensReader of(MovieLensFormat format, SourceFiles files, DataSink sink, Progress progress) {
        return switch (format) {
            case ML_100K -> new MovieLens100kReader(files, sink, progress);
            case ML_1M -> new MovieLens1mReader(files, sink, progress);
            case ML_LATEST -> new MovieLensLatestReader(files, sink, progress);
        };
    }

    /** Reads every file and sends its rows to the sink. */
    abstract void read() throws IOException;

    /** Opens a {@code separator}-delimited file of this format's encoding. */
    DelimitedReader delimited(String name, String separator, String separatorName) throws IOException {
        return new DelimitedReader(files.open(name), format.charset(), files.display(name), separator, separatorName);
    }

    /** Records a film id, failing on a repeat. */
    void addMovieId(long id, String file, long line) {
        long first = movieLines.putIfAbsent(id, line);
        if (first != ABSENT) {
            throw new DataFormatException(file, line, "movie id " + id + " appears twice (first on line " + first + ")");
        }
    }

    /** Records a viewer id, failing on a repeat. */
    void addUserId(long id, String file, long line) {
        long first = userLines.putIfAbsent(id, line);
        if (first != ABSENT) {
            throw new DataFormatException(file, line, "user id " + id + " appears twice (first on line " + first + ")");
        }
    }

    /**
     * Builds a film from a raw MovieLens title and sends it.
     *
     * @param fallbackYear the year to use when the title has none, or {@code null}
     */
    void movie(String file, long line, long id, String rawTitle, Integer fallbackYear, List<String> genres) {
        if (rawTitle.isBlank()) {
            throw new DataFormatException(file, line, "movie " + id + ": title is empty");
        }
        if (rawTitle.indexOf('\uFFFD') >= 0) {
            throw new DataFormatException(file, line, "movie " + id + ": title '" + rawTitle
                    + "' contains bytes that are not valid " + format.charset().name());
        }
        MovieTitles.Parsed parsed = MovieTitles.parse(rawTitle);
        Integer year = parsed.year() != null ? parsed.year() : fallbackYear;
        Movie movie;
        try {
            movie = new Movie(id, parsed.title(), year, null, genres);
        } catch (InvalidInputException e) {
            throw new DataFormatException(file, line, e.getMessage(), e);
        }
        sink.movie(movie);
    }

    /**
     * Parses and checks a rating value written as digits with an optional decimal part.
     *
     * @throws DataFormatException if it is not such a number, is outside this format's range or
     *                             is not a multiple of its step
     */
    float rating(String text, String file, long line) {
        if (!isDecimal(text)) {
            throw new DataFormatException(file, line, "rating '" + text + "' is not a number");
        }
        float value = Float.parseFloat(text);
        if (!(value >= minRating && value <= maxRating)) {
            throw new DataFormatException(file, line, "rating " + text + " is outside " + ratingRange);
        }
        float steps = value / ratingStep;
        if (steps != Math.rint(steps)) {
            throw new DataFormatException(file, line, "rating " + text + " is not a multiple of " + number(ratingStep));
        }
        return value;
    }

    /** Fails unless {@code id} is a film read from the film file. */
    void checkMovie(long id, String file, long line, String movieFile) {
        if (!movieLines.containsKey(id)) {
            throw new DataFormatException(file, line, "movie id " + id + " is not in " + movieFile);
        }
    }

    /** Fails unless {@code id} is a viewer read from the viewer file. */
    void checkUser(long id, String file, long line, String userFile) {
        if (!userLines.containsKey(id)) {
            throw new DataFormatException(file, line, "user id " + id + " is not in " + userFile);
        }
    }

    /** Digits, optionally a minus sign before and one decimal point between them. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /** Parses a whole number, failing with {@code "<what> '<text>' is not a whole number"}. */
    static long parseLong(String text, String what, String file, long line) {
        if (text.isEmpty()) {
            throw new DataFormatException(file, line, what + " is missing");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, what + " '" + text + "' is not a whole number");
        }
    }

    private static String number(float f) {
        return f == Math.rint(f) ? Long.toString((long) f) : Float.toString(f);
    }
}
