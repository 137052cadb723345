package io.marquee.predict.dropoff;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.survey.Choice;
import io.marquee.core.survey.Survey;
import io.marquee.core.survey.SurveyQuestion;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A viewer's survey answers parsed by the types of {@code survey.json}: numbers for the integer
 * and float questions, 0/1 for the boolean ones, the position of the choice for ordered
 * single-choice questions ({@code session_length}, {@code age_band}, {@code rewatches_favourites}),
 * the choice id for unordered ones ({@code usual_device}, {@code preferred_time}), and the
 * favourite genres as a bit mask over the catalogue's genre ids. An unanswered (or, in stored
 * data, unreadable) answer is NaN / {@code null}.
 */
public record SurveyProfile(double weeklyHours, double sessionLength, String usualDevice, String preferredTime,
                            double finishesFilms, double ageBand, double subtitlesOk, double likesLongFilms,
                            double rewatches, double peopleWatching, double filmsLastMonth, long favouriteMask,
                            int favouriteCount) {
    /** A profile with no answers at all. */
    public static final SurveyProfile EMPTY = new SurveyProfile(Double.NaN, Double.NaN, null, null, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0L, 0);

    /**
     * Parses stored answers leniently: an answer that does not fit its question is treated as
     * unanswered (imported data may hold anything).
     *
     * @param genreNames the catalogue's genre names; genre id = position
     */
    public static SurveyProfile lenient(Map<String, String> answers, List<String> genreNames) {
        Survey survey = Survey.load();
        java.util.HashMap<String, String> ok = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : answers.entrySet()) {
            try {
                survey.validate(e.getKey(), e.getValue());
                ok.put(e.getKey(), e.getValue());
            } catch (InvalidInputException ignored) {
                // unreadable stored answer: left out
            }
        }
        return parse(ok, genreNames, survey);
    }

    /**
     * Parses a new viewer's answers strictly: every answer must be valid and every required
     * question answered, else an {@link InvalidInputException} names the question and the value.
     */
    public static SurveyProfile strict(Map<String, String> answers, List<String> genreNames) {
        Survey survey = Survey.load();
        survey.validateResponse(answers);
        return parse(answers, genreNames, survey);
    }

    private static SurveyProfile parse(Map<String, String> a, List<String> genreNames, Survey survey) {
        long mask = 0;
        int count = 0;
        String fav = a.get("favourite_genres");
        if (fav != null) {
            for (String choice : fav.split("\\|")) {
                count++;
                int g = genreOf(choice, genreNames);
                if (g >= 0 && g < 64) {
                    mask |= 1L << g;
                }
            }
        }
        return new SurveyProfile(number(a.get("weekly_hours")), ordinal(survey, "session_length", a),
                a.get("usual_device"), a.get("preferred_time"), bool(a.get("finishes_films")),
                ordinal(survey, "age_band", a), bool(a.get("subtitles_ok")), bool(a.get("likes_long_films")),
                ordinal(survey, "rewatches_favourites", a), number(a.get("people_watching")),
                number(a.get("films_last_month")), mask, count);
    }

    /** The catalogue genre id of a survey choice id ({@code sci_fi} → "Sci-Fi"), or -1. */
    static int genreOf(String choiceId, List<String> genreNames) {
        String c = letters(choiceId);
        for (int g = 0; g < genreNames.size(); g++) {
            String n = letters(genreNames.get(g));
            if (n.equals(c) || (n.startsWith(c) && n.length() <= c.length() + 2)) { // "childrens" for "children"
                return g;
            }
        }
        return -1;
    }

    private static String letters(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetter(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static double number(String s) {
        return s == null ? Double.NaN : Double.parseDouble(s);
    }

    private static double bool(String s) {
        return s == null ? Double.NaN : ("true".equals(s) ? 1 : 0);
    }

    private static double ordinal(Survey survey, String question, Map<String, String> a) {
        String s = a.get(question);
        if (s == null) {
            return Double.NaN;
        }
        SurveyQuestion q = survey.question(question);
        List<Choice> choices = q.choices();
        for (int k = 0; k < choices.size(); k++) {
            if (choices.get(k).id().equals(s)) {
                return k;
            }
        }
        return Double.NaN;
    }

    /** Whether genre id {@code g} is among the favourites. */
    public boolean favourite(int g) {
        return g < 64 && (favouriteMask & (1L << g)) != 0;
    }
}
