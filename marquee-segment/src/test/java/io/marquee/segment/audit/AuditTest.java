package io.marquee.segment.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTest {
    @TempDir
    Path tmp;

    /** A small database with a foreign key (and an orphan row), NULLs and an empty table. */
    private Path sqlite() throws Exception {
        Path db = tmp.resolve("viewer_interactions.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE viewers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)");
            s.execute("CREATE TABLE films (film_id INTEGER PRIMARY KEY, title TEXT)");
            s.execute("CREATE TABLE views (id INTEGER PRIMARY KEY, viewer_id INTEGER NOT NULL REFERENCES viewers (id),"
                    + " film_id INTEGER REFERENCES films (film_id), minutes REAL)");
            s.execute("CREATE TABLE film_tags (film_id INTEGER REFERENCES films (film_id), tag TEXT)");
            s.execute("CREATE TABLE empty_table (x TEXT, y INTEGER)");
            s.execute("INSERT INTO viewers VALUES (1, 'Ann', 34), (2, 'Bob', NULL), (3, 'Cy', 19)");
            s.execute("INSERT INTO films VALUES (10, 'Alien'), (11, NULL)");
            s.execute("INSERT INTO views VALUES (100, 1, 10, 117.5), (101, 1, 11, 20), (102, 2, 10, NULL),"
                    + " (103, 3, 10, 90), (104, 9, 10, 5)"); // viewer 9 does not exist: an orphan
            s.execute("INSERT INTO film_tags VALUES (10, 'space'), (10, 'horror'), (11, 'drama')");
        }
        return db;
    }

    @Test
    void audit_of_a_sqlite_database_reports_schema_keys_nulls_and_the_main_table() throws Exception {
        Path db = sqlite();
        Path out = tmp.resolve("audit");
        AuditResult r = Audit.run("jdbc:sqlite:" + db, out);

        assertThat(r.product()).isEqualTo("SQLite");
        assertThat(r.tables()).extracting(TableAudit::name)
                .containsExactly("empty_table", "film_tags", "films", "viewers", "views");
        TableAudit views = r.table("views");
        assertThat(views.rows()).isEqualTo(5);
        assertThat(views.primaryKey()).containsExactly("id");
        assertThat(views.foreignKeys()).hasSize(2);
        ForeignKey toViewers = views.foreignKeys().stream().filter(f -> f.refTable().equals("viewers")).findFirst().get();
        assertThat(toViewers.columns()).containsExactly("viewer_id");
        assertThat(toViewers.refColumns()).containsExactly("id");
        assertThat(toViewers.orphans()).isEqualTo(1L);
        assertThat(views.column("viewer_id").nullable()).isFalse();
        assertThat(views.column("viewer_id").references()).isEqualTo("viewers.id");
        ColumnAudit minutes = views.column("minutes");
        assertThat(minutes.type()).isEqualTo("REAL");
        assertThat(minutes.nullable()).isTrue();
        assertThat(minutes.nulls()).isEqualTo(1);
        assertThat(minutes.distinct()).isEqualTo(4);
        assertThat(Double.parseDouble(minutes.min())).isEqualTo(5.0);
        assertThat(Double.parseDouble(minutes.max())).isEqualTo(117.5);
        ColumnAudit age = r.table("viewers").column("age");
        assertThat(age.nulls()).isEqualTo(1);
        assertThat(age.min()).isEqualTo("19");
        assertThat(age.max()).isEqualTo("34");
        assertThat(r.table("viewers").referencedBy()).containsExactly("views");
        assertThat(r.table("films").referencedBy()).containsExactlyInAnyOrder("film_tags", "views");
        TableAudit empty = r.table("empty_table");
        assertThat(empty.rows()).isZero();
        assertThat(empty.column("x").min()).isNull();
        assertThat(empty.primaryKey()).isEmpty();

        assertThat(r.mainTable()).isEqualTo("views");
        assertThat(r.mainTableReason()).contains("viewer-like and an item-like column");

        assertThat(r.files()).contains("data_dictionary.md", "table_summary.csv", "column_summary.csv",
                "samples/views.csv", "samples/empty_table.csv");
        String dict = Files.readString(out.resolve("data_dictionary.md"));
        assertThat(dict).contains("**Main interaction table:** `views`")
                .contains("`views.viewer_id` → `viewers.id`: 1 orphan rows")
                .contains("| minutes | REAL | yes |  | 1 | 20.0 | 4 | 5.0 | 117.5 |")
                .contains("Empty tables: empty_table.");
        List<String> summary = Files.readAllLines(out.resolve("table_summary.csv"));
        assertThat(summary.get(0)).isEqualTo("table,schema,rows,columns,primary_key,foreign_keys,referenced_by,"
                + "main_interaction_table");
        assertThat(summary).anySatisfy(l -> assertThat(l).startsWith("views,,5,4,id,").endsWith(",true"));
        assertThat(Files.readAllLines(out.resolve("samples/empty_table.csv"))).containsExactly("x,y");
        List<String> sample = Files.readAllLines(out.resolve("samples/views.csv"));
        assertThat(sample).hasSize(6);
        assertThat(sample.get(0)).isEqualTo("id,viewer_id,film_id,minutes");
        assertThat(sample.get(3)).isEqualTo("102,2,10,");
        assertThat(r.toMap()).containsEntry("main_table", "views").containsEntry("table_count", 5);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void audit_limits_samples_to_the_requested_number_of_rows() throws Exception {
        Path db = sqlite();
        AuditResult r = Audit.run(db.toString(), tmp.resolve("a2"), 2);
        assertThat(Files.readAllLines(tmp.resolve("a2/samples/views.csv"))).hasSize(3);
        assertThat(r.url()).isEqualTo("jdbc:sqlite:" + db);
    }

    @Test
    void audit_of_a_missing_sqlite_file_fails_without_creating_it() {
        Path missing = tmp.resolve("nope.db");
        assertThatThrownBy(() -> Audit.run(missing.toString(), tmp.resolve("out")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nope.db");
        assertThat(missing).doesNotExist();
    }

    @Test
    void audit_hides_passwords_in_urls() {
        assertThat(Audit.mask("jdbc:postgresql://h/db?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(Audit.mask("jdbc:postgresql://bob:pw@h/db")).isEqualTo("jdbc:postgresql://bob:***@h/db");
    }

    @Test
    void without_relationship_tables_no_main_table_is_named() {
        TableAudit t = new TableAudit(null, "people", "people", 3,
                List.of(new ColumnAudit("id", "INTEGER", false, true, null, 0, 3, "1", "3")), List.of("id"), List.of(),
                List.of(), null);
        assertThat(Audit.mainTable(List.of(t))[0]).isNull();
    }
}
