package io.marquee.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.InvalidInputException;
import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GeneratorParamsTest {
    private static final GeneratorParams D = GeneratorParams.defaults();

    @Test
    void defaults_describe_a_two_year_run_of_ten_thousand_viewers() {
        assertThat(D.users()).isEqualTo(10_000);
        assertThat(D.movies()).isEqualTo(2_000);
        assertThat(D.days()).isEqualTo(730);
        assertThat(D.meanEventsPerUser()).isEqualTo(20.0);
        assertThat(D.missingAgeShare()).isBetween(0.0, 0.03);
        assertThat(D.absurdDurationShare()).isBetween(0.0, 0.03);
        assertThat(D.duplicateEventShare()).isBetween(0.0, 0.03);
    }

    static Stream<Arguments> badParams() {
        return Stream.of(
                Arguments.of("users", "0", (Supplier<GeneratorParams>) () -> D.withUsers(0)),
                Arguments.of("movies", "-3", (Supplier<GeneratorParams>) () -> D.withMovies(-3)),
                Arguments.of("meanEventsPerUser", "NaN", (Supplier<GeneratorParams>) () -> D.withMeanEventsPerUser(Double.NaN)),
                Arguments.of("startDate", "null", (Supplier<GeneratorParams>) () -> D.withPeriod(null, 730)),
                Arguments.of("days", "0", (Supplier<GeneratorParams>) () -> D.withPeriod(LocalDate.of(2023, 1, 1), 0)),
                Arguments.of("latentRank", "0", (Supplier<GeneratorParams>) () -> D.withLatentRank(0)),
                Arguments.of("ratingNoise", "-0.1", (Supplier<GeneratorParams>) () -> D.withRatingNoise(-0.1)),
                Arguments.of("popularityExponent", "Infinity",
                        (Supplier<GeneratorParams>) () -> D.withPopularityExponent(Double.POSITIVE_INFINITY)),
                Arguments.of("dropoffIntercept", "NaN", (Supplier<GeneratorParams>) () -> D.withDropoffIntercept(Double.NaN)),
                Arguments.of("ratingProbabilityCompleted", "1.5",
                        (Supplier<GeneratorParams>) () -> D.withRatingProbabilities(1.5, 0.1)),
                Arguments.of("ratingProbabilityDropped", "-0.2",
                        (Supplier<GeneratorParams>) () -> D.withRatingProbabilities(0.4, -0.2)),
                Arguments.of("missingAgeShare", "1.2", (Supplier<GeneratorParams>) () -> D.withDirtyShares(1.2, 0, 0)),
                Arguments.of("absurdDurationShare", "0.9", (Supplier<GeneratorParams>) () -> D.withDirtyShares(0, 0.9, 0)),
                Arguments.of("duplicateEventShare", "-0.01",
                        (Supplier<GeneratorParams>) () -> D.withDirtyShares(0, 0, -0.01)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badParams")
    void a_bad_value_is_rejected_with_the_field_name_and_value(String field, String value,
                                                              Supplier<GeneratorParams> make) {
        assertThatThrownBy(make::get)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(field + " must be")
                .hasMessageContaining("was " + value);
    }

    @Test
    void zero_dirty_shares_are_allowed() {
        assertThat(D.withDirtyShares(0, 0, 0).duplicateEventShare()).isZero();
    }

    @Test
    void the_fingerprint_is_stable_and_changes_with_any_parameter() {
        assertThat(D.fingerprint()).matches("[0-9a-f]{64}").isEqualTo(GeneratorParams.defaults().fingerprint());
        assertThat(D.withSeed(43).fingerprint()).isNotEqualTo(D.fingerprint());
        assertThat(D.withDirtyShares(0.02, 0.01, 0.02).fingerprint()).isNotEqualTo(D.fingerprint());
        assertThat(D.withPeriod(LocalDate.of(2023, 1, 2), 730).fingerprint()).isNotEqualTo(D.fingerprint());
    }

    @Test
    void the_map_and_summary_name_every_parameter() {
        assertThat(D.toMap()).hasSize(GeneratorParams.class.getRecordComponents().length)
                .containsEntry("users", 10_000).containsEntry("seed", 42L).containsEntry("startDate", "2023-01-01");
        assertThat(D.summary()).startsWith("synthetic v1: users=10000 movies=2000 seed=42");
        assertThat(D.canonical()).startsWith("marquee-synthetic/v1;users=10000;");
    }
}
