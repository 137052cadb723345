package io.marquee.core.error;

/**
 * A line of an input file could not be read. Carries the file, the 1-based line number and the
 * reason, and renders them as {@code file:line: reason}.
 */
public class DataFormatException extends MarqueeException {
    private final String file;
    private final long line;
    private final String reason;

    public DataFormatException(String file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public DataFormatException(String file, long line, String reason, Throwable cause) {
        super(file + ":" + line + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
