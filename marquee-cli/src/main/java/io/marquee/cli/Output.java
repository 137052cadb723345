package io.marquee.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Writes a command's result: as one JSON object on stdout with {@code --json}, or as the
 * human-readable text the command gives.
 */
public final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {
    }

    /** A plain-text rendering of a result tree: one {@code key: value} line per top-level entry. */
    public static String text(Map<String, ?> result) {
        StringBuilder sb = new StringBuilder();
        result.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    /** Prints {@code result} as JSON when asked, else the text. */
    public static void print(PrintWriter out, boolean json, Map<String, ?> result, String text) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(result));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON output", e);
            }
        } else {
            out.print(text);
            if (!text.endsWith("\n")) {
                out.println();
            }
        }
        out.flush();
    }
}
