package io.marquee.predict.classify;

import io.marquee.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Applies text overrides ({@code --param maxDepth=6} on the command line, a JSON object in a
 * request) to a params record's {@code toMap()}: each value is converted to the type of the value
 * it replaces. An unknown key or an unparsable value is an {@link InvalidInputException} naming
 * the key and the value.
 */
public final class Overrides {
    private Overrides() {
    }

    /** {@code base} with the overrides applied (a new map; {@code base} is not changed). */
    public static Map<String, Object> apply(Map<String, Object> base, Map<String, String> overrides) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String key = e.getKey();
            if (!base.containsKey(key)) {
                throw InvalidInputException.of("parameter", "'" + key + "'", "one of " + base.keySet());
            }
            Object old = base.get(key);
            String text = e.getValue() == null ? "" : e.getValue().strip();
            try {
                Object value;
                if (old instanceof Integer) {
                    value = Integer.parseInt(text);
                } else if (old instanceof Long) {
                    value = Long.parseLong(text);
                } else if (old instanceof Float) {
                    value = Float.parseFloat(text);
                } else if (old instanceof Double) {
                    value = Double.parseDouble(text);
                } else if (old instanceof Boolean) {
                    value = parseBoolean(text);
                } else {
                    value = text;
                }
                out.put(key, value);
            } catch (IllegalArgumentException ex) {
                throw InvalidInputException.of("parameter " + key, "'" + e.getValue() + "'",
                        "a " + old.getClass().getSimpleName().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    static int i(Map<String, ?> m, String key) {
        return ((Number) m.get(key)).intValue();
    }

    static long l(Map<String, ?> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    static double d(Map<String, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    static float f(Map<String, ?> m, String key) {
        return ((Number) m.get(key)).floatValue();
    }
}
