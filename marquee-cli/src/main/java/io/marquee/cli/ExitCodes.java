package io.marquee.cli;

/** The exit codes of the {@code marquee} command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Bad command line: unknown option, missing argument, malformed value. */
    public static final int USAGE = 1;
    /** The data or a referenced thing was bad: a bad line, a conflict, an unknown id or file. */
    public static final int BAD_INPUT = 2;
    /** Anything else: a bug, a database that cannot be reached. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
