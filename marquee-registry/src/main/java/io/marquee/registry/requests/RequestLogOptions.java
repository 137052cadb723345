package io.marquee.registry.requests;

import io.marquee.core.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link RequestLog}.
 *
 * @param capacity     records the queue holds before it is full
 * @param maxBatch     records written per transaction at most
 * @param offerTimeout how long {@link RequestLog#log} waits for room when the queue is full before it
 *                     drops the record (and counts it); {@link Duration#ZERO} drops at once
 */
public record RequestLogOptions(int capacity, int maxBatch, Duration offerTimeout) {
    public RequestLogOptions {
        if (capacity < 1) {
            throw InvalidInputException.of("capacity", capacity, "at least 1");
        }
        if (maxBatch < 1) {
            throw InvalidInputException.of("maxBatch", maxBatch, "at least 1");
        }
        Objects.requireNonNull(offerTimeout, "offerTimeout");
        if (offerTimeout.isNegative()) {
            throw InvalidInputException.of("offerTimeout", offerTimeout, "zero or positive");
        }
    }

    /** 65,536 queued records, batches of up to 1,000, wait up to 100 ms for room. */
    public static RequestLogOptions defaults() {
        return new RequestLogOptions(65_536, 1_000, Duration.ofMillis(100));
    }
}
