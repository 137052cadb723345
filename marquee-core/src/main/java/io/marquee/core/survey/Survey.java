package io.marquee.core.survey;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The viewer survey: twelve questions about viewing habits, defined in the classpath resource
 * {@code survey.json}. The synthetic generator answers it for every viewer; the web form and the
 * API check answers with {@link #validate}.
 *
 * <p>Answers are stored as text: {@code true}/{@code false} for boolean questions, decimal digits
 * for integer questions, a decimal number ({@code 7.5}) for float questions, and choice ids joined
 * by {@code |} for multiple-choice questions ({@code comedy|drama}).
 */
public final class Survey {
    /** The classpath resource holding the survey definition. */
    public static final String RESOURCE = "survey.json";

    private static volatile Survey loaded;

    private final int version;
    private final String title;
    private final List<SurveyQuestion> questions;
    private final Map<String, SurveyQuestion> byId;

    /** A survey of the given questions (ids must be unique). */
    public Survey(int version, String title, List<SurveyQuestion> questions) {
        if (questions == null || questions.isEmpty()) {
            throw InvalidInputException.of("survey questions", questions, "at least one question");
        }
        this.version = version;
        this.title = title == null ? "" : title;
        this.questions = List.copyOf(questions);
        Map<String, SurveyQuestion> map = new LinkedHashMap<>();
        for (SurveyQuestion q : this.questions) {
            if (map.put(q.id(), q) != null) {
                throw InvalidInputException.of("survey question id", q.id(), "unique");
            }
        }
        this.byId = Map.copyOf(map);
    }

    /** The survey of {@code survey.json}, read from the classpath once and then shared. */
    public static Survey load() {
        Survey s = loaded;
        if (s == null) {
            synchronized (Survey.class) {
                s = loaded;
                if (s == null) {
                    s = read();
                    loaded = s;
                }
            }
        }
        return s;
    }

    private record Definition(int version, String title, List<SurveyQuestion> questions) {
    }

    private static Survey read() {
        ObjectMapper json = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Survey.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new StorageException("classpath resource " + RESOURCE + " is missing");
            }
            Definition d = json.readValue(in, Definition.class);
            return new Survey(d.version(), d.title(), d.questions());
        } catch (IOException e) {
            throw new StorageException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Version of the survey definition. */
    public int version() {
        return version;
    }

    /** Title shown above the form. */
    public String title() {
        return title;
    }

    /** The questions in the order they are asked. */
    public List<SurveyQuestion> questions() {
        return questions;
    }

    /** The question with this id. */
    public SurveyQuestion question(String questionId) {
        SurveyQuestion q = byId.get(questionId);
        if (q == null) {
            throw InvalidInputException.of("survey question", questionId, "one of " + ids());
        }
        return q;
    }

    private String ids() {
        return questions.stream().map(SurveyQuestion::id).collect(Collectors.joining(", "));
    }

    /**
     * Checks one answer in its stored text form.
     *
     * @throws InvalidInputException naming the question and the value when the question is unknown
     *                               or the answer is not a valid answer to it
     */
    public void validate(String questionId, String answerText) {
        SurveyQuestion q = question(questionId);
        String field = "answer to survey question " + q.id();
        if (answerText == null || answerText.isEmpty()) {
            throw InvalidInputException.of(field, "'" + answerText + "'", "non-empty");
        }
        String shown = "'" + answerText + "'";
        switch (q.type()) {
            case BOOLEAN -> {
                if (!answerText.equals("true") && !answerText.equals("false")) {
                    throw InvalidInputException.of(field, shown, "true or false");
                }
            }
            case INTEGER -> {
                long v;
                try {
                    if (!answerText.matches("-?[0-9]{1,18}")) {
                        throw new NumberFormatException();
                    }
                    v = Long.parseLong(answerText);
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of(field, shown, "a whole number " + range(q, true));
                }
                if (v < q.min() || v > q.max()) {
                    throw InvalidInputException.of(field, shown, "a whole number " + range(q, true));
                }
            }
            case FLOAT -> {
                double v;
                try {
                    if (!answerText.matches("-?[0-9]+(\\.[0-9]+)?")) {
                        throw new NumberFormatException();
                    }
                    v = Double.parseDouble(answerText);
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of(field, shown, "a decimal number " + range(q, false));
                }
                if (v < q.min() || v > q.max()) {
                    throw InvalidInputException.of(field, shown, "a decimal number " + range(q, false));
                }
            }
            case MULTIPLE_CHOICE -> {
                String[] picked = answerText.split("\\|", -1);
                String allowed = q.choices().stream().map(Choice::id).collect(Collectors.joining(", "));
                if (picked.length > q.selectionLimit()) {
                    throw InvalidInputException.of(field, shown, q.selectionLimit() == 1
                            ? "exactly one of " + allowed
                            : "at most " + q.selectionLimit() + " of " + allowed + " joined by '|'");
                }
                Set<String> seen = new HashSet<>();
                for (String p : picked) {
                    if (!q.hasChoice(p)) {
                        throw InvalidInputException.of(field, shown, (q.multiple() ? "choices among " : "one of ")
                                + allowed);
                    }
                    if (!seen.add(p)) {
                        throw InvalidInputException.of(field, shown, "without repeated choices");
                    }
                }
            }
            default -> throw new IllegalStateException("unknown question type " + q.type());
        }
    }

    /**
     * Checks a whole response: every answer is valid and every required question is answered.
     *
     * @param answers question id → answer text
     */
    public void validateResponse(Map<String, String> answers) {
        for (Map.Entry<String, String> e : answers.entrySet()) {
            validate(e.getKey(), e.getValue());
        }
        for (SurveyQuestion q : questions) {
            if (q.required() && !answers.containsKey(q.id())) {
                throw InvalidInputException.of("answer to survey question " + q.id(), "missing",
                        "given (the question is required)");
            }
        }
    }

    private static String range(SurveyQuestion q, boolean integer) {
        return integer
                ? "between " + q.min().longValue() + " and " + q.max().longValue()
                : "between " + q.min() + " and " + q.max();
    }
}
