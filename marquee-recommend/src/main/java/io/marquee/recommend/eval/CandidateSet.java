package io.marquee.recommend.eval;

import io.marquee.core.error.InvalidInputException;
import java.util.Locale;

/**
 * Which items a user's ranked list is drawn from during evaluation. Items the user rated in the
 * training set are never candidates.
 */
public sealed interface CandidateSet permits CandidateSet.AllUnrated, CandidateSet.TestPlusSampledNegatives {
    /** Every item the user has not rated in train: the full-ranking protocol. */
    CandidateSet ALL_UNRATED = new AllUnrated();

    /** The accepted forms of {@link #parse}, for help texts and error messages. */
    String SYNTAX = "all-unrated or sampled:N";

    /** The user's test items plus {@code negatives} sampled unrated items. */
    static CandidateSet testPlusSampledNegatives(int negatives, long seed) {
        return new TestPlusSampledNegatives(negatives, seed);
    }

    /**
     * Parses {@code all-unrated} (also {@code all}) or {@code sampled:N} (test items plus N sampled
     * negatives, drawn with {@code seed}).
     */
    static CandidateSet parse(String spec, long seed) {
        String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("all-unrated") || s.equals("all") || s.equals("all_unrated")) {
            return ALL_UNRATED;
        }
        if (s.startsWith("sampled:")) {
            String n = s.substring("sampled:".length()).strip();
            try {
                return new TestPlusSampledNegatives(Integer.parseInt(n), seed);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("candidates '" + spec + "': the number of negatives must be a whole"
                        + " number >= 1, was '" + n + "'");
            }
        }
        throw new InvalidInputException("candidates must be " + SYNTAX + ", was '" + spec + "'");
    }

    /** Short id for reports, e.g. {@code all-unrated}, {@code sampled:100}. */
    String id();

    /** The candidate set in words. */
    String describe();

    /** Every item the user has not rated in the training set; the user's test items are among them. */
    record AllUnrated() implements CandidateSet {
        @Override
        public String id() {
            return "all-unrated";
        }

        @Override
        public String describe() {
            return "every item the user has not rated in the training set (the user's test items compete with all"
                    + " other unrated items)";
        }
    }

    /**
     * The user's test items plus {@code negatives} items drawn uniformly without replacement from
     * those the user rated neither in train nor in test (all of them when there are fewer). The
     * draw depends only on the seed, the fold and the user, so it is the same however users are
     * scheduled.
     *
     * @param negatives sampled items per user, at least 1
     * @param seed      seed of the draws
     */
    record TestPlusSampledNegatives(int negatives, long seed) implements CandidateSet {
        public TestPlusSampledNegatives {
            if (negatives < 1) {
                throw InvalidInputException.of("negatives", negatives, "at least 1");
            }
        }

        @Override
        public String id() {
            return "sampled:" + negatives;
        }

        @Override
        public String describe() {
            return "the user's test items plus " + negatives + " items drawn uniformly (seed " + seed
                    + ") from those the user rated neither in train nor in test";
        }
    }
}
