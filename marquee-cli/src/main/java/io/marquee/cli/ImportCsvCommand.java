package io.marquee.cli;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.importer.CsvOptions;
import io.marquee.core.importer.CsvTableImporter;
import io.marquee.core.store.Database;
import io.marquee.core.store.ImportResult;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marquee import csv --table T FILE [--map column=header …]}. */
@Command(name = "csv", mixinStandardHelpOptions = true,
        description = {"Import one table from a CSV file with a header row.",
            "Tables: movies, users, ratings, watch_events, survey_responses (see docs/importers.md for columns)."})
final class ImportCsvCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "TABLE",
            description = "Target table: movies, users, ratings, watch_events or survey_responses.")
    String table;

    @Parameters(paramLabel = "FILE", description = "CSV file with a header row.")
    Path file;

    @Option(names = "--map", paramLabel = "COLUMN=HEADER",
            description = "Read table column COLUMN from the CSV column HEADER (repeatable), e.g. --map user_id=customer.")
    List<String> mappings = new ArrayList<>();

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Field delimiter (default: ${DEFAULT-VALUE}).")
    String delimiter = ",";

    @Option(names = "--charset", paramLabel = "NAME", description = "File encoding (default: ${DEFAULT-VALUE}).")
    String charset = "UTF-8";

    @Override
    public Integer call() {
        String d = "\\t".equals(delimiter) ? "\t" : delimiter;
        if (d.length() != 1) {
            throw InvalidInputException.of("--delimiter", delimiter, "a single character (or \\t)");
        }
        Charset cs;
        try {
            cs = Charset.forName(charset);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("--charset", charset, "a charset name such as UTF-8 or ISO-8859-1");
        }
        CsvOptions options = CsvOptions.defaults()
                .withDelimiter(d.charAt(0))
                .withCharset(cs)
                .withMapping(CsvOptions.parseMapping(mappings));
        try (Database db = Databases.openOrCreate(global.db())) {
            ImportResult r = CsvTableImporter.importInto(db, file, table, options, TerminalProgress.forTerminal());
            ImportCommand.report(spec, global, db.url(), r);
            return ExitCodes.OK;
        }
    }
}
