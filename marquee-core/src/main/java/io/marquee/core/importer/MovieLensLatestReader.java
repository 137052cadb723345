package io.marquee.core.importer;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.marquee.core.data.DataSink;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.User;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.progress.Progress;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * MovieLens latest, latest-small, 20M, 25M and 32M: {@code movies.csv}
 * ({@code movieId,title,genres}; titles with commas are quoted) and {@code ratings.csv}
 * ({@code userId,movieId,rating,timestamp}, ratings 0.5–5 in halves); UTF-8, CRLF or LF, parsed
 * with FastCSV. There is no viewer file: a viewer is sent as {@link User#idOnly} when first seen,
 * before that viewer's first rating.
 */
final class MovieLensLatestReader extends MovieLensReader {
    private static final String MOVIES = "movies.csv";
    private static final String RATINGS = "ratings.csv";
    private static final List<String> MOVIES_HEADER = List.of("movieId", "title", "genres");
    private static final List<String> RATINGS_HEADER = List.of("userId", "movieId", "rating", "timestamp");

    MovieLensLatestReader(SourceFiles files, DataSink sink, Progress progress) {
        super(files, MovieLensFormat.ML_LATEST, sink, progress, 0.5f, 5, 0.5f);
    }

    @Override
    void read() throws IOException {
        readMovies();
        readRatings();
    }

    private CsvRecords csv(InputStream in, String name) {
        return new CsvRecords(in, format.charset(), ',', files.display(name));
    }

    private void readMovies() throws IOException {
        try (CsvRecords records = csv(files.open(MOVIES), MOVIES)) {
            String file = records.file();
            boolean header = true;
            for (CsvRecord record : records) {
                long line = record.getStartingLineNumber();
                if (header) {
                    checkHeader(record, MOVIES_HEADER, file);
                    header = false;
                    continue;
                }
                expectFields(record, 3, file);
                long id = parseLong(record.getField(0).strip(), "movie id", file, line);
                addMovieId(id, file, line);
                movie(file, line, id, record.getField(1), null, MovieLens1mReader.splitGenres(record.getField(2)));
            }
        }
    }

    private void readRatings() throws IOException {
        LongOpenHashSet users = new LongOpenHashSet();
        CountingInputStream in = new CountingInputStream(files.open(RATINGS));
        ByteProgress ticker = new ByteProgress(progress, "reading " + RATINGS, files.size(RATINGS), in);
        try (CsvRecords records = csv(in, RATINGS)) {
            String file = records.file();
            boolean header = true;
            for (CsvRecord record : records) {
                long line = record.getStartingLineNumber();
                if (header) {
                    checkHeader(record, RATINGS_HEADER, file);
                    header = false;
                    continue;
                }
                expectFields(record, 4, file);
                long user = parseLong(record.getField(0), "user id", file, line);
                long movie = parseLong(record.getField(1), "movie id", file, line);
                float value = rating(record.getField(2), file, line);
                long time = parseLong(record.getField(3), "timestamp", file, line);
                checkMovie(movie, file, line, MOVIES);
                if (users.add(user)) {
                    sink.user(User.idOnly(user));
                }
                sink.rating(new Rating(user, movie, value, time));
                ticker.tick();
            }
        }
        ticker.finish();
    }

    private static void checkHeader(CsvRecord record, List<String> expected, String file) {
        List<String> found = record.getFields().stream().map(String::strip).toList();
        if (!found.equals(expected)) {
            throw new DataFormatException(file, record.getStartingLineNumber(), "expected the header '"
                    + String.join(",", expected) + "', found '" + String.join(",", found) + "'");
        }
    }

    private static void expectFields(CsvRecord record, int expected, String file) {
        if (record.getFieldCount() != expected) {
            throw new DataFormatException(file, record.getStartingLineNumber(),
                    "expected " + expected + " comma-separated fields, found " + record.getFieldCount());
        }
    }
}
