package io.marquee.core.survey;

import io.marquee.core.error.InvalidInputException;

/**
 * One choice of a multiple-choice survey question.
 *
 * @param id    the stable id stored in answers (lower case letters, digits and underscores)
 * @param label what the viewer sees
 */
public record Choice(String id, String label) {
    public Choice {
        if (id == null || !id.matches("[a-z0-9_]+")) {
            throw InvalidInputException.of("survey choice id", id, "lower-case letters, digits and '_'");
        }
        if (label == null || label.isBlank()) {
            throw InvalidInputException.of("label of survey choice " + id, label, "non-blank");
        }
    }
}
