package io.marquee.cli;

import io.marquee.predict.tabular.PredictionSummary;
import io.marquee.predict.tabular.TabularExperiment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marquee predict --model DIR --csv in.csv --out out.csv}: batch scoring of a CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Score every row of a CSV with a saved classifier: the output has the input's columns plus",
            "probability, label and status; a bad row gets its line number and reason and does not stop the batch."})
final class PredictCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Saved classifier (marquee train classifier).")
    Path model;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Rows to score.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Scored CSV to write.")
    Path out;

    @Override
    public Integer call() {
        PredictionSummary s = TabularExperiment.predictCsv(model, in, out);
        Output.print(spec.commandLine().getOut(), global.json(), s.toMap(), Output.text(s.toMap()));
        return ExitCodes.OK;
    }
}
