package io.marquee.cli;

import io.marquee.predict.tabular.TabularExperiment;
import io.marquee.predict.tabular.TabularTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marquee train classifier --csv FILE --target COL --positive LABEL --out DIR}. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = {"Train a binary classifier on any CSV with a header (pipeline, threshold and calibration",
            "fitted on training data only) and save it to --out (docs/dropoff.md)."})
final class TrainClassifierCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    PredictOptions options;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Training data.")
    Path csv;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "The label column.")
    String target;

    @Option(names = "--positive", required = true, paramLabel = "LABEL", description = "The label value of the positive class.")
    String positive;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write.")
    Path out;

    @Override
    public Integer call() {
        TabularTrainer.Result r = TabularExperiment.train(csv, target, positive, options.algo(), options.overrides(),
                options.seed, out);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", out.toAbsolutePath().toString());
        json.put("algorithm", options.algo().toString());
        json.put("seconds", r.seconds());
        json.put("calibration", String.valueOf(r.calibration()));
        json.put("validation", String.valueOf(r.validation()));
        String text = String.format(Locale.ROOT, "trained %s on %s in %.2f s; saved to %s%n", options.algo(), csv,
                r.seconds(), out);
        Output.print(spec.commandLine().getOut(), global.json(), json, text);
        return ExitCodes.OK;
    }
}
