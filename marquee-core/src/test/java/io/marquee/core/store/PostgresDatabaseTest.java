package io.marquee.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.data.Dataset;
import io.marquee.core.error.ConflictException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same migrations, writes and reads against a real PostgreSQL server. */
class PostgresDatabaseTest {
    private static EmbeddedPostgres postgres;

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
    void migrations_writes_and_reads_work_on_postgresql() {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Database db = Database.open(url)) {
            assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
            Imports.run(db, "test", "fixture", "pg-f1", StoreFixtures::small);
            Dataset d = DatabaseReader.load(db);
            assertThat(d.ratings().size()).isEqualTo(3);
            assertThat(d.catalogue().title(d.items().indexOf(20))).isEqualTo("Misérables, Les");
            assertThat(d.watches().trueDropoff(1)).isEqualTo(0.71);
            DatabaseStats s = DatabaseStats.of(db);
            assertThat(s.dropoffShare()).isEqualTo(0.5);
            assertThat(s.ratingHistogram()).containsEntry(4.5, 1L);

            assertThatThrownBy(() -> Imports.run(db, "test", "again", "pg-f1", StoreFixtures::small))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> Imports.run(db, "test", "overlap", "pg-f2", StoreFixtures::small))
                    .isInstanceOf(ConflictException.class);
            assertThat(db.count("ratings")).isEqualTo(3);
        }
        // opening again finds the schema current
        try (Database db = Database.open(url)) {
            assertThat(db.count("movies")).isEqualTo(3);
        }
    }
}
