package io.marquee.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.domain.Movie;
import io.marquee.core.domain.Rating;
import io.marquee.core.domain.User;
import io.marquee.core.domain.WatchEvent;
import io.marquee.core.survey.Survey;
import io.marquee.core.survey.SurveyQuestion;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statistics a small default-model run (2,000 viewers × 500 films) must show; the ranges are
 * the ones documented in docs/generator.md.
 */
class SyntheticDataStatisticsTest {
    private static GeneratedData data;

    @BeforeAll
    static void generate() {
        data = new GeneratedData(GeneratorParams.defaults().withUsers(2_000).withMovies(500));
    }

    @Test
    void every_viewer_and_film_is_sent_once_with_ids_from_one() {
        assertThat(data.rows.users).extracting(User::id).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 2_000).boxed().toList());
        assertThat(data.rows.movies).extracting(Movie::id).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 500).boxed().toList());
        assertThat(data.rows.watches).extracting(WatchEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void viewers_watch_about_the_configured_mean_number_of_films() {
        double perUser = data.originalEvents().size() / 2_000.0;
        assertThat(perUser).isBetween(18.0, 22.0);
    }

    @Test
    void films_have_unique_titles_one_to_three_genres_and_genre_typical_runtimes() {
        assertThat(data.rows.movies).extracting(Movie::title).doesNotHaveDuplicates();
        assertThat(data.rows.movies).allSatisfy(m -> {
            assertThat(m.genres()).hasSizeBetween(1, 3).allMatch(SyntheticGenerator.GENRES::contains);
            assertThat(m.runtimeMinutes()).isBetween(60, 240);
            assertThat(m.year()).isBetween(1920, 2023);
        });
        double animation = meanRuntime("Animation");
        double drama = meanRuntime("Drama");
        assertThat(animation).isLessThan(drama - 10);
        long recent = data.rows.movies.stream().filter(m -> m.year() >= 2010).count();
        assertThat(recent).isGreaterThan(data.rows.movies.size() / 2);
    }

    private static double meanRuntime(String genre) {
        return data.rows.movies.stream().filter(m -> m.genres().get(0).equals(genre) && m.genres().size() == 1)
                .mapToInt(Movie::runtimeMinutes).average().orElseThrow();
    }

    @Test
    void ratings_have_a_movielens_like_mean_and_spread_on_a_one_to_five_scale() {
        double[] values = data.rows.ratings.stream().mapToDouble(Rating::value).toArray();
        assertThat(java.util.Arrays.stream(values).allMatch(v -> v == Math.rint(v) && v >= 1 && v <= 5)).isTrue();
        assertThat(GeneratedData.mean(values)).isBetween(3.3, 3.8);
        assertThat(GeneratedData.sd(values)).isBetween(0.9, 1.2);
    }

    @Test
    void each_viewer_rates_a_film_at_most_once_and_only_after_watching_it() {
        Set<String> pairs = new HashSet<>();
        for (Rating r : data.rows.ratings) {
            assertThat(pairs.add(r.userId() + "/" + r.movieId())).as("rating %s", r).isTrue();
            assertThat(data.viewBefore(r)).as("view before %s", r).isNotNull();
        }
    }

    @Test
    void ratings_are_more_likely_and_higher_after_completed_views() {
        Map<Boolean, List<Double>> valuesByCompletion = new HashMap<>();
        for (Rating r : data.rows.ratings) {
            WatchEvent view = data.viewBefore(r);
            valuesByCompletion.computeIfAbsent(view.completed(), k -> new ArrayList<>()).add((double) r.value());
        }
        List<WatchEvent> events = data.originalEvents();
        long completed = events.stream().filter(WatchEvent::completed).count();
        long dropped = events.size() - completed;
        double rateCompleted = valuesByCompletion.get(true).size() / (double) completed;
        double rateDropped = valuesByCompletion.get(false).size() / (double) dropped;
        assertThat(rateCompleted).isGreaterThan(2 * rateDropped);
        double meanCompleted = valuesByCompletion.get(true).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double meanDropped = valuesByCompletion.get(false).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(meanCompleted).isGreaterThan(meanDropped + 0.5);
    }

    @Test
    void about_a_quarter_to_a_third_of_views_are_dropped() {
        assertThat(data.dropShare()).isBetween(0.2, 0.4);
    }

    @Test
    void truth_probabilities_lie_in_the_open_unit_interval_and_average_to_the_drop_off_share() {
        assertThat(data.rows.truths).hasSameSizeAs(data.rows.watches);
        assertThat(data.truth.keySet()).hasSameSizeAs(data.rows.watches);
        double[] p = data.rows.truths.stream().mapToDouble(t -> t.probability()).toArray();
        assertThat(java.util.Arrays.stream(p).allMatch(x -> x > 0 && x < 1)).isTrue();
        double meanOriginal = data.originalEvents().stream().mapToDouble(w -> data.truth.get(w.id())).average().orElseThrow();
        assertThat(meanOriginal).isCloseTo(data.dropShare(), within(0.02));
    }

    @Test
    void completed_views_watch_at_least_ninety_percent_and_dropped_views_less() {
        for (WatchEvent w : data.cleanEvents()) {
            if (w.completed()) {
                assertThat(w.watchedMinutes()).as("%s", w).isGreaterThanOrEqualTo(0.9f * w.runtimeMinutes() - 0.01f)
                        .isLessThanOrEqualTo(w.runtimeMinutes());
            } else {
                assertThat(w.watchedMinutes()).as("%s", w).isGreaterThan(0).isLessThan(0.9f * w.runtimeMinutes());
            }
        }
    }

    @Test
    void early_drop_offs_are_more_common_than_late_ones() {
        long early = 0;
        long late = 0;
        for (WatchEvent w : data.cleanEvents()) {
            if (!w.completed()) {
                double f = w.watchedMinutes() / w.runtimeMinutes();
                if (f < 0.3) {
                    early++;
                } else if (f >= 0.6) {
                    late++;
                }
            }
        }
        assertThat(early).isGreaterThan(2 * late);
    }

    @Test
    void popularity_is_skewed_so_the_top_tenth_of_films_gets_forty_percent_of_views() {
        Map<Long, Integer> views = new HashMap<>();
        for (WatchEvent w : data.originalEvents()) {
            views.merge(w.movieId(), 1, Integer::sum);
        }
        long top = views.values().stream().sorted(Comparator.reverseOrder()).limit(50).mapToLong(Integer::longValue).sum();
        assertThat(top / (double) data.originalEvents().size()).isGreaterThanOrEqualTo(0.4);
    }

    @Test
    void views_follow_an_evening_peak_and_a_weekend_rhythm() {
        int[] hours = new int[24];
        int[] days = new int[7];
        for (WatchEvent w : data.originalEvents()) {
            ZonedDateTime t = Instant.ofEpochSecond(w.startedAt()).atZone(ZoneOffset.UTC);
            hours[t.getHour()]++;
            days[t.getDayOfWeek().getValue() - 1]++;
        }
        int evening = hours[19] + hours[20] + hours[21] + hours[22];
        assertThat(evening).isGreaterThan(data.originalEvents().size() * 4 / 10);
        assertThat(hours[21]).isGreaterThan(3 * hours[10]);
        assertThat(hours[0] + hours[1]).isGreaterThan(hours[5] + hours[6]);
        double weekday = (days[0] + days[1] + days[2] + days[3]) / 4.0;
        double weekend = (days[DayOfWeek.FRIDAY.ordinal()] + days[DayOfWeek.SATURDAY.ordinal()]
                + days[DayOfWeek.SUNDAY.ordinal()]) / 3.0;
        assertThat(weekend).isGreaterThan(1.2 * weekday);
        long start = data.params.startDate().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        assertThat(data.rows.watches).allMatch(w -> w.startedAt() >= start && w.startedAt() < start + 730 * 86_400L);
        assertThat(data.rows.watches).allMatch(w -> SyntheticGenerator.DEVICES.contains(w.device()));
    }

    @Test
    void dirty_data_shares_are_roughly_as_configured() {
        double missingAge = data.usersWithoutAge() / 2_000.0;
        assertThat(missingAge).isBetween(0.01, 0.03);
        int originals = data.originalEvents().size();
        assertThat(data.absurdIds.size() / (double) originals).isBetween(0.006, 0.014);
        assertThat(data.duplicateIds.size() / (double) originals).isBetween(0.006, 0.014);
        assertThat(data.rows.watches.stream().filter(w -> data.absurdIds.contains(w.id()))
                .anyMatch(w -> w.watchedMinutes() < 0)).isTrue();
    }

    @Test
    void no_dirty_data_is_made_when_its_shares_are_zero() {
        GeneratedData clean = new GeneratedData(GeneratorParams.defaults().withUsers(500).withMovies(200)
                .withDirtyShares(0, 0, 0));
        assertThat(clean.usersWithoutAge()).isZero();
        assertThat(clean.absurdIds).isEmpty();
        assertThat(clean.duplicateIds).isEmpty();
    }

    @Test
    void survey_answers_are_valid_and_every_required_question_is_answered() {
        Survey survey = Survey.load();
        for (var r : data.rows.survey) {
            survey.validate(r.question(), r.answer());
        }
        for (User u : data.rows.users) {
            Map<String, String> answers = data.answers.get(u.id());
            survey.validateResponse(answers);
        }
        long optionalQuestions = survey.questions().stream().filter(q -> !q.required()).count();
        long requiredQuestions = survey.questions().stream().filter(SurveyQuestion::required).count();
        double answered = data.rows.survey.size() / 2_000.0;
        assertThat(answered).isBetween(requiredQuestions + 0.85 * optionalQuestions, (double) survey.questions().size());
    }

    @Test
    void viewers_who_say_they_finish_films_drop_fewer() {
        List<double[]> perUser = new ArrayList<>(); // {dropShare, saysFinishes}
        Map<Long, int[]> counts = new HashMap<>();
        for (WatchEvent w : data.originalEvents()) {
            int[] c = counts.computeIfAbsent(w.userId(), k -> new int[2]);
            c[0]++;
            c[1] += w.completed() ? 0 : 1;
        }
        counts.forEach((user, c) -> {
            if (c[0] >= 5) {
                perUser.add(new double[] {c[1] / (double) c[0],
                        "true".equals(data.answers.get(user).get("finishes_films")) ? 1 : 0});
            }
        });
        perUser.sort(Comparator.comparingDouble(a -> a[0]));
        int half = perUser.size() / 2;
        double lowDroppers = perUser.subList(0, half).stream().mapToDouble(a -> a[1]).average().orElseThrow();
        double highDroppers = perUser.subList(half, perUser.size()).stream().mapToDouble(a -> a[1]).average().orElseThrow();
        assertThat(lowDroppers).isGreaterThan(highDroppers + 0.1);
    }

    @Test
    void viewers_watch_more_of_the_genres_they_name_as_favourites() {
        Map<Long, Movie> movies = new HashMap<>();
        data.rows.movies.forEach(m -> movies.put(m.id(), m));
        double liftSum = 0;
        int higher = 0;
        for (int g = 0; g < Genres.COUNT; g++) {
            String name = Genres.NAMES.get(g);
            String choice = Genres.CHOICE_IDS[g];
            long[] named = new long[2];
            long[] others = new long[2];
            for (WatchEvent w : data.originalEvents()) {
                boolean names = List.of(data.answers.get(w.userId()).get("favourite_genres").split("\\|")).contains(choice);
                long[] counts = names ? named : others;
                counts[0]++;
                if (movies.get(w.movieId()).genres().contains(name)) {
                    counts[1]++;
                }
            }
            double lift = (named[1] / (double) named[0]) / (others[1] / (double) others[0]);
            liftSum += lift;
            if (lift > 1.1) {
                higher++;
            }
        }
        assertThat(liftSum / Genres.COUNT).isGreaterThan(1.3);
        assertThat(higher).isGreaterThanOrEqualTo(15);
    }

    @Test
    void device_and_age_band_answers_mostly_agree_with_behaviour_and_profile() {
        Map<Long, Map<String, Integer>> devices = new HashMap<>();
        for (WatchEvent w : data.originalEvents()) {
            devices.computeIfAbsent(w.userId(), k -> new HashMap<>()).merge(w.device(), 1, Integer::sum);
        }
        int deviceAgrees = 0;
        int ageAgrees = 0;
        int withAge = 0;
        for (User u : data.rows.users) {
            Map<String, String> a = data.answers.get(u.id());
            String mostUsed = devices.get(u.id()).entrySet().stream().max(Map.Entry.comparingByValue())
                    .orElseThrow().getKey();
            if (mostUsed.equals(a.get("usual_device"))) {
                deviceAgrees++;
            }
            if (u.age() != null) {
                withAge++;
                if (a.get("age_band").equals(AGE_BANDS[ViewerSimulator.ageBand(u.age())])) {
                    ageAgrees++;
                }
            }
        }
        assertThat(deviceAgrees / 2_000.0).isGreaterThan(0.5);
        assertThat(ageAgrees / (double) withAge).isGreaterThan(0.9);
    }

    private static final String[] AGE_BANDS = {"under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus"};
}
