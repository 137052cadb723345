package io.marquee.core.domain;

/**
 * One answer of one viewer to one question of the viewer survey ({@code survey.json}).
 * Answers are stored as text in the form the question's type defines: {@code true}/{@code false},
 * an integer, a decimal, or one or more choice ids separated by {@code |}.
 */
public record SurveyResponse(long userId, String question, String answer) {
}
