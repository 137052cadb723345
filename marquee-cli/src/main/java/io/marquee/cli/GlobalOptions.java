package io.marquee.cli;

import io.marquee.core.store.Database;
import picocli.CommandLine.Option;

/** Options every working subcommand mixes in: the database, JSON output and verbosity. */
public final class GlobalOptions {
    @Option(names = "--db", paramLabel = "URL|FILE",
            description = "Database: a jdbc:sqlite: or jdbc:postgresql: URL, or a SQLite file path (default: ${DEFAULT-VALUE}).")
    String db = Database.DEFAULT_LOCATION;

    @Option(names = "--json",
            description = "Print one machine-readable JSON object on stdout.")
    boolean json;

    @Option(names = "--verbose",
            description = "Print stack traces of errors.")
    boolean verbose;

    public String db() {
        return db;
    }

    public boolean json() {
        return json;
    }

    public boolean verbose() {
        return verbose;
    }
}
