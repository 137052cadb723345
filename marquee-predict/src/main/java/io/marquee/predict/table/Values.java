package io.marquee.predict.table;

import io.marquee.core.error.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parsing of cell text into typed values, shared by CSV reading, request rows and schema
 * inference. A blank cell and the tokens {@code NA}, {@code N/A}, {@code NaN}, {@code null} and
 * {@code ?} (any case) are missing values. A value that cannot be parsed is an
 * {@link InvalidInputException} naming the column and the value.
 */
public final class Values {
    private Values() {
    }

    /** Whether a cell's text stands for a missing value. */
    public static boolean isMissing(String text) {
        if (text == null) {
            return true;
        }
        int n = text.length();
        if (n > 4 && !Character.isWhitespace(text.charAt(0)) && !Character.isWhitespace(text.charAt(n - 1))) {
            return false; // the common case, without allocating
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return true;
        }
        if (t.length() > 4) {
            return false;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "na", "n/a", "nan", "null", "?" -> true;
            default -> false;
        };
    }

    /** A number, NaN when missing. */
    public static double parseNumeric(String column, String text) {
        if (isMissing(text)) {
            return Double.NaN;
        }
        double v = tryNumber(text);
        if (Double.isNaN(v)) {
            throw InvalidInputException.of("field " + column, "'" + text + "'", "a number");
        }
        if (Double.isInfinite(v)) {
            throw InvalidInputException.of("field " + column, "'" + text + "'", "a finite number");
        }
        return v;
    }

    /** A number, or NaN when the text is not a plain decimal number. */
    public static double tryNumber(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        // Double.parseDouble accepts "NaN", "Infinity", hex floats and a trailing 'd'/'f': refuse them
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** 1 or 0, NaN when missing. */
    public static double parseBoolean(String column, String text) {
        if (isMissing(text)) {
            return Double.NaN;
        }
        int b = tryBoolean(text);
        if (b < 0) {
            throw InvalidInputException.of("field " + column, "'" + text + "'", "true/false, yes/no, y/n or 1/0");
        }
        return b;
    }

    /** 1 or 0, or -1 when the text is not a boolean word. */
    public static int tryBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> 1;
            case "false", "no", "n", "0" -> 0;
            default -> -1;
        };
    }

    /** The stripped text, {@code null} when missing. */
    public static String parseCategorical(String text) {
        return isMissing(text) ? null : text.strip();
    }

    /** Epoch seconds, {@link Table#MISSING_TIME} when missing. */
    public static long parseTimestamp(String column, String text) {
        if (isMissing(text)) {
            return Table.MISSING_TIME;
        }
        long t = tryTimestamp(text);
        if (t == Table.MISSING_TIME) {
            throw InvalidInputException.of("field " + column, "'" + text + "'",
                    "an ISO-8601 date or date-time, or epoch seconds");
        }
        return t;
    }

    /** Epoch seconds, or {@link Table#MISSING_TIME} when the text is not a time. */
    public static long tryTimestamp(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Table.MISSING_TIME;
        }
        if (t.matches("-?[0-9]{1,12}")) {
            return Long.parseLong(t);
        }
        if (t.length() < 8 || !Character.isDigit(t.charAt(0))) {
            return Table.MISSING_TIME;
        }
        try {
            return Instant.parse(t).getEpochSecond();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(t).toEpochSecond();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return Table.MISSING_TIME;
        }
    }

    /**
     * A value of any Java type given in a request row (a JSON number, boolean or string) as cell
     * text: numbers without a trailing {@code .0}, {@code null} as missing.
     */
    public static String asText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (value instanceof Float f && f == Math.rint(f) && Math.abs(f) < 1e7) {
            return Long.toString(f.longValue());
        }
        return value.toString();
    }
}
