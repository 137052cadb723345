package io.marquee.cli;

import io.marquee.core.error.NotFoundException;
import io.marquee.core.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening the database a command was pointed at. */
final class Databases {
    private Databases() {
    }

    /** Opens a database that must already exist (a missing SQLite file is an error, not created). */
    static Database openExisting(String urlOrFile) {
        String url = Database.toJdbcUrl(urlOrFile);
        if (url.startsWith("jdbc:sqlite:")) {
            Path file = Database.sqliteFile(url);
            if (file != null && !Files.exists(file)) {
                throw new NotFoundException("database file " + file + " does not exist"
                        + " (create one with 'marquee generate', 'marquee import' or 'marquee demo')");
            }
        }
        return Database.open(urlOrFile);
    }

    /** Opens a database, creating a SQLite file when needed. */
    static Database openOrCreate(String urlOrFile) {
        return Database.open(urlOrFile);
    }
}
