package io.marquee.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

/** The one JSON configuration of the API: snake_case names, ISO-8601 times, Optional support. */
public final class Json {
    private static final ObjectMapper MAPPER = create();

    private Json() {
    }

    /** A new mapper with the API's settings. */
    public static ObjectMapper create() {
        // Schubfach float/double writing instead of Float.toString: scores are in every served response
        JsonFactory factory = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Compact JSON text of a value (for the request log); never throws. */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            return "{\"error\":\"unserialisable: " + e.getClass().getSimpleName() + "\"}";
        }
    }

    /**
     * A response serialised once, for both the HTTP body and the request log: the value (for
     * callers that want fields) and its JSON text as the API writes it.
     */
    public record Rendered<T>(T value, String json) {
        /** Serialises {@code value} with the API's mapper; a value that cannot be written is a bug (500). */
        public static <T> Rendered<T> of(T value) {
            try {
                return new Rendered<>(value, MAPPER.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
            }
        }
    }

    /** Writes an already-serialised response as the JSON body. */
    public static void respond(Context ctx, Rendered<?> rendered) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(rendered.json());
    }
}
