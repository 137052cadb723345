package io.marquee.cli;

import io.marquee.core.data.Dataset;
import io.marquee.predict.dropoff.DropoffEvaluation;
import io.marquee.predict.dropoff.DropoffParams;
import io.marquee.predict.dropoff.DropoffTask;
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
        return DropoffParams.defaults().withAlgo(options.algo(), options.overrides()).withSeed(options.seed)
                .withDropThreshold(dropThreshold);
    }

    /** {@code marquee train dropoff --out DIR}. */
    @Command(name = "dropoff", mixinStandardHelpOptions = true,
            description = {"Train the drop-off predictor on the database's watch events (time split: earlier events",
                "train, the latest are held out) and save it to --out (docs/dropoff.md)."})
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

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write.")
        Path out;

        @Override
        public Integer call() {
            Dataset data = source.load(global);
            DropoffTask.Result r = DropoffTask.train(data, params(options, dropThreshold));
            Path written = r.model().save(out);
            Map<String, Object> json = new LinkedHashMap<>(r.evaluation().toMap());
            json.put("model", written.toString());
            Output.print(spec.commandLine().getOut(), global.json(), json, Output.text(json));
            return ExitCodes.OK;
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
