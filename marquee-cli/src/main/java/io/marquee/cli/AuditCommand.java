package io.marquee.cli;

import io.marquee.core.store.Database;
import io.marquee.segment.audit.AuditResult;
import io.marquee.segment.audit.Audit;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marquee audit --db URL --out DIR}: a data dictionary of any SQLite or PostgreSQL database. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit any SQLite or PostgreSQL database reachable by JDBC: tables, columns, keys,",
            "row counts, null and distinct counts, min/max. Writes data_dictionary.md, table_summary.csv",
            "and a sample CSV per table (docs/audit-eda.md)."})
final class AuditCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the reports.")
    Path out;

    @Override
    public Integer call() {
        String url = Database.toJdbcUrl(global.db());
        if (url.startsWith("jdbc:sqlite:")) {
            Databases.openExisting(global.db()).close(); // a missing file is an error, not a new database
        }
        AuditResult r = Audit.run(url, out);
        String text = String.format(Locale.ROOT, "audited %s (%s): %d tables; reports in %s%n",
                url, r.product(), r.tables().size(), out);
        Output.print(spec.commandLine().getOut(), global.json(), r.toMap(), text);
        return ExitCodes.OK;
    }
}
