package io.marquee.core.survey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of survey question, and the text form their answers are stored in
 * ({@code survey_responses.answer}).
 */
public enum QuestionType {
    /** Stored as {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** A whole number within the question's min/max, stored in decimal digits. */
    INTEGER("integer"),
    /** A decimal number within the question's min/max, e.g. {@code 7.5}. */
    FLOAT("float"),
    /** One choice id, or for a multi-select question several choice ids joined by {@code |}. */
    MULTIPLE_CHOICE("multiple_choice");

    private final String jsonName;

    QuestionType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in {@code survey.json}. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** The type named {@code name} in {@code survey.json}. */
    @JsonCreator
    public static QuestionType fromJson(String name) {
        for (QuestionType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        throw InvalidInputException.of("survey question type", name, "one of "
                + Arrays.stream(values()).map(t -> t.jsonName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return jsonName.toLowerCase(Locale.ROOT);
    }
}
