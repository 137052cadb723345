package io.marquee.registry.requests;

import io.marquee.core.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What actually happened after a request: the viewer's rating, whether they watched to the end or
 * dropped out, or a free label. At least one of the three is required.
 *
 * @param requestId    the request it is about
 * @param movieId      the film it is about (e.g. which recommended film was watched), may be null
 * @param actualRating the rating the viewer gave (finite, 0–10), may be null
 * @param watched      true: watched to the end; false: dropped out; null: unknown
 * @param label        free label (at most 256 characters), may be null
 * @param at           when the feedback arrived
 */
public record Feedback(UUID requestId, Long movieId, Double actualRating, Boolean watched, String label, Instant at) {
    public Feedback {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(at, "at");
        if (actualRating == null && watched == null && (label == null || label.isBlank())) {
            throw new InvalidInputException("feedback on request " + requestId
                    + " must give at least one of actual_rating, watched or label");
        }
        if (actualRating != null && !(actualRating >= 0 && actualRating <= 10)) {
            throw InvalidInputException.of("actual_rating", actualRating, "a number between 0 and 10");
        }
        if (label != null && label.length() > 256) {
            throw InvalidInputException.of("label", label.length() + " characters", "at most 256 characters");
        }
    }
}
