package io.marquee.cli;

import io.marquee.core.store.ImportResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code marquee import}: MovieLens distributions and generic CSV tables. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import data into the database (one transaction per import).",
        subcommands = {ImportMovieLensCommand.class, ImportCsvCommand.class})
final class ImportCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to import: movielens or csv");
    }

    /** The JSON and text report of an import, shared by the import subcommands and generate. */
    static void report(CommandLine.Model.CommandSpec spec, GlobalOptions global, String dbUrl, ImportResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", dbUrl);
        json.put("import_id", r.importId());
        json.put("kind", r.kind());
        json.put("source", r.source());
        json.put("fingerprint", r.fingerprint());
        json.put("rows", r.rowCounts());
        json.put("total_rows", r.totalRows());
        json.put("seconds", r.seconds());
        json.put("rows_per_second", Math.round(r.rowsPerSecond()));
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "imported %s from %s into %s (import #%d)%n",
                r.kind(), r.source(), dbUrl, r.importId()));
        r.rowCounts().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .forEach(e -> text.append(String.format(Locale.ROOT, "  %-17s %,12d%n", e.getKey(), e.getValue())));
        text.append(String.format(Locale.ROOT, "%,d rows in %.2f s (%,.0f rows/s)%n",
                r.totalRows(), r.seconds(), r.rowsPerSecond()));
        Output.print(spec.commandLine().getOut(), global.json(), json, text.toString());
    }
}
