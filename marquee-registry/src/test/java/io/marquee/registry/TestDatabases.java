package io.marquee.registry;

import io.marquee.core.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh databases for tests: a SQLite file, or a new database on one shared embedded PostgreSQL server. */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A new SQLite database file in {@code dir}. */
    public static Database sqlite(Path dir) {
        return Database.open(dir.resolve("marquee-" + COUNTER.incrementAndGet() + ".db").toString());
    }

    /**
     * A new, empty database on the embedded PostgreSQL server (started on first use and stopped
     * when the JVM exits, so every test class shares one server).
     */
    public static synchronized Database postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres server = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (Exception ignored) {
                        // the JVM is exiting
                    }
                }));
            }
            String name = "marquee_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return Database.open(postgres.getJdbcUrl("postgres", name));
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
