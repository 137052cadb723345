package io.marquee.core.importer;

import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.store.ImportResult;
import io.marquee.core.store.Imports;
import java.nio.file.Path;

/**
 * Imports a MovieLens data set (directory or zip; 100K, 1M, latest, 20M, 25M) into a database in
 * one transaction, recorded in the {@code imports} table. A second import of the same data (same
 * fingerprint) is refused with a {@link io.marquee.core.error.ConflictException}; a bad line fails
 * the whole import with a {@link io.marquee.core.error.DataFormatException} and leaves the
 * database as it was.
 */
public final class MovieLensImporter {
    private MovieLensImporter() {
    }

    /** Imports the data set at {@code path}; see {@link #importInto(Database, Path, Progress)}. */
    public static ImportResult importInto(Database db, Path path) {
        return importInto(db, path, Progress.NONE);
    }

    /**
     * Imports the data set at {@code path} (a directory or a zip) into {@code db}.
     *
     * @param progress told how far through the ratings file the import is, in bytes
     * @return what was written, with the import's kind ({@code movielens-100k}, …) and timing
     */
    public static ImportResult importInto(Database db, Path path, Progress progress) {
        try (MovieLensSource source = MovieLensSource.open(path)) {
            return Imports.run(db, source.format().id(), path.toString(), source.fingerprint(),
                    sink -> source.readInto(sink, progress));
        }
    }
}
