package io.marquee.core.store;

import io.marquee.core.data.DataSink;
import io.marquee.core.data.Dataset;
import io.marquee.core.data.DatasetBuilder;
import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import io.marquee.core.error.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the contents of a Marquee database into a {@link DataSink}, in the order sinks expect
 * (films, viewers, survey answers, ratings, watch events, truth), each table in a stable order so
 * the same database always yields the same {@link Dataset}.
 */
public final class DatabaseReader {
    private static final int FETCH = 10_000;

    private DatabaseReader() {
    }

    /** Loads the whole database into memory as a columnar {@link Dataset}. */
    public static Dataset load(Database db) {
        DatasetBuilder builder = new DatasetBuilder();
        readInto(db, builder);
        return builder.build();
    }

    /** Sends every row to {@code sink}, reading in one read transaction (a consistent snapshot). */
    public static void readInto(Database db, DataSink sink) {
        db.inTransaction(handle -> {
            Connection c = handle.getConnection();
            try {
                readMovies(c, sink);
                query(c, "SELECT id, age, gender, occupation, region FROM users ORDER BY id", rs ->
                        sink.user(new User(rs.getLong(1), intOrNull(rs, 2), rs.getString(3), rs.getString(4),
                                rs.getString(5))));
                query(c, "SELECT user_id, question, answer FROM survey_responses ORDER BY user_id, question", rs ->
                        sink.survey(new SurveyResponse(rs.getLong(1), rs.getString(2), rs.getString(3))));
                query(c, "SELECT user_id, movie_id, value, rated_at FROM ratings ORDER BY user_id, movie_id", rs ->
                        sink.rating(new Rating(rs.getLong(1), rs.getLong(2), rs.getFloat(3), rs.getLong(4))));
                query(c, "SELECT id, user_id, movie_id, started_at, watched_minutes, runtime_minutes, device,"
                        + " completed FROM watch_events ORDER BY id", rs ->
                        sink.watch(new WatchEvent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getFloat(5), rs.getInt(6), rs.getString(7), rs.getBoolean(8))));
                query(c, "SELECT watch_event_id, probability FROM dropoff_truth ORDER BY watch_event_id", rs ->
                        sink.dropoffTruth(new DropoffTruth(rs.getLong(1), rs.getDouble(2))));
            } catch (SQLException e) {
                throw new StorageException("cannot read " + db.url() + ": " + e.getMessage(), e);
            }
            sink.flush();
            return null;
        });
    }

    private static void readMovies(Connection c, DataSink sink) throws SQLException {
        Map<Long, List<String>> genres = new HashMap<>();
        query(c, "SELECT mg.movie_id, g.name FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id"
                + " ORDER BY mg.movie_id, g.id", rs ->
                genres.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        query(c, "SELECT id, title, year, runtime_minutes FROM movies ORDER BY id", rs -> {
            long id = rs.getLong(1);
            sink.movie(new Movie(id, rs.getString(2), intOrNull(rs, 3), intOrNull(rs, 4),
                    genres.getOrDefault(id, List.of())));
        });
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
