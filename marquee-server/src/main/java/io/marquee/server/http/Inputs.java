package io.marquee.server.http;

import io.javalin.http.Context;
import io.marquee.core.error.InvalidInputException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading and validating request input; every failure is a 400 naming the field and the value. */
public final class Inputs {
    private Inputs() {
    }

    public static long pathLong(Context ctx, String name) {
        return parseLong(name, ctx.pathParam(name));
    }

    public static long parseLong(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (RuntimeException e) {
            throw InvalidInputException.of(name, quote(text), "an integer");
        }
    }

    public static int queryInt(Context ctx, String name, int dflt, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return dflt;
        }
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (RuntimeException e) {
            throw InvalidInputException.of(name, quote(text), "an integer between " + min + " and " + max);
        }
        if (v < min || v > max) {
            throw InvalidInputException.of(name, v, "an integer between " + min + " and " + max);
        }
        return v;
    }

    /** A boolean query parameter ({@code true}/{@code false}, {@code 1}/{@code 0}); {@code dflt} when absent. */
    public static boolean queryBoolean(Context ctx, String name, boolean dflt) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return dflt;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw InvalidInputException.of(name, quote(text), "true or false");
        };
    }

    /** An instant as ISO-8601 text ({@code 2026-01-01T00:00:00Z}) or epoch milliseconds; null when absent. */
    public static Instant queryInstant(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text))
                    : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw InvalidInputException.of(name, quote(text), "an ISO-8601 instant such as 2026-01-01T00:00:00Z"
                    + " or epoch milliseconds");
        }
    }

    /** The JSON body as a record; an empty body gives {@code null} when {@code optional}. */
    public static <T> T body(Context ctx, Class<T> type, boolean optional) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            if (optional) {
                return null;
            }
            throw new InvalidInputException("request body is missing: expected a JSON object");
        }
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(ErrorMapper.jsonDetail(e), e);
        } catch (IOException e) {
            throw new InvalidInputException("request body cannot be read: " + e.getMessage(), e);
        }
    }

    public static <T> T require(String field, T value) {
        if (value == null) {
            throw InvalidInputException.of(field, null, "a value (the field is required)");
        }
        return value;
    }

    static String quote(String text) {
        return text == null ? null : "'" + (text.length() > 64 ? text.substring(0, 64) + "…" : text) + "'";
    }
}
