package io.marquee.cli;

import io.marquee.core.data.Dataset;
import io.marquee.core.data.DatasetBuilder;
import io.marquee.core.importer.MovieLensSource;
import io.marquee.core.store.Database;
import io.marquee.core.store.DatabaseReader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a learning command reads its data: {@code --data PATH} (a MovieLens directory or zip,
 * read straight into memory) or else the database of {@code --db}.
 */
final class DataSource {
    @Option(names = "--data", paramLabel = "PATH",
            description = "A MovieLens directory or zip to read directly (default: the database of --db).")
    Path data;

    /** The data set, from --data when given, else from the database. */
    Dataset load(GlobalOptions global) {
        if (data != null) {
            DatasetBuilder builder = new DatasetBuilder();
            try (MovieLensSource source = MovieLensSource.open(data)) {
                source.readInto(builder);
            }
            return builder.build();
        }
        try (Database db = Databases.openExisting(global.db())) {
            return DatabaseReader.load(db);
        }
    }

    /** Where relative split files (u1.base, …) are looked up: the MovieLens directory, else here. */
    Path baseDir() {
        if (data != null && Files.isDirectory(data)) {
            return data;
        }
        return Path.of("");
    }

    /** What the data came from, for reports. */
    String describe(GlobalOptions global) {
        return data != null ? data.toString() : Database.toJdbcUrl(global.db());
    }
}
