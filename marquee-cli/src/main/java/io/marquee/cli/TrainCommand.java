package io.marquee.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code marquee train}: train a model of some kind. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a model.",
        subcommands = {TrainRecommenderCommand.class, DropoffCommands.Train.class, TrainClassifierCommand.class})
final class TrainCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to train: recommender, dropoff or classifier");
    }
}
