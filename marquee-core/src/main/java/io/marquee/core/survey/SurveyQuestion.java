package io.marquee.core.survey;

import io.marquee.core.error.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One question of the viewer survey, as defined in {@code survey.json}.
 *
 * @param id            stable id, stored in {@code survey_responses.question}
 * @param text          the question as the viewer reads it
 * @param type          boolean, integer, float or multiple choice
 * @param required      whether a complete response must answer it
 * @param min           smallest allowed number (integer and float questions only)
 * @param max           largest allowed number (integer and float questions only)
 * @param multiple      whether several choices may be picked (multiple-choice questions only)
 * @param maxSelections most choices a multi-select answer may pick ({@code null}: all of them)
 * @param choices       the choices (multiple-choice questions only; empty otherwise)
 */
public record SurveyQuestion(String id, String text, QuestionType type, boolean required, Double min,
                             Double max, boolean multiple, Integer maxSelections, List<Choice> choices) {
    public SurveyQuestion {
        if (id == null || !id.matches("[a-z0-9_]+")) {
            throw InvalidInputException.of("survey question id", id, "lower-case letters, digits and '_'");
        }
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("text of survey question " + id, text, "non-blank");
        }
        if (type == null) {
            throw InvalidInputException.of("type of survey question " + id, null, "given");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        boolean numeric = type == QuestionType.INTEGER || type == QuestionType.FLOAT;
        if (numeric) {
            if (min == null || max == null || !(min <= max)) {
                throw InvalidInputException.of("min/max of survey question " + id, min + "/" + max,
                        "both given with min <= max");
            }
        } else if (min != null || max != null) {
            throw InvalidInputException.of("min/max of survey question " + id, min + "/" + max,
                    "absent for a " + type + " question");
        }
        if (type == QuestionType.MULTIPLE_CHOICE) {
            if (choices.size() < 2) {
                throw InvalidInputException.of("choices of survey question " + id, choices.size(), "at least 2");
            }
            Set<String> seen = new HashSet<>();
            for (Choice c : choices) {
                if (!seen.add(c.id())) {
                    throw InvalidInputException.of("choice ids of survey question " + id, c.id(), "unique");
                }
            }
            if (maxSelections != null && (!multiple || maxSelections < 1 || maxSelections > choices.size())) {
                throw InvalidInputException.of("maxSelections of survey question " + id, maxSelections,
                        "between 1 and the number of choices, on a multi-select question");
            }
        } else if (!choices.isEmpty() || multiple || maxSelections != null) {
            throw InvalidInputException.of("choices of survey question " + id, choices,
                    "absent for a " + type + " question");
        }
    }

    /** Most choices one answer may pick: 1 for a single-select question. */
    public int selectionLimit() {
        if (!multiple) {
            return 1;
        }
        return maxSelections == null ? choices.size() : maxSelections;
    }

    /** Whether {@code choiceId} is one of this question's choices. */
    public boolean hasChoice(String choiceId) {
        for (Choice c : choices) {
            if (c.id().equals(choiceId)) {
                return true;
            }
        }
        return false;
    }
}
