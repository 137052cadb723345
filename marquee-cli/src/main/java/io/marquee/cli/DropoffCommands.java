package io.marquee.cli;

import io.marquee.core.data.Dataset;
import io.marquee.predict.dropoff.DropoffEvaluation;
import io.marquee.predict.dropoff.DropoffParams;
import io.marquee.predict.dropoff.DropoffTask;
import io.marquee.registry.jobs.ClassifierTraining;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The drop-off commands: {@code train dropoff} and {@code evaluate dropoff}. */
final class DropoffCommands {
    private DropoffCommands() {
    }

    static DropoffParams params(PredictOptions options, double dropThreshold) {
        return DropoffParams.defaults().withAlgo(options.algoOr(DropoffParams.defaults().algo()), options.overrides()).withSeed(options.seed)
                .withDropThreshold(dropThreshold);
    }

    /** {@code marquee train dropoff --out DIR} and/or {@code --register}. */
    @Command(name = "dropoff", mixinStandardHelpOptions = true,
            description = {"Train the drop-off predictor on the database's watch events (time split: earlier events",
                "train, the latest are held out) and save it to --out, and/or --register it: it replaces the",
                "production 'dropoff' model only if it beats it on the same held-out events (docs/dropoff.md)."})
    static final class Train implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Mixin
        DataSource source;

        @Mixin
        PredictOptions options;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--drop-threshold", paramLabel = "F", defaultValue = "0.9",
                description = "A view is a drop-off when less than F of the runtime was watched (default: ${DEFAULT-VALUE}).")
        double dropThreshold;

        @Option(names = "--out", paramLabel = "DIR", description = "Model directory to write (required without --register).")
        Path out;

        @Mixin
        RegisterOptions registering;

        @Option(names = "--endpoint", paramLabel = "NAME", defaultValue = "dropoff",
                description = "Endpoint to register under with --register (default: ${DEFAULT-VALUE}).")
        String endpoint;

        @Override
        public Integer call() {
            if (out == null && !registering.register) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --out DIR, --register, or both");
            }
            Dataset data = source.load(global);
            if (!registering.register) {
                DropoffTask.Result r = DropoffTask.train(data, params(options, dropThreshold));
                Path written = r.model().save(out);
                Map<String, Object> json = new LinkedHashMap<>(r.evaluation().toMap());
                json.put("model", written.toString());
                Output.print(spec.commandLine().getOut(), global.json(), json, Output.text(json));
                return ExitCodes.OK;
            }
            Path dir = out != null ? out : RegisterOptions.tempModelDir();
            try {
                ClassifierTraining.Trained t = ClassifierTraining.dropoff(data, params(options, dropThreshold), endpoint,
                        "cli", "marquee train dropoff --register", null, dir);
                Map<String, Object> json = new LinkedHashMap<>(t.evaluation());
                if (out != null) {
                    json.put("model", out.toString());
                }
                StringBuilder text = new StringBuilder();
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

    /** {@code marquee evaluate dropoff}. */
    @Command(name = "dropoff", mixinStandardHelpOptions = true,
            description = {"Evaluate the drop-off predictor on held-out later events; on synthetic data, compare",
                "with the oracle AUC of the generator's true probabilities."})
    static final class Evaluate implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Mixin
        DataSource source;

        @Mixin
        PredictOptions options;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--drop-threshold", paramLabel = "F", defaultValue = "0.9",
                description = "A view is a drop-off when less than F of the runtime was watched (default: ${DEFAULT-VALUE}).")
        double dropThreshold;

        @Override
        public Integer call() {
            DropoffEvaluation e = DropoffTask.evaluate(source.load(global), params(options, dropThreshold));
            Output.print(spec.commandLine().getOut(), global.json(), e.toMap(), Output.text(e.toMap()));
            return ExitCodes.OK;
        }
    }
}
