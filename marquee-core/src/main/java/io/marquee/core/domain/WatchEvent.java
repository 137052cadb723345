package io.marquee.core.domain;

/**
 * One viewing session of a film.
 *
 * @param id              event id, unique within the database
 * @param userId          viewer id
 * @param movieId         film id
 * @param startedAt       epoch seconds when playback started
 * @param watchedMinutes  minutes actually watched (may be absurd in dirty data)
 * @param runtimeMinutes  the film's running time as the player knew it
 * @param device          device class, e.g. {@code tv}, {@code mobile}, {@code tablet}, {@code desktop}
 * @param completed       whether the service counted the session as completed
 */
public record WatchEvent(long id, long userId, long movieId, long startedAt, float watchedMinutes,
                         int runtimeMinutes, String device, boolean completed) {
}
