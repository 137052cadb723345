package io.marquee.cli;

import io.marquee.core.data.Dataset;
import io.marquee.segment.eda.Eda;
import io.marquee.segment.eda.EdaResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marquee eda --out DIR}: charts and computed insights about the viewing data. */
@Command(name = "eda", mixinStandardHelpOptions = true,
        description = {"Explore the viewing data: PNG charts, eda_summary.md and eda.html with insights",
            "computed from the data (docs/audit-eda.md)."})
final class EdaCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    DataSource source;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the report.")
    Path out;

    @Override
    public Integer call() {
        Dataset data = source.load(global);
        EdaResult r = Eda.run(data, out);
        StringBuilder text = new StringBuilder("EDA of " + source.describe(global) + " in " + out + "\n");
        r.insights().forEach(i -> text.append("  - ").append(i.text()).append('\n'));
        Output.print(spec.commandLine().getOut(), global.json(), r.toMap(), text.toString());
        return ExitCodes.OK;
    }
}
