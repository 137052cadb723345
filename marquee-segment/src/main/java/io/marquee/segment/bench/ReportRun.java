package io.marquee.segment.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.marquee.core.data.Dataset;
import io.marquee.core.data.DatasetBuilder;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.store.DatabaseReader;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import io.marquee.segment.SegmentParams;
import io.marquee.segment.Segmentation;
import io.marquee.segment.audit.Audit;
import io.marquee.segment.eda.Eda;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reproduces the measured runs of docs/segments.md and docs/audit-eda.md until the {@code marquee}
 * CLI wires these commands; prints the result's {@code toMap()} as JSON.
 *
 * <pre>
 * ReportRun generate DB_FILE USERS MOVIES      synthetic data (GeneratorParams.defaults(), seed 42) into a new SQLite file
 * ReportRun audit    JDBC_URL_OR_FILE OUT_DIR  Audit.run
 * ReportRun eda      DATA OUT_DIR              Eda.run
 * ReportRun segment  DATA OUT_DIR              Segmentation.run with SegmentParams.defaults()
 * </pre>
 *
 * DATA is a Marquee database (file or JDBC URL) or {@code synthetic:USERS:MOVIES} for data generated
 * in memory with the default generator parameters.
 */
public final class ReportRun {
    private ReportRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ReportRun generate|audit|eda|segment ARG OUT_DIR (see the class javadoc)");
            System.exit(2);
        }
        long start = System.nanoTime();
        Map<String, Object> result = switch (args[0]) {
            case "generate" -> {
                try (Database db = Database.open(args[1])) {
                    var r = SyntheticGenerator.generateInto(db, GeneratorParams.defaults()
                            .withUsers(Integer.parseInt(args[2])).withMovies(Integer.parseInt(args[3])), Progress.NONE);
                    yield Map.of("database", args[1], "import", r.toString());
                }
            }
            case "audit" -> Audit.run(args[1], Path.of(args[2])).toMap();
            case "eda" -> Eda.run(load(args[1]), Path.of(args[2])).toMap();
            case "segment" -> {
                Dataset d = load(args[1]);
                yield Segmentation.run(d, SegmentParams.defaults(), Path.of(args[2])).toMap();
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        System.out.println(json.writeValueAsString(result));
        System.err.printf("wall seconds (data loading included): %.2f%n", (System.nanoTime() - start) / 1e9);
    }

    private static Dataset load(String data) {
        if (data.startsWith("synthetic:")) {
            String[] p = data.split(":");
            DatasetBuilder b = new DatasetBuilder();
            SyntheticGenerator.generate(GeneratorParams.defaults().withUsers(Integer.parseInt(p[1]))
                    .withMovies(Integer.parseInt(p[2])), b, Progress.NONE);
            return b.build();
        }
        try (Database db = Database.open(data)) {
            return DatabaseReader.load(db);
        }
    }
}
