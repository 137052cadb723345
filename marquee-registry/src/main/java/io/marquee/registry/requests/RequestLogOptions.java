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
 * @param linger       how long the writer, once it has a record, waits for more to join the same
 *                     transaction (up to {@code maxBatch}); {@link Duration#ZERO} writes what is
 *                     queued at once. Each SQLite commit rewrites the B-tree pages it touched, so
 *                     a few milliseconds of lingering turns thousands of one-row commits a second
 *                     into tens of larger ones. Rows then reach the table up to this much later.
 */
public record RequestLogOptions(int capacity, int maxBatch, Duration offerTimeout, Duration linger) {
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
        Objects.requireNonNull(linger, "linger");
        if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw InvalidInputException.of("linger", linger, "between zero and one second");
        }
    }

    /** Options that write what is queued at once (no linger). */
    public RequestLogOptions(int capacity, int maxBatch, Duration offerTimeout) {
        this(capacity, maxBatch, offerTimeout, Duration.ZERO);
    }

    /** 65,536 queued records, batches of up to 1,000, wait up to 100 ms for room, linger 20 ms. */
    public static RequestLogOptions defaults() {
        return new RequestLogOptions(65_536, 1_000, Duration.ofMillis(100), Duration.ofMillis(20));
    }
}
