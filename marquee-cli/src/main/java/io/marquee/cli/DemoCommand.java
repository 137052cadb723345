package io.marquee.cli;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.StorageException;
import io.marquee.core.store.Database;
import io.marquee.core.store.DatabaseStats;
import io.marquee.core.store.ImportResult;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marquee demo}: a fresh SQLite database of synthetic data, and a tour of what is in it.
 * The database is built under a temporary name and renamed into place, so an interrupted demo
 * never leaves half a database behind.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Create a fresh demo database of synthetic data and show what it holds.",
            "An existing file at --file is replaced."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "FILE", description = "SQLite file to create (default: ${DEFAULT-VALUE}).")
    Path file = Path.of("marquee-demo.db");

    @Option(names = "--json", description = "Print one machine-readable JSON object on stdout.")
    boolean json;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Mixin
    GeneratorOptions generator;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GeneratorParams params = generator.params(GeneratorParams.defaults().withUsers(5_000).withMovies(1_500));
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw InvalidInputException.of("--file", file, "a file path, not a directory");
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        deleteDatabaseFiles(tmp);
        ImportResult generated;
        DatabaseStats stats;
        try (Database db = Database.open(tmp.toString())) {
            generated = SyntheticGenerator.generateInto(db, params, TerminalProgress.forTerminal());
            stats = DatabaseStats.of(db);
        } catch (RuntimeException e) {
            deleteDatabaseFiles(tmp);
            throw e;
        }
        deleteDatabaseFiles(target);
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StorageException("cannot move the demo database into place at " + target + ": " + e.getMessage(), e);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("database", target.toString());
        out.put("generator", params.toMap());
        out.put("counts", stats.rowCounts());
        out.put("rating_mean", stats.ratingMean());
        out.put("dropoff_share", stats.dropoffShare());
        out.put("seconds", generated.seconds());

        StringBuilder text = new StringBuilder();
        text.append("Marquee demo\n============\n");
        text.append(String.format(Locale.ROOT, "Generated synthetic viewing data in %.1f s (seed %d) into %s%n%n",
                generated.seconds(), params.seed(), target));
        Map<String, Long> c = stats.rowCounts();
        text.append(String.format(Locale.ROOT, "  %,8d films in %d genres%n", c.get("movies"), c.get("genres")));
        text.append(String.format(Locale.ROOT, "  %,8d viewers, %,d survey answers%n", c.get("users"), c.get("survey_responses")));
        text.append(String.format(Locale.ROOT, "  %,8d watch events, %.1f%% abandoned before the end%n",
                c.get("watch_events"), 100 * stats.dropoffShare()));
        text.append(String.format(Locale.ROOT, "  %,8d ratings, mean %.2f%n", c.get("ratings"), stats.ratingMean()));
        text.append(String.format(Locale.ROOT, "  %,8d true drop-off probabilities (for the oracle AUC)%n%n",
                c.get("dropoff_truth")));
        text.append("Ratings:\n");
        long max = stats.ratingHistogram().values().stream().mapToLong(Long::longValue).max().orElse(1);
        stats.ratingHistogram().forEach((v, n) -> text.append(String.format(Locale.ROOT, "  %3.0f %,8d %s%n",
                v, n, "#".repeat((int) Math.round(40.0 * n / max)))));
        text.append("\nNext:\n");
        text.append("  java -jar marquee-cli/target/marquee.jar stats --db ").append(file).append('\n');
        text.append("  java -jar marquee-cli/target/marquee.jar import movielens PATH --db ml.db\n");
        Output.print(spec.commandLine().getOut(), json, out, text.toString());
        return ExitCodes.OK;
    }

    /** Removes a SQLite file and its WAL and shared-memory companions. */
    private static void deleteDatabaseFiles(Path db) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            } catch (IOException e) {
                throw new StorageException("cannot remove " + db + suffix + ": " + e.getMessage(), e);
            }
        }
    }
}
