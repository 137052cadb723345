package io.marquee.cli;

import io.marquee.core.data.Dataset;
import io.marquee.segment.SegmentParams;
import io.marquee.segment.Segmentation;
import io.marquee.segment.SegmentationResult;
import java.nio.file.Path;
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

    @Override
    public Integer call() {
        Dataset data = source.load(global);
        SegmentationResult r = Segmentation.run(data, SegmentParams.defaults(), out, TerminalProgress.forTerminal());
        StringBuilder text = new StringBuilder("segments of " + source.describe(global) + " in " + out + "\n");
        text.append(r.toMap().get("chosen")).append('\n');
        Output.print(spec.commandLine().getOut(), global.json(), r.toMap(), text.toString());
        return ExitCodes.OK;
    }
}
