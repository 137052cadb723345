package io.marquee.recommend.eval;

import io.marquee.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How ranked lists are judged: the candidate set each user's list is drawn from and the rule
 * that makes a test item relevant ({@code test rating ≥ threshold}). Every {@link Evaluation}
 * carries the statement {@link #describe()} so results from different protocols are never
 * compared by mistake.
 *
 * @param candidates         the candidate set
 * @param relevanceThreshold a test item is relevant when its rating is at least this; negative
 *                           infinity makes every test item relevant (implicit feedback)
 */
public record Protocol(CandidateSet candidates, double relevanceThreshold) {
    /** The default relevance threshold: 4 on MovieLens's 1–5 scale. */
    public static final double DEFAULT_THRESHOLD = 4.0;

    public Protocol {
        Objects.requireNonNull(candidates, "candidates");
        if (Double.isNaN(relevanceThreshold) || relevanceThreshold == Double.POSITIVE_INFINITY) {
            throw InvalidInputException.of("relevanceThreshold", relevanceThreshold,
                    "a number (or -Infinity for every test item)");
        }
    }

    /** Candidates {@link CandidateSet#ALL_UNRATED}, relevant when rated 4 or more. */
    public static Protocol defaults() {
        return new Protocol(CandidateSet.ALL_UNRATED, DEFAULT_THRESHOLD);
    }

    /** Whether a test rating makes its item relevant. */
    public boolean isRelevant(float rating) {
        return rating >= relevanceThreshold;
    }

    /** The relevance rule in words. */
    public String relevanceRule() {
        return relevanceThreshold == Double.NEGATIVE_INFINITY ? "every test item is relevant"
                : "a test item is relevant when its test rating is >= " + relevanceThreshold;
    }

    /** The full statement an evaluation carries. */
    public String describe() {
        return "Each user with at least one test rating gets a ranked list drawn from " + candidates.describe()
                + ". " + capitalise(relevanceRule()) + "; accuracy metrics (precision, recall, ndcg, map, mrr, hit)"
                + " average over users with at least one relevant test item, and users without one are skipped"
                + " and counted. List metrics (coverage, novelty, ild) use every user's list. Rating metrics (rmse,"
                + " mae) use every test rating, for models that predict ratings.";
    }

    /** For JSON: candidates id, threshold (null for every item) and the statement. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("candidates", candidates.id());
        m.put("relevance_threshold", relevanceThreshold == Double.NEGATIVE_INFINITY ? null : relevanceThreshold);
        m.put("statement", describe());
        return m;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
