package io.marquee.recommend;

import io.marquee.core.error.InvalidInputException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds {@code name=value} strings (the CLI's {@code --param}, a tuning study's trial, an API
 * request) onto a params record: named components take the given value, the rest keep the
 * defaults, and the record's compact constructor validates the result. Component names are
 * matched in camelCase or snake_case ({@code nFactors} or {@code n_factors}).
 *
 * <p>Hand-written because the binding is twenty lines of record reflection; a configuration
 * library would add a dependency for less.
 */
public final class ParamsBinder {
    private ParamsBinder() {
    }

    /** A record of the same type as {@code defaults} with {@code values} applied. */
    public static <P extends Record> P bind(P defaults, Map<String, String> values) {
        @SuppressWarnings("unchecked")
        Class<P> type = (Class<P>) defaults.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byName.put(normalise(c.getName()), c);
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = normalise(e.getKey());
            if (!byName.containsKey(key)) {
                throw new InvalidInputException("unknown parameter '" + e.getKey() + "'; known: "
                        + Arrays.stream(components).map(c -> snake(c.getName())).collect(Collectors.joining(", ")));
            }
            given.put(key, e.getValue());
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int k = 0; k < components.length; k++) {
            RecordComponent c = components[k];
            types[k] = c.getType();
            String raw = given.get(normalise(c.getName()));
            try {
                args[k] = raw == null ? c.getAccessor().invoke(defaults) : convert(c, raw);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + type.getSimpleName(), e);
            }
        }
        try {
            Constructor<P> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** The record's components as {@code snake_name → value}, in declaration order. */
    public static Map<String, Object> toMap(Record params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : params.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(params);
                out.put(snake(c.getName()), v instanceof Enum<?> en ? en.name().toLowerCase(Locale.ROOT) : v);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
        return out;
    }

    /** Parses {@code name=value} pairs (as given on a command line) into a map. */
    public static Map<String, String> parsePairs(Iterable<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw InvalidInputException.of("parameter", "'" + p + "'", "of the form name=value");
            }
            out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return out;
    }

    private static Object convert(RecordComponent c, String raw) {
        Class<?> t = c.getType();
        String name = snake(c.getName());
        try {
            if (t == int.class || t == Integer.class) {
                return Integer.parseInt(raw);
            }
            if (t == long.class || t == Long.class) {
                return Long.parseLong(raw);
            }
            if (t == double.class || t == Double.class) {
                return Double.parseDouble(raw);
            }
            if (t == float.class || t == Float.class) {
                return Float.parseFloat(raw);
            }
            if (t == boolean.class || t == Boolean.class) {
                if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
                    throw InvalidInputException.of(name, "'" + raw + "'", "true or false");
                }
                return Boolean.parseBoolean(raw);
            }
            if (t == String.class) {
                return raw;
            }
            if (t.isEnum()) {
                for (Object constant : t.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(raw)) {
                        return constant;
                    }
                }
                throw InvalidInputException.of(name, "'" + raw + "'", "one of "
                        + Arrays.stream(t.getEnumConstants()).map(x -> ((Enum<?>) x).name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
            }
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "'" + raw + "'", "a " + t.getSimpleName() + " number");
        }
        throw new InvalidInputException("parameter " + name + " of type " + t.getSimpleName() + " cannot be set from text");
    }

    private static String normalise(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** camelCase → snake_case. */
    public static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
