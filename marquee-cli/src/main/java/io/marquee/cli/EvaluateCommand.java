package io.marquee.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code marquee evaluate}: evaluate an algorithm. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate an algorithm by cross-validation.",
        subcommands = {EvaluateRecommenderCommand.class, DropoffCommands.Evaluate.class,
            EvaluateClassifierCommand.class})
final class EvaluateCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to evaluate: recommender, dropoff or classifier");
    }
}
