package io.marquee.cli;

import io.marquee.predict.tabular.LabelledTable;
import io.marquee.predict.tabular.TabularExperiment;
import io.marquee.predict.tabular.TrainOptions;
import io.marquee.registry.jobs.ClassifierTraining;
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

/** {@code marquee train classifier --csv FILE --target COL --positive LABEL --out DIR} and/or {@code --register --endpoint NAME}. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = {"Train a binary classifier on any CSV with a header (pipeline, threshold and calibration",
            "fitted on training data only) and save it to --out, and/or --register it under --endpoint: then a",
            "stratified --holdout of the rows is kept out of training, and the model replaces production only if",
            "it beats it on those rows (docs/dropoff.md). Served at POST /api/v1/{endpoint}/predict."})
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

    @Option(names = "--out", paramLabel = "DIR", description = "Model directory to write (required without --register).")
    Path out;

    @Mixin
    RegisterOptions registering;

    @Option(names = "--endpoint", paramLabel = "NAME", description = "Endpoint to register under (with --register), e.g. churn.")
    String endpoint;

    @Option(names = "--holdout", paramLabel = "F", defaultValue = "0.2",
            description = "With --register: share of rows held out to judge the model (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Override
    public Integer call() {
        if (registering.register) {
            return register();
        }
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --out DIR, --register --endpoint NAME, or both");
        }
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

    private Integer register() {
        if (endpoint == null || endpoint.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--register needs --endpoint NAME (e.g. churn)");
        }
        LabelledTable data = LabelledTable.read(csv, target, positive);
        TrainOptions opts = TrainOptions.defaults(options.algo()).withOverrides(options.overrides()).withSeed(options.seed);
        java.nio.file.Path dir = out != null ? out : RegisterOptions.tempModelDir();
        try {
            ClassifierTraining.Trained t = ClassifierTraining.tabular(data, opts, holdout, csv.getFileName().toString(),
                    endpoint, "cli", "marquee train classifier --register", null, dir);
            Map<String, Object> json = new LinkedHashMap<>(t.evaluation());
            json.put("algorithm", options.algo().toString());
            if (out != null) {
                json.put("model", out.toAbsolutePath().toString());
            }
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "trained %s on %s (%d rows, holdout %.0f %%)%n",
                    options.algo(), csv, data.y().length, holdout * 100));
            json.put("registered", registering.registerAndGate(global, t, text));
            Output.print(spec.commandLine().getOut(), global.json(), json, text.toString());
            return ExitCodes.OK;
        } finally {
            if (out == null) {
                RegisterOptions.deleteTree(dir);
            }
        }
    }
}
