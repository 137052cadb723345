package io.marquee.cli;

import io.marquee.core.importer.MovieLensImporter;
import io.marquee.core.store.Database;
import io.marquee.core.store.ImportResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marquee import movielens PATH}. */
@Command(name = "movielens", mixinStandardHelpOptions = true,
        description = {"Import a MovieLens distribution (100K, 1M, latest, latest-small, 20M, 25M)",
            "from its directory or from the zip GroupLens distributes. Importing the same data twice is refused."})
final class ImportMovieLensCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "MovieLens directory or zip file.")
    Path path;

    @Override
    public Integer call() {
        try (Database db = Databases.openOrCreate(global.db())) {
            ImportResult r = MovieLensImporter.importInto(db, path, TerminalProgress.forTerminal());
            ImportCommand.report(spec, global, db.url(), r);
            return ExitCodes.OK;
        }
    }
}
