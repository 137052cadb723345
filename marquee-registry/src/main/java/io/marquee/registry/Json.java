package io.marquee.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON the registry stores in TEXT columns (params, metrics, tags). For the registry's own services. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Double>> NUMBERS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private Json() {
    }

    /** The shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A value as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object as an ordered map. */
    public static Map<String, Object> object(String text) {
        return read(text, OBJECT);
    }

    /** A JSON object of numbers as an ordered map. */
    public static Map<String, Double> numbers(String text) {
        return read(text, NUMBERS);
    }

    /** A JSON array of strings. */
    public static List<String> strings(String text) {
        return read(text, STRINGS);
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("stored JSON is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
