package io.marquee.cli;

import io.marquee.core.synth.GeneratorParams;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The generator's parameters as command-line options; unset options keep the defaults. */
final class GeneratorOptions {
    @Option(names = "--users", paramLabel = "N", description = "Viewers to generate (default: 10000).")
    Integer users;

    @Option(names = "--movies", paramLabel = "N", description = "Films to generate (default: 2000).")
    Integer movies;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same seed gives the same data (default: 42).")
    Long seed;

    @Option(names = "--events-per-user", paramLabel = "X", description = "Mean watch events per viewer (default: 20).")
    Double eventsPerUser;

    @Option(names = "--start", paramLabel = "DATE", description = "First day of the viewing period, yyyy-MM-dd (default: 2023-01-01).")
    LocalDate start;

    @Option(names = "--days", paramLabel = "N", description = "Length of the viewing period in days (default: 730).")
    Integer days;

    @Option(names = "--missing-age-share", paramLabel = "P", description = "Share of viewers without an age (default: 0.02).")
    Double missingAgeShare;

    @Option(names = "--absurd-duration-share", paramLabel = "P", description = "Share of events with absurd watched minutes (default: 0.01).")
    Double absurdDurationShare;

    @Option(names = "--duplicate-share", paramLabel = "P", description = "Share of events logged twice (default: 0.01).")
    Double duplicateShare;

    /** The defaults with every option the user gave applied. */
    GeneratorParams params(GeneratorParams base) {
        GeneratorParams p = base;
        if (users != null) {
            p = p.withUsers(users);
        }
        if (movies != null) {
            p = p.withMovies(movies);
        }
        if (seed != null) {
            p = p.withSeed(seed);
        }
        if (eventsPerUser != null) {
            p = p.withMeanEventsPerUser(eventsPerUser);
        }
        if (start != null || days != null) {
            p = p.withPeriod(start != null ? start : p.startDate(), days != null ? days : p.days());
        }
        if (missingAgeShare != null || absurdDurationShare != null || duplicateShare != null) {
            p = p.withDirtyShares(
                    missingAgeShare != null ? missingAgeShare : p.missingAgeShare(),
                    absurdDurationShare != null ? absurdDurationShare : p.absurdDurationShare(),
                    duplicateShare != null ? duplicateShare : p.duplicateEventShare());
        }
        return p;
    }
}
