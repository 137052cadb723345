package io.marquee.core.domain;

/**
 * An explicit rating.
 *
 * @param userId    viewer id
 * @param movieId   film id
 * @param value     rating value (MovieLens: 1–5, latest: 0.5–5 in halves)
 * @param timestamp epoch seconds
 */
public record Rating(long userId, long movieId, float value, long timestamp) {
}
