package io.marquee.predict.dropoff;

import java.time.Instant;

/**
 * When and on what a viewing would happen, for serving predictions.
 *
 * @param at     when the viewing would start (the viewer's local clock, as epoch seconds in the
 *               watch log)
 * @param device the device ({@code tv}, {@code mobile}, {@code tablet}, {@code desktop}), or
 *               {@code null} for the viewer's usual device from the survey (else {@code tv})
 */
public record PredictionContext(Instant at, String device) {
    public PredictionContext {
        if (at == null) {
            throw io.marquee.core.error.InvalidInputException.of("at", null, "a time");
        }
    }

    /** Now, on the usual device. */
    public static PredictionContext now() {
        return new PredictionContext(Instant.now(), null);
    }

    /** At a time, on the usual device. */
    public static PredictionContext at(Instant at) {
        return new PredictionContext(at, null);
    }
}
