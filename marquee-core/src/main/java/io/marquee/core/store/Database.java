package io.marquee.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.marquee.core.error.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Marquee's database: one JDBC URL selects it (a SQLite file by default, PostgreSQL in
 * production); opening it applies the Flyway migrations, which are the same for both.
 *
 * <p>SQLite connections run with the WAL journal, {@code synchronous=NORMAL}, foreign keys on and
 * a busy timeout, so a reader never blocks the writer. Everything that changes several rows goes
 * through {@link #inTransaction}.
 */
public final class Database implements AutoCloseable {
    /** The default database: {@code ./marquee.db}. */
    public static final String DEFAULT_LOCATION = "marquee.db";

    private final String url;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(String url, Dialect dialect, HikariDataSource dataSource) {
        this.url = url;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Turns what a user typed into a JDBC URL: a {@code jdbc:} URL is kept; anything else is taken
     * as the path of a SQLite file.
     */
    public static String toJdbcUrl(String urlOrFile) {
        if (urlOrFile == null || urlOrFile.isBlank()) {
            return "jdbc:sqlite:" + DEFAULT_LOCATION;
        }
        if (urlOrFile.startsWith("jdbc:")) {
            return urlOrFile;
        }
        return "jdbc:sqlite:" + urlOrFile;
    }

    /** Opens (creating a SQLite file if needed) and migrates the database. */
    public static Database open(String urlOrFile) {
        String url = toJdbcUrl(urlOrFile);
        Dialect dialect = Dialect.of(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("marquee");
        config.setMaximumPoolSize(dialect == Dialect.SQLITE ? 4 : 8);
        config.setMinimumIdle(0);
        if (dialect == Dialect.SQLITE) {
            Path file = sqliteFile(url);
            if (file != null && file.getParent() != null && !Files.isDirectory(file.getParent())) {
                throw new StorageException("cannot create database " + file
                        + ": directory " + file.getParent() + " does not exist");
            }
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sqlite.enforceForeignKeys(true);
            sqlite.setBusyTimeout(30_000);
            sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
            // 64 MiB page cache per connection: bulk loads insert into indexes at random places,
            // and the 2 MiB default makes them spill to disk (measured: docs/benchmarks.md)
            sqlite.setCacheSize(-65_536);
            SQLiteDataSource ds = new SQLiteDataSource(sqlite);
            ds.setUrl(url);
            config.setDataSource(ds);
        } else {
            config.setJdbcUrl(url);
            // lets the driver turn batched single-row INSERTs into multi-row ones
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open database " + url + ": " + rootMessage(e), e);
        }
        Database db = new Database(url, dialect, dataSource);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private void migrate() {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException("cannot migrate database " + url + ": " + rootMessage(e), e);
        }
    }

    /** The JDBC URL this database was opened with. */
    public String url() {
        return url;
    }

    /** SQLite or PostgreSQL. */
    public Dialect dialect() {
        return dialect;
    }

    /** JDBI over the connection pool, for reads and single statements. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Runs the callback in one transaction: all of its writes land, or none do. */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.inTransaction(callback);
        } catch (JdbiException e) {
            throw new StorageException("database error on " + url + ": " + rootMessage(e), e);
        }
    }

    /** Runs the callback with a handle, outside any explicit transaction. */
    public <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            throw new StorageException("database error on " + url + ": " + rootMessage(e), e);
        }
    }

    /** Number of rows in a table of Marquee's schema. */
    public long count(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** The file of a {@code jdbc:sqlite:} URL, or {@code null} for an in-memory database. */
    public static Path sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.contains("mode=memory")) {
            return null;
        }
        return Path.of(rest);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (t instanceof SQLException && m != null) {
            return m;
        }
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** Utility for callers that hold a handle and need the raw connection for batching. */
    static java.sql.Connection connection(Handle handle) {
        return handle.getConnection();
    }
}
