package io.marquee.core.importer;

import io.marquee.core.error.DataFormatException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Reads a text file of separator-delimited lines (MovieLens's {@code u.data}, {@code *.dat}, …)
 * one line at a time, counting lines from 1 and splitting each on its separator by
 * {@code indexOf}: no regular expression and no substring until a field is asked for, because
 * rating files have tens of millions of lines. Blank lines are skipped (but counted).
 *
 * <p>FastCSV is not used here: these files are not CSV (no quoting; {@code ::} is a two-character
 * separator FastCSV does not support), and splitting on a fixed separator is all they need.
 */
final class DelimitedReader implements Closeable {
    private static final int BUFFER_CHARS = 1 << 20;

    private final BufferedReader reader;
    private final String file;
    private final String separator;
    private final char separatorChar;
    private final String separatorName;
    private long lineNumber;
    private String line;
    private int count;
    private int[] starts = new int[32];
    private int[] ends = new int[32];

    /**
     * @param in            the file's bytes; closed with this reader
     * @param charset       the file's encoding
     * @param file          the file's name in messages
     * @param separator     the field separator, e.g. {@code "\t"}, {@code "|"}, {@code "::"}
     * @param separatorName how messages call it, e.g. {@code tab}, {@code '|'}
     */
    DelimitedReader(InputStream in, Charset charset, String file, String separator, String separatorName) {
        this.reader = new BufferedReader(new InputStreamReader(in, charset), BUFFER_CHARS);
        this.file = file;
        this.separator = separator;
        this.separatorChar = separator.charAt(0);
        this.separatorName = separatorName;
    }

    /** Moves to the next non-blank line; false at the end of the file. */
    boolean next() throws IOException {
        while (true) {
            line = reader.readLine();
            if (line == null) {
                count = 0;
                return false;
            }
            lineNumber++;
            if (!line.isBlank()) {
                split();
                return true;
            }
        }
    }

    private void split() {
        count = 0;
        int from = 0;
        boolean single = separator.length() == 1;
        while (true) {
            int at = single ? line.indexOf(separatorChar, from) : line.indexOf(separator, from);
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = from;
            ends[count] = at < 0 ? line.length() : at;
            count++;
            if (at < 0) {
                return;
            }
            from = at + separator.length();
        }
    }

    /** The file's name as messages show it. */
    String file() {
        return file;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** The current line as read. */
    String line() {
        return line;
    }

    /** Number of fields of the current line. */
    int fieldCount() {
        return count;
    }

    /** Fails the line unless it has exactly {@code expected} fields. */
    void expectFields(int expected) {
        if (count != expected) {
            throw error("expected " + expected + " " + separatorName + "-separated fields, found " + count);
        }
    }

    /** Field {@code i} as written. */
    String field(int i) {
        return line.substring(starts[i], ends[i]);
    }

    /** Field {@code i} without surrounding white space. */
    String trimmed(int i) {
        return field(i).strip();
    }

    /** Whether field {@code i} is empty or white space. */
    boolean isBlank(int i) {
        for (int k = starts[i]; k < ends[i]; k++) {
            if (!Character.isWhitespace(line.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Field {@code i} as a whole number, without making a substring.
     *
     * @param what how the message names the field, e.g. {@code user id}
     */
    long longField(int i, String what) {
        int s = starts[i];
        int e = ends[i];
        if (s == e) {
            throw error(what + " is missing");
        }
        try {
            return Long.parseLong(line, s, e, 10);
        } catch (NumberFormatException ex) {
            String text = field(i);
            String stripped = text.strip();
            if (!stripped.isEmpty() && !stripped.equals(text)) {
                try {
                    return Long.parseLong(stripped);
                } catch (NumberFormatException ignored) {
                    // falls through to the error below
                }
            }
            throw error(what + " '" + text + "' is not a whole number");
        }
    }

    /** Field {@code i} as an {@code int}; see {@link #longField}. */
    int intField(int i, String what) {
        long v = longField(i, what);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(what + " " + v + " is out of range");
        }
        return (int) v;
    }

    /** A format error at the current line. */
    DataFormatException error(String reason) {
        return new DataFormatException(file, lineNumber, reason);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
