package io.marquee.cli;

import io.marquee.core.data.Dataset;
import io.marquee.core.store.Database;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.NewVersion;
import io.marquee.registry.Stage;
import io.marquee.segment.SegmentParams;
import io.marquee.segment.Segmentation;
import io.marquee.segment.SegmentationResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marquee segment --out DIR}: audience segments with names, profiles and reports. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Segment the audience with k-means, a Gaussian mixture, density clustering and Ward;",
            "compare them, choose one, name and profile each segment, and write the reports (docs/segments.md)."})
final class SegmentCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    DataSource source;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the model and reports.")
    Path out;

    @Option(names = "--register", description = {"Register the chosen model as a new version of the 'segments'",
        "endpoint of the database's registry and promote it to production (served at /api/v1/segments)."})
    boolean register;

    @Override
    public Integer call() {
        Dataset data = source.load(global);
        SegmentationResult r = Segmentation.run(data, SegmentParams.defaults(), out, TerminalProgress.forTerminal());
        Map<String, Object> json = new LinkedHashMap<>(r.toMap());
        StringBuilder text = new StringBuilder("segments of " + source.describe(global) + " in " + out + "\n");
        text.append(r.toMap().get("chosen")).append('\n');
        if (register) {
            try (Database db = Databases.openOrCreate(global.db())) {
                ModelRegistry registry = ModelRegistry.open(db);
                ModelVersion v = registry.register(new NewVersion("segments", out.resolve("model"), "cli",
                        "marquee segment --register", null, null));
                registry.transition(v.id(), Stage.STAGING, "cli", "marquee segment --register");
                registry.promote(v.id(), "cli", "marquee segment --register");
                json.put("registered", Map.of("endpoint", "segments", "model_id", v.id(), "version", v.version()));
                text.append("registered as segments v").append(v.version()).append(" (id ").append(v.id())
                        .append(") and promoted to production\n");
            }
        }
        Output.print(spec.commandLine().getOut(), global.json(), json, text.toString());
        return ExitCodes.OK;
    }
}
