package io.marquee.core.store;

import io.marquee.core.data.DataSink;
import io.marquee.core.domain.DropoffTruth;
import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.SurveyResponse;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import io.marquee.core.error.ConflictException;
import io.marquee.core.error.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes rows to Marquee's tables through JDBC batches on one handle. It never commits: callers
 * run it inside {@link Database#inTransaction}, so an import lands whole or not at all.
 *
 * <p>Each table has its own batch. Before a table's batch is sent, the batches of the tables it
 * references are sent, so foreign keys hold even though batches fill at different rates.
 * Counts of written rows per table are kept for reporting.
 */
public final class DatabaseSink implements DataSink, AutoCloseable {
    /** Tables in dependency order: a table may only reference tables before it. */
    public enum Table {
        GENRES("genres", "INSERT INTO genres (id, name) VALUES (?, ?)"),
        MOVIES("movies", "INSERT INTO movies (id, title, year, runtime_minutes) VALUES (?, ?, ?, ?)"),
        MOVIE_GENRES("movie_genres", "INSERT INTO movie_genres (movie_id, genre_id) VALUES (?, ?)"),
        USERS("users", "INSERT INTO users (id, age, gender, occupation, region) VALUES (?, ?, ?, ?, ?)"),
        SURVEY_RESPONSES("survey_responses",
                "INSERT INTO survey_responses (user_id, question, answer) VALUES (?, ?, ?)"),
        RATINGS("ratings", "INSERT INTO ratings (user_id, movie_id, value, rated_at) VALUES (?, ?, ?, ?)"),
        WATCH_EVENTS("watch_events", "INSERT INTO watch_events (id, user_id, movie_id, started_at,"
                + " watched_minutes, runtime_minutes, device, completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        DROPOFF_TRUTH("dropoff_truth",
                "INSERT INTO dropoff_truth (watch_event_id, probability) VALUES (?, ?)");

        private final String tableName;
        private final String insert;

        Table(String tableName, String insert) {
            this.tableName = tableName;
            this.insert = insert;
        }

        public String tableName() {
            return tableName;
        }
    }

    private static final int BATCH_SIZE = 5_000;

    private final Connection connection;
    private final Map<Table, PreparedStatement> statements = new EnumMap<>(Table.class);
    private final int[] pending = new int[Table.values().length];
    private final long[] written = new long[Table.values().length];
    private final Map<String, Integer> genreIds = new HashMap<>();
    private int nextGenreId;

    /** A sink writing through the handle's connection; the handle should be in a transaction. */
    public DatabaseSink(Handle handle) {
        this.connection = handle.getConnection();
        handle.createQuery("SELECT id, name FROM genres")
                .map((rs, ctx) -> Map.entry(rs.getString(2), rs.getInt(1)))
                .forEach(e -> genreIds.put(e.getKey(), e.getValue()));
        nextGenreId = genreIds.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        try {
            for (Table t : Table.values()) {
                statements.put(t, connection.prepareStatement(t.insert));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot prepare inserts: " + e.getMessage(), e);
        }
    }

    @Override
    public void movie(Movie m) {
        try {
            PreparedStatement ps = statements.get(Table.MOVIES);
            ps.setLong(1, m.id());
            ps.setString(2, m.title());
            setInteger(ps, 3, m.year());
            setInteger(ps, 4, m.runtimeMinutes());
            add(Table.MOVIES);
            for (String genre : m.genres()) {
                int genreId = genreId(genre);
                PreparedStatement mg = statements.get(Table.MOVIE_GENRES);
                mg.setLong(1, m.id());
                mg.setInt(2, genreId);
                add(Table.MOVIE_GENRES);
            }
        } catch (SQLException e) {
            throw failure(Table.MOVIES, e);
        }
    }

    /** The id of a genre name, inserting the genre the first time it is seen. */
    private int genreId(String name) throws SQLException {
        Integer id = genreIds.get(name);
        if (id != null) {
            return id;
        }
        int newId = nextGenreId++;
        genreIds.put(name, newId);
        PreparedStatement ps = statements.get(Table.GENRES);
        ps.setInt(1, newId);
        ps.setString(2, name);
        add(Table.GENRES);
        return newId;
    }

    @Override
    public void user(User u) {
        try {
            PreparedStatement ps = statements.get(Table.USERS);
            ps.setLong(1, u.id());
            setInteger(ps, 2, u.age());
            ps.setString(3, u.gender());
            ps.setString(4, u.occupation());
            ps.setString(5, u.region());
            add(Table.USERS);
        } catch (SQLException e) {
            throw failure(Table.USERS, e);
        }
    }

    @Override
    public void survey(SurveyResponse r) {
        try {
            PreparedStatement ps = statements.get(Table.SURVEY_RESPONSES);
            ps.setLong(1, r.userId());
            ps.setString(2, r.question());
            ps.setString(3, r.answer());
            add(Table.SURVEY_RESPONSES);
        } catch (SQLException e) {
            throw failure(Table.SURVEY_RESPONSES, e);
        }
    }

    @Override
    public void rating(Rating r) {
        try {
            PreparedStatement ps = statements.get(Table.RATINGS);
            ps.setLong(1, r.userId());
            ps.setLong(2, r.movieId());
            ps.setFloat(3, r.value());
            ps.setLong(4, r.timestamp());
            add(Table.RATINGS);
        } catch (SQLException e) {
            throw failure(Table.RATINGS, e);
        }
    }

    @Override
    public void watch(WatchEvent w) {
        try {
            PreparedStatement ps = statements.get(Table.WATCH_EVENTS);
            ps.setLong(1, w.id());
            ps.setLong(2, w.userId());
            ps.setLong(3, w.movieId());
            ps.setLong(4, w.startedAt());
            ps.setFloat(5, w.watchedMinutes());
            ps.setInt(6, w.runtimeMinutes());
            ps.setString(7, w.device());
            ps.setBoolean(8, w.completed());
            add(Table.WATCH_EVENTS);
        } catch (SQLException e) {
            throw failure(Table.WATCH_EVENTS, e);
        }
    }

    @Override
    public void dropoffTruth(DropoffTruth t) {
        try {
            PreparedStatement ps = statements.get(Table.DROPOFF_TRUTH);
            ps.setLong(1, t.watchEventId());
            ps.setDouble(2, t.probability());
            add(Table.DROPOFF_TRUTH);
        } catch (SQLException e) {
            throw failure(Table.DROPOFF_TRUTH, e);
        }
    }

    private void add(Table table) throws SQLException {
        statements.get(table).addBatch();
        if (++pending[table.ordinal()] >= BATCH_SIZE) {
            send(table);
        }
    }

    /** Sends the batches of every table this one may reference, then this table's batch. */
    private void send(Table table) {
        for (Table t : Table.values()) {
            if (t.ordinal() > table.ordinal()) {
                break;
            }
            int n = pending[t.ordinal()];
            if (n == 0) {
                continue;
            }
            try {
                statements.get(t).executeBatch();
            } catch (SQLException e) {
                throw failure(t, e);
            }
            pending[t.ordinal()] = 0;
            written[t.ordinal()] += n;
        }
    }

    /** Sends every pending batch. Does not commit. */
    @Override
    public void flush() {
        send(Table.values()[Table.values().length - 1]);
    }

    /** Rows written so far (sent to the database, in the still-open transaction) per table name. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Table t : Table.values()) {
            counts.put(t.tableName(), written[t.ordinal()] + pending[t.ordinal()]);
        }
        return counts;
    }

    @Override
    public void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a statement of a connection that is going away: nothing to keep
            }
        }
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static RuntimeException failure(Table table, SQLException e) {
        SQLException root = e;
        if (e.getNextException() != null) {
            root = e.getNextException();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("unique") || lower.contains("duplicate key") || lower.contains("primary key")) {
            return new ConflictException("table " + table.tableName()
                    + ": a row conflicts with one already in the database (" + message + ")", e);
        }
        if (lower.contains("foreign key")) {
            return new StorageException("table " + table.tableName()
                    + ": a row refers to a film or viewer that does not exist (" + message + ")", e);
        }
        return new StorageException("table " + table.tableName() + ": " + message, e);
    }
}
