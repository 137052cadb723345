package io.marquee.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.InvalidInputException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SurveyTest {
    private final Survey survey = Survey.load();

    @Test
    void load_reads_twelve_questions_of_all_four_types() {
        assertThat(survey.questions()).hasSize(12);
        Set<QuestionType> types = survey.questions().stream().map(SurveyQuestion::type).collect(Collectors.toSet());
        assertThat(types).isEqualTo(EnumSet.allOf(QuestionType.class));
        assertThat(survey.questions()).extracting(SurveyQuestion::id).doesNotHaveDuplicates()
                .contains("favourite_genres", "weekly_hours", "finishes_films", "films_last_month");
        SurveyQuestion genres = survey.question("favourite_genres");
        assertThat(genres.multiple()).isTrue();
        assertThat(genres.selectionLimit()).isEqualTo(3);
        assertThat(genres.choices()).hasSize(18).extracting(Choice::label).contains("Sci-Fi", "Film-Noir");
        assertThat(survey.question("usual_device").selectionLimit()).isEqualTo(1);
        assertThat(survey.question("weekly_hours").min()).isZero();
        assertThat(survey.questions().stream().filter(SurveyQuestion::required).count()).isBetween(4L, 11L);
    }

    @Test
    void load_reads_the_resource_once_and_shares_it() {
        assertThat(Survey.load()).isSameAs(survey);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "finishes_films;true", "finishes_films;false", "weekly_hours;0", "weekly_hours;7.5", "weekly_hours;100",
        "films_last_month;0", "films_last_month;200", "people_watching;3", "usual_device;tv",
        "favourite_genres;comedy", "favourite_genres;comedy|drama|sci_fi", "age_band;65_plus"})
    void answers_in_their_stored_form_are_valid(String question, String answer) {
        assertThatCode(() -> survey.validate(question, answer)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "finishes_films;yes", "finishes_films;TRUE", "weekly_hours;-1", "weekly_hours;100.5", "weekly_hours;abc",
        "weekly_hours;1e3", "weekly_hours;NaN", "films_last_month;2.5", "films_last_month;201",
        "people_watching;0", "usual_device;phone", "usual_device;tv|mobile",
        "favourite_genres;comedy|drama|sci_fi|war", "favourite_genres;comedy|comedy", "favourite_genres;comedy|",
        "age_band;18-24"})
    void bad_answers_are_rejected_naming_the_question_and_the_value(String question, String answer) {
        assertThatThrownBy(() -> survey.validate(question, answer))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(question)
                .hasMessageContaining("'" + answer + "'");
    }

    @Test
    void an_empty_answer_or_an_unknown_question_is_rejected() {
        assertThatThrownBy(() -> survey.validate("weekly_hours", ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("weekly_hours");
        assertThatThrownBy(() -> survey.validate("favourite_colour", "blue"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("favourite_colour");
    }

    @Test
    void a_response_must_answer_every_required_question() {
        Map<String, String> answers = new HashMap<>();
        for (SurveyQuestion q : survey.questions()) {
            if (q.required()) {
                answers.put(q.id(), sample(q));
            }
        }
        assertThatCode(() -> survey.validateResponse(answers)).doesNotThrowAnyException();
        String required = survey.questions().stream().filter(SurveyQuestion::required).findFirst().orElseThrow().id();
        answers.remove(required);
        assertThatThrownBy(() -> survey.validateResponse(answers))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(required);
    }

    @Test
    void a_question_definition_that_contradicts_its_type_is_rejected() {
        assertThatThrownBy(() -> new SurveyQuestion("q", "Q?", QuestionType.INTEGER, true, 5.0, 1.0, false, null,
                List.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("q");
        assertThatThrownBy(() -> new SurveyQuestion("q", "Q?", QuestionType.MULTIPLE_CHOICE, true, null, null, false,
                null, List.of(new Choice("a", "A")))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Survey(1, "t", List.of(
                new SurveyQuestion("q", "Q?", QuestionType.BOOLEAN, true, null, null, false, null, null),
                new SurveyQuestion("q", "Q again?", QuestionType.BOOLEAN, true, null, null, false, null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unique");
    }

    private static String sample(SurveyQuestion q) {
        return switch (q.type()) {
            case BOOLEAN -> "true";
            case INTEGER, FLOAT -> Long.toString(q.min().longValue());
            case MULTIPLE_CHOICE -> q.choices().get(0).id();
        };
    }
}
