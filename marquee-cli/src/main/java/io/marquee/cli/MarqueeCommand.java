package io.marquee.cli;

import io.marquee.core.error.ConflictException;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.MarqueeException;
import io.marquee.core.error.NotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The top-level {@code marquee} command; its subcommands do the work. */
@Command(name = "marquee",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Audience intelligence for film streaming services: data, recommender, drop-off, segments.",
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            ImportCommand.class,
            StatsCommand.class,
            AuditCommand.class,
            EdaCommand.class,
            SegmentCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            RecommendCommand.class,
            PredictCommand.class,
            ServeCommand.class,
            ModelsCommand.class,
            TokenCommand.class,
            LoadTestCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 usage, 2 bad input data, 3 internal error."})
public final class MarqueeCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: exit codes and one-line error messages. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MarqueeCommand());
        cl.setExitCodeExceptionMapper(MarqueeCommand::exitCode);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = hasVerbose(parseResult);
            commandLine.getErr().println("marquee: error: " + message(ex));
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return exitCode(ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("marquee: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static boolean hasVerbose(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof DataFormatException || ex instanceof InvalidInputException
                || ex instanceof ConflictException || ex instanceof NotFoundException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.INTERNAL;
    }

    private static String message(Throwable ex) {
        if (ex instanceof MarqueeException) {
            return ex.getMessage();
        }
        String m = ex.getMessage();
        return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + " (internal error; run with --verbose for details)";
    }
}
