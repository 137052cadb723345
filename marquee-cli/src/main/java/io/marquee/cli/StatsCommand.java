package io.marquee.cli;

import io.marquee.core.store.Database;
import io.marquee.core.store.DatabaseStats;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code marquee stats}: rows per table, rating histogram and drop-off share. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Row counts per table, rating histogram and drop-off share of the database.")
final class StatsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Database db = Databases.openExisting(global.db())) {
            DatabaseStats s = DatabaseStats.of(db);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("database", db.url());
            json.put("counts", s.rowCounts());
            Map<String, Long> histogram = new LinkedHashMap<>();
            s.ratingHistogram().forEach((v, n) -> histogram.put(formatValue(v), n));
            json.put("rating_histogram", histogram);
            json.put("rating_mean", Double.isNaN(s.ratingMean()) ? null : s.ratingMean());
            json.put("dropoff_share", Double.isNaN(s.dropoffShare()) ? null : s.dropoffShare());

            StringBuilder text = new StringBuilder();
            text.append("database ").append(db.url()).append('\n');
            s.rowCounts().forEach((t, n) -> text.append(String.format(Locale.ROOT, "  %-17s %,12d%n", t, n)));
            if (!s.ratingHistogram().isEmpty()) {
                long max = s.ratingHistogram().values().stream().mapToLong(Long::longValue).max().orElse(1);
                text.append(String.format(Locale.ROOT, "ratings (mean %.3f)%n", s.ratingMean()));
                s.ratingHistogram().forEach((v, n) -> text.append(String.format(Locale.ROOT, "  %4s %,10d %s%n",
                        formatValue(v), n, "#".repeat((int) Math.round(40.0 * n / max)))));
            }
            if (!Double.isNaN(s.dropoffShare())) {
                text.append(String.format(Locale.ROOT, "drop-off share of watch events: %.1f%%%n",
                        100 * s.dropoffShare()));
            }
            Output.print(spec.commandLine().getOut(), global.json(), json, text.toString());
            return ExitCodes.OK;
        }
    }

    private static String formatValue(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
