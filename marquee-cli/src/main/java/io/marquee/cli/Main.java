package io.marquee.cli;

import picocli.CommandLine;

/** Entry point of the {@code marquee} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 usage, 2 bad input data, 3 internal). */
    public static int run(String... args) {
        return MarqueeCommand.commandLine().execute(args);
    }
}
