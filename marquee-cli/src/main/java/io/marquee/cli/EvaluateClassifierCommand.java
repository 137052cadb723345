package io.marquee.cli;

import io.marquee.predict.tabular.ExperimentResult;
import io.marquee.predict.tabular.TabularExperiment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marquee evaluate classifier --csv FILE --target COL --positive LABEL [--folds 5]}. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = "Stratified k-fold evaluation of a classifier on a CSV: ROC-AUC, PR-AUC, F1, log-loss, Brier, calibration.")
final class EvaluateClassifierCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    PredictOptions options;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Labelled data.")
    Path csv;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "The label column.")
    String target;

    @Option(names = "--positive", required = true, paramLabel = "LABEL", description = "The label value of the positive class.")
    String positive;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Override
    public Integer call() {
        ExperimentResult r = TabularExperiment.evaluate(csv, target, positive, options.algo(), options.overrides(),
                folds, options.seed);
        Output.print(spec.commandLine().getOut(), global.json(), r.toMap(), Output.text(r.toMap()));
        return ExitCodes.OK;
    }
}
