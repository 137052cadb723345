package io.marquee.registry.requests;

import io.marquee.core.error.InvalidInputException;
import io.marquee.registry.Names;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One served request, as written to the request log.
 *
 * @param requestId     the id returned to the client (feedback refers to it)
 * @param endpoint      the endpoint that answered
 * @param versionId     the model version that answered (null when no model was involved)
 * @param operation     what was asked: {@code recommend}, {@code predict}, {@code dropoff}, {@code explain}, …
 *                      ({@code [a-z][a-z0-9_]*}, at most 32 characters)
 * @param input         the request as JSON text (not parsed here: the hot path stays cheap)
 * @param output        the response as JSON text
 * @param predicted     the single number predicted, when there is one (a rating, a drop-off
 *                      probability); live accuracy compares it with feedback. May be null.
 * @param latencyMicros time to answer, in microseconds
 * @param at            when the request arrived
 */
public record RequestRecord(UUID requestId, String endpoint, Long versionId, String operation, String input,
                            String output, Double predicted, long latencyMicros, Instant at) {
    /** Operation of a list of recommendations. */
    public static final String RECOMMEND = "recommend";
    /** Operation of a rating prediction. */
    public static final String PREDICT = "predict";
    /** Operation of a drop-off probability; {@link #predicted} is the probability of dropping. */
    public static final String DROPOFF = "dropoff";
    /** Operation of an explanation. */
    public static final String EXPLAIN = "explain";

    /** Checked once per served request: compiled once, not by {@code String.matches} on every call. */
    private static final Pattern OPERATION = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public RequestRecord {
        Objects.requireNonNull(requestId, "requestId");
        Names.endpoint(endpoint);
        if (operation == null || !OPERATION.matcher(operation).matches()) {
            throw InvalidInputException.of("operation", operation == null ? null : "'" + operation + "'",
                    "a name matching [a-z][a-z0-9_]* of at most 32 characters");
        }
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        if (predicted != null && !Double.isFinite(predicted)) {
            throw InvalidInputException.of("predicted", predicted, "a finite number or null");
        }
        if (latencyMicros < 0) {
            throw InvalidInputException.of("latencyMicros", latencyMicros, "at least 0");
        }
        Objects.requireNonNull(at, "at");
    }
}
