package io.marquee.registry.requests;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: time-ordered UUIDs of version 7 (RFC 9562 §5.7) — 48 bits of Unix time in
 * milliseconds, the version, 74 random bits and the variant.
 *
 * <p>Why not {@link UUID#randomUUID()}: it draws 16 bytes from the shared {@code SecureRandom}
 * on every request, which shows in profiles of the serving hot path, and its random order makes
 * every insert into {@code request_log}'s primary-key index land at a random page. A v7 id costs
 * two {@link ThreadLocalRandom} draws and sorts by time, so the index grows at its end. Request
 * ids are identifiers, not secrets (feedback needs an API token anyway), so a non-cryptographic
 * generator is enough; 74 random bits per millisecond make a collision negligible (the
 * {@code request_log} primary key would refuse one, and the log counts it as failed).
 *
 * <p>Written here rather than taken from a library (java-uuid-generator has a v7 generator)
 * because it is these few lines and the project has no other use for that dependency.
 */
public final class RequestIds {
    private RequestIds() {
    }

    /** A new version-7 UUID for the current time. */
    public static UUID next() {
        return at(System.currentTimeMillis(), ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
    }

    /** The version-7 UUID of a time and random bits (only the bits a v7 UUID holds are used). */
    static UUID at(long epochMillis, long randA, long randB) {
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 // unix_ts_ms: 48 bits
                | 0x7000L                                   // version 7
                | (randA & 0x0FFFL);                        // rand_a: 12 bits
        long lsb = 0x8000_0000_0000_0000L                   // variant 10
                | (randB & 0x3FFF_FFFF_FFFF_FFFFL);         // rand_b: 62 bits
        return new UUID(msb, lsb);
    }
}
