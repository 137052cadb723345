package io.marquee.core.synth;

import io.marquee.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parameters of the {@link SyntheticGenerator}. The same parameters (seed included) always give
 * the same rows. The generative model these parameters feed is described in {@code docs/generator.md}.
 *
 * @param users                       number of viewers (ids 1..users)
 * @param movies                      number of films (ids 1..movies)
 * @param seed                        seed of every random draw
 * @param meanEventsPerUser           mean number of watch events per viewer (activity is log-normal
 *                                    around it; every viewer has at least one event)
 * @param startDate                   first day of the viewing period (times are UTC epoch seconds
 *                                    that stand for the viewer's local clock)
 * @param days                        length of the viewing period in days
 * @param latentRank                  dimension of the latent taste vectors of viewers and films
 * @param ratingNoise                 standard deviation of the rating noise before rounding
 * @param popularityExponent          Zipf exponent of film popularity (0: all films equally popular)
 * @param dropoffIntercept            β0 of the drop-off logit; the default −1.0 gives about 27 % drop-offs
 * @param ratingProbabilityCompleted  chance that a viewer rates a film after a completed view
 * @param ratingProbabilityDropped    chance that a viewer rates a film after abandoning it
 * @param missingAgeShare             share of viewers whose age is left out (dirty data)
 * @param absurdDurationShare         share of watch events whose watched minutes are replaced by an
 *                                    absurd value: negative or more than five times the runtime
 * @param duplicateEventShare         share of watch events logged twice (same viewer, film and
 *                                    start, new id)
 */
public record GeneratorParams(int users, int movies, long seed, double meanEventsPerUser, LocalDate startDate,
                              int days, int latentRank, double ratingNoise, double popularityExponent,
                              double dropoffIntercept, double ratingProbabilityCompleted,
                              double ratingProbabilityDropped, double missingAgeShare,
                              double absurdDurationShare, double duplicateEventShare) {

    /** Bump when the generative model changes, so that fingerprints of old runs differ from new ones. */
    public static final int MODEL_VERSION = 1;

    public GeneratorParams {
        between("users", users, 1, 10_000_000);
        between("movies", movies, 1, 1_000_000);
        range("meanEventsPerUser", meanEventsPerUser, 0.5, 10_000, "between 0.5 and 10000");
        if (startDate == null) {
            throw InvalidInputException.of("startDate", null, "a date");
        }
        if (startDate.getYear() < 1950 || startDate.getYear() > 2100) {
            throw InvalidInputException.of("startDate", startDate, "a date between 1950 and 2100");
        }
        between("days", days, 1, 36_500);
        between("latentRank", latentRank, 1, 256);
        range("ratingNoise", ratingNoise, 0, 5, "between 0 and 5");
        range("popularityExponent", popularityExponent, 0, 4, "between 0 and 4");
        range("dropoffIntercept", dropoffIntercept, -20, 20, "between -20 and 20");
        range("ratingProbabilityCompleted", ratingProbabilityCompleted, 0, 1, "between 0 and 1");
        range("ratingProbabilityDropped", ratingProbabilityDropped, 0, 1, "between 0 and 1");
        range("missingAgeShare", missingAgeShare, 0, 1, "between 0 and 1");
        range("absurdDurationShare", absurdDurationShare, 0, 0.5, "between 0 and 0.5");
        range("duplicateEventShare", duplicateEventShare, 0, 0.5, "between 0 and 0.5");
    }

    private static void between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw InvalidInputException.of(field, value, "between " + min + " and " + max);
        }
    }

    private static void range(String field, double value, double min, double max, String requirement) {
        if (!(value >= min && value <= max)) { // also rejects NaN
            throw InvalidInputException.of(field, value, requirement);
        }
    }

    /**
     * The default run: 10,000 viewers, 2,000 films, about 20 watch events per viewer over two years
     * from 2023-01-01, rank 8, 1–2 % dirty rows of each kind, seed 42.
     */
    public static GeneratorParams defaults() {
        return new GeneratorParams(10_000, 2_000, 42L, 20.0, LocalDate.of(2023, 1, 1), 730, 8, 0.85, 1.0,
                -1.0, 0.45, 0.10, 0.02, 0.01, 0.01);
    }

    public GeneratorParams withUsers(int value) {
        return new GeneratorParams(value, movies, seed, meanEventsPerUser, startDate, days, latentRank,
                ratingNoise, popularityExponent, dropoffIntercept, ratingProbabilityCompleted,
                ratingProbabilityDropped, missingAgeShare, absurdDurationShare, duplicateEventShare);
    }

    public GeneratorParams withMovies(int value) {
        return new GeneratorParams(users, value, seed, meanEventsPerUser, startDate, days, latentRank,
                ratingNoise, popularityExponent, dropoffIntercept, ratingProbabilityCompleted,
                ratingProbabilityDropped, missingAgeShare, absurdDurationShare, duplicateEventShare);
    }

    public GeneratorParams withSeed(long value) {
        return new GeneratorParams(users, movies, value, meanEventsPerUser, startDate, days, latentRank,
                ratingNoise, popularityExponent, dropoffIntercept, ratingProbabilityCompleted,
                ratingProbabilityDropped, missingAgeShare, absurdDurationShare, duplicateEventShare);
    }

    public GeneratorParams withMeanEventsPerUser(double value) {
        return new GeneratorParams(users, movies, seed, value, startDate, days, latentRank,
                ratingNoise, popularityExponent, dropoffIntercept, ratingProbabilityCompleted,
                ratingProbabilityDropped, missingAgeShare, absurdDurationShare, duplicateEventShare);
    }

    public GeneratorParams withPeriod(LocalDate start, int numberOfDays) {
        return new GeneratorParams(users, movies, seed, meanEventsPerUser, start, numberOfDays, latentRank,
                ratingNoise, popularityExponent, dropoffIntercept, ratingProbabilityCompleted,
                ratingProbabilityDropped, missingAgeShare, absurdDurationShare, duplicateEventShare);
    }

    public GeneratorParams withLatentRank(int value) {
        return new GeneratorParams(users, movies, seed, meanEventsPerUser, startDate, days, value,
                ratingNoise, popularityExponent, dropoffIntercept, ratingProbabilityCompleted,
                ratingProbabilityDropped, missingAgeShare, absurdDurationShare, duplicateEventShare);
    }

    public GeneratorParams withRatingNoise(double value) {
        return new GeneratorParams(users, movies, seed, meanEventsPerUser, startDate, days, latentRank,
                value, popularityExponent, dropoffIntercept, ratingProbabilityCompleted,
                ratingProbabilityDropped, missingAgeShare, absurdDurationShare, duplicateEventShare);
    }

    public GeneratorParams withPopularityExponent(double value) {
        return new GeneratorParams(users, movies, seed, meanEventsPerUser, startDate, days, latentRank,
                ratingNoise, value, dropoffIntercept, ratingProbabilityCompleted,
                ratingProbabilityDropped, missingAgeShare, absurdDurationShare, duplicateEventShare);
    }

    public GeneratorParams withDropoffIntercept(double value) {
        return new GeneratorParams(users, movies, seed, meanEventsPerUser, startDate, days, latentRank,
                ratingNoise, popularityExponent, value, ratingProbabilityCompleted,
                ratingProbabilityDropped, missingAgeShare, absurdDurationShare, duplicateEventShare);
    }

    public GeneratorParams withRatingProbabilities(double afterCompleted, double afterDropped) {
        return new GeneratorParams(users, movies, seed, meanEventsPerUser, startDate, days, latentRank,
                ratingNoise, popularityExponent, dropoffIntercept, afterCompleted, afterDropped,
                missingAgeShare, absurdDurationShare, duplicateEventShare);
    }

    /** The three dirty-data shares at once; {@code (0, 0, 0)} gives clean data. */
    public GeneratorParams withDirtyShares(double missingAge, double absurdDuration, double duplicateEvent) {
        return new GeneratorParams(users, movies, seed, meanEventsPerUser, startDate, days, latentRank,
                ratingNoise, popularityExponent, dropoffIntercept, ratingProbabilityCompleted,
                ratingProbabilityDropped, missingAge, absurdDuration, duplicateEvent);
    }

    /** Every parameter by name, in declaration order (for reports and provenance). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("users", users);
        m.put("movies", movies);
        m.put("seed", seed);
        m.put("meanEventsPerUser", meanEventsPerUser);
        m.put("startDate", startDate.toString());
        m.put("days", days);
        m.put("latentRank", latentRank);
        m.put("ratingNoise", ratingNoise);
        m.put("popularityExponent", popularityExponent);
        m.put("dropoffIntercept", dropoffIntercept);
        m.put("ratingProbabilityCompleted", ratingProbabilityCompleted);
        m.put("ratingProbabilityDropped", ratingProbabilityDropped);
        m.put("missingAgeShare", missingAgeShare);
        m.put("absurdDurationShare", absurdDurationShare);
        m.put("duplicateEventShare", duplicateEventShare);
        return m;
    }

    /** One line for people, e.g. {@code synthetic v1: users=10000 movies=2000 seed=42 …}. */
    public String summary() {
        return "synthetic v" + MODEL_VERSION + ": " + toMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /**
     * The canonical text the fingerprint is taken of: the model version and every parameter in
     * declaration order, numbers in Java's shortest round-trip form.
     */
    public String canonical() {
        return "marquee-synthetic/v" + MODEL_VERSION + ";" + toMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    /** sha256 (hex) of {@link #canonical()}: identifies the data these parameters generate. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
