package io.marquee.predict.dropoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.data.Dataset;
import io.marquee.core.data.DatasetBuilder;
import io.marquee.core.data.WatchLog;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.progress.Progress;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import io.marquee.predict.classify.Algo;
import io.marquee.predict.table.Table;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropoffTaskTest {
    private static Dataset small;
    private static Dataset tiny;
    private static DropoffTask.Result trainedSmall;

    @TempDir
    Path dir;

    static Dataset generate(int users, long seed) {
        DatasetBuilder b = new DatasetBuilder();
        SyntheticGenerator.generate(GeneratorParams.defaults().withUsers(users).withMovies(500).withSeed(seed), b,
                Progress.NONE);
        return b.build();
    }

    @BeforeAll
    static void data() {
        small = generate(3000, 42);
        tiny = generate(400, 7);
        trainedSmall = DropoffTask.train(small, DropoffParams.defaults());
    }

    @Test
    void on_3000_synthetic_viewers_the_test_auc_is_at_least_0_9_of_the_oracle_auc() {
        DropoffEvaluation e = trainedSmall.evaluation();
        System.out.printf("drop-off on 3,000 viewers: test ROC-AUC %.4f, oracle %.4f, ratio %.4f%n",
                e.test().rocAuc(), e.oracleAuc(), e.aucRatio());
        assertThat(e.oracleAuc()).isBetween(0.65, 0.85);
        assertThat(e.aucRatio()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.counts().get("absurd_left_out")).isPositive();
        assertThat(e.counts().get("duplicates_left_out")).isPositive();
        assertThat(e.toMap()).containsKeys("test", "oracle_roc_auc", "roc_auc_over_oracle", "calibration", "split");
    }

    @Test
    void the_split_is_by_time_and_the_test_is_the_last_fifth_of_clean_events() {
        DropoffExamples ex = DropoffExamples.build(tiny, DropoffParams.defaults());
        long[] start = new long[ex.size()];
        for (int j = 0; j < ex.size(); j++) {
            start[j] = tiny.watches().startedAt(ex.events()[j]);
        }
        for (int j = 1; j < start.length; j++) {
            assertThat(start[j]).isGreaterThanOrEqualTo(start[j - 1]);
            assertThat(ex.split()[j]).isGreaterThanOrEqualTo(ex.split()[j - 1]);
        }
        double testShare = ex.rows(DropoffExamples.TEST).length / (double) ex.size();
        assertThat(testShare).isBetween(0.19, 0.21);
        assertThat(ex.absurd() + ex.duplicates() + ex.size()).isEqualTo(tiny.watches().size());
    }

    @Test
    void the_label_is_watching_less_than_the_drop_threshold_of_the_runtime() {
        DropoffExamples ex = DropoffExamples.build(tiny, DropoffParams.defaults());
        WatchLog w = tiny.watches();
        for (int j = 0; j < ex.size(); j++) {
            int k = ex.events()[j];
            assertThat(ex.labels()[j]).isEqualTo(w.watchedMinutes(k) < 0.9 * w.runtimeMinutes(k) - 1e-3);
            assertThat(ex.labels()[j]).isEqualTo(!w.completed(k)); // clean generated rows agree with the flag
        }
        DropoffExamples half = DropoffExamples.build(tiny, DropoffParams.defaults().withDropThreshold(0.5));
        int a = 0;
        int b = 0;
        for (int j = 0; j < ex.size(); j++) {
            a += ex.labels()[j] ? 1 : 0;
            b += half.labels()[j] ? 1 : 0;
        }
        assertThat(b).isLessThan(a);
    }

    @Test
    void features_of_an_event_do_not_change_when_later_outcomes_change() {
        DropoffParams p = DropoffParams.defaults();
        DropoffExamples ex = DropoffExamples.build(tiny, p);
        // a cut inside the test period, so that the fit-period priors are the same in both runs
        long cut = ex.testStart() + 86_400L * 20;
        WatchLog w = tiny.watches();
        float[] minutes = w.watchedMinutesArray().clone();
        boolean[] completed = w.completedArray().clone();
        for (int k = 0; k < w.size(); k++) {
            if (w.startedAt(k) >= cut && minutes[k] >= 0 && minutes[k] <= 5 * w.runtimeMinutes(k)) {
                boolean wasDropped = minutes[k] < 0.9 * w.runtimeMinutes(k);
                minutes[k] = wasDropped ? w.runtimeMinutes(k) : 0.1f * w.runtimeMinutes(k); // flip the outcome
                completed[k] = wasDropped;
            }
        }
        Dataset flipped = withOutcomes(tiny, minutes, completed);
        DropoffExamples ex2 = DropoffExamples.build(flipped, p);
        Table a = ex.table();
        Table b = ex2.table();
        int before = 0;
        int changedAfter = 0;
        for (int j = 0; j < ex.size(); j++) {
            boolean earlier = w.startedAt(ex.events()[j]) < cut;
            boolean same = sameRow(a, b, j);
            if (earlier) {
                assertThat(same).as("row %d before the cut", j).isTrue();
                before++;
            } else if (!same) {
                changedAfter++;
            }
        }
        assertThat(before).isPositive();
        assertThat(changedAfter).as("later rows do see earlier flipped outcomes").isPositive();
    }

    @Test
    void an_events_own_outcome_never_reaches_its_own_features() {
        DropoffParams p = DropoffParams.defaults();
        DropoffExamples ex = DropoffExamples.build(tiny, p);
        int j = ex.size() - 10; // a test event
        int k = ex.events()[j];
        WatchLog w = tiny.watches();
        float[] minutes = w.watchedMinutesArray().clone();
        boolean[] completed = w.completedArray().clone();
        minutes[k] = ex.labels()[j] ? w.runtimeMinutes(k) : 1f;
        completed[k] = ex.labels()[j];
        DropoffExamples ex2 = DropoffExamples.build(withOutcomes(tiny, minutes, completed), p);
        assertThat(ex2.labels()[j]).isNotEqualTo(ex.labels()[j]);
        assertThat(sameRow(ex.table(), ex2.table(), j)).isTrue();
    }

    private static boolean sameRow(Table a, Table b, int r) {
        for (int c = 0; c < a.schema().size(); c++) {
            if (!a.text(r, c).equals(b.text(r, c))) {
                return false;
            }
        }
        return true;
    }

    static Dataset withOutcomes(Dataset d, float[] minutes, boolean[] completed) {
        WatchLog w = d.watches();
        long[] ids = new long[w.size()];
        byte[] dev = new byte[w.size()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = w.eventId(k);
            dev[k] = (byte) w.deviceNames().indexOf(w.device(k));
        }
        WatchLog changed = new WatchLog(ids, w.userArray(), w.itemArray(), w.startedAtArray(), minutes,
                w.runtimeMinutesArray(), dev, w.deviceNames(), completed, w.trueDropoffArray());
        return new Dataset(d.catalogue(), d.viewers(), d.ratings(), changed);
    }

    @Test
    void a_viewer_with_only_survey_answers_gets_a_prediction_per_film() {
        DropoffPredictor predictor = trainedSmall.model().predictor(small);
        Map<String, String> answers = new HashMap<>();
        answers.put("favourite_genres", "horror|sci_fi");
        answers.put("weekly_hours", "6.5");
        answers.put("usual_device", "mobile");
        answers.put("preferred_time", "late_night");
        answers.put("finishes_films", "false");
        answers.put("age_band", "18_24");
        long[] films = {1, 2, 3, 4, 5};
        List<FilmPrediction> out = predictor.forProfile(answers, films,
                new PredictionContext(Instant.parse("2025-01-10T23:30:00Z"), null));
        assertThat(out).hasSize(5);
        assertThat(out).extracting(FilmPrediction::filmId).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(out).allSatisfy(f -> {
            assertThat(f.probability()).isBetween(0.0, 1.0);
            assertThat(f.label()).isEqualTo(f.dropOff() ? "drop_off" : "complete");
        });
        // an impatient late-night phone viewer is more likely to drop off than a patient evening TV viewer
        Map<String, String> patient = new HashMap<>(answers);
        patient.put("usual_device", "tv");
        patient.put("finishes_films", "true");
        patient.put("preferred_time", "evening");
        patient.put("age_band", "55_64");
        double impatient = mean(out);
        double calm = mean(predictor.forProfile(patient, films,
                new PredictionContext(Instant.parse("2025-01-10T20:30:00Z"), null)));
        assertThat(impatient).isGreaterThan(calm);
    }

    private static double mean(List<FilmPrediction> l) {
        return l.stream().mapToDouble(FilmPrediction::probability).average().orElseThrow();
    }

    @Test
    void survey_answers_are_checked_and_unknown_ids_are_not_found() {
        DropoffPredictor predictor = trainedSmall.model().predictor(small);
        Map<String, String> bad = new HashMap<>();
        bad.put("favourite_genres", "horror");
        bad.put("weekly_hours", "lots");
        assertThatThrownBy(() -> predictor.forProfile(bad, new long[] {1}, PredictionContext.now()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("weekly_hours")
                .hasMessageContaining("'lots'");
        assertThatThrownBy(() -> predictor.forUser(999_999, new long[] {1}, PredictionContext.now()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("999999");
        assertThatThrownBy(() -> predictor.forUser(1, new long[] {123_456}, PredictionContext.now()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("123456");
        assertThatThrownBy(() -> predictor.forUser(1, new long[0], PredictionContext.now()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_known_viewers_history_changes_the_prediction() {
        DropoffPredictor predictor = trainedSmall.model().predictor(small);
        PredictionContext ctx = new PredictionContext(Instant.parse("2025-01-10T20:30:00Z"), "tv");
        List<FilmPrediction> known = predictor.forUser(1, new long[] {1, 2, 3}, ctx);
        assertThat(known).hasSize(3);
        assertThat(known).allSatisfy(f -> assertThat(f.probability()).isBetween(0.0, 1.0));
    }

    @Test
    void a_saved_model_predicts_what_the_trained_one_did() {
        Path saved = trainedSmall.model().save(dir.resolve("dropoff"));
        DropoffModel back = DropoffModel.load(saved);
        PredictionContext ctx = new PredictionContext(Instant.parse("2025-01-10T20:30:00Z"), "mobile");
        long[] films = {10, 20, 30, 40};
        assertThat(back.predictor(small).forUser(5, films, ctx))
                .isEqualTo(trainedSmall.model().predictor(small).forUser(5, films, ctx));
        assertThat(back.threshold()).isEqualTo(trainedSmall.model().threshold());
        assertThat(back.evaluation()).containsKey("roc_auc_over_oracle");
    }

    @Test
    void the_same_seed_gives_identical_probabilities() {
        DropoffParams p = DropoffParams.defaults().withAlgo(Algo.GBDT, Map.of("rounds", "30", "nthread", "1"));
        DropoffModel a = DropoffTask.train(tiny, p).model();
        DropoffModel b = DropoffTask.train(tiny, p).model();
        Table t = DropoffExamples.build(tiny, p).table();
        assertThat(a.tabular().predictProba(t)).containsExactly(b.tabular().predictProba(t));
    }

    @Test
    void bad_params_and_too_little_data_are_refused() {
        assertThatThrownBy(() -> DropoffParams.defaults().withDropThreshold(1.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dropThreshold")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> DropoffParams.defaults().withOverrides(Map.of("depth", "3")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'depth'");
        DatasetBuilder b = new DatasetBuilder();
        b.movie(new io.marquee.core.domain.Movie(1, "A film", 2020, 100, List.of("Drama")));
        b.user(new io.marquee.core.domain.User(1, 30, "F", "other", "nz"));
        for (int k = 0; k < 5; k++) {
            b.watch(new io.marquee.core.domain.WatchEvent(k + 1, 1, 1, 1_700_000_000L + k * 86_400L, 50f, 100, "tv",
                    false));
        }
        Dataset few = b.build();
        assertThatThrownBy(() -> DropoffTask.train(few, DropoffParams.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("clean watch events");
    }

    @Test
    void favourite_genre_choices_map_to_catalogue_genres() {
        List<String> names = List.of("Action", "Sci-Fi", "Film-Noir", "Children's");
        assertThat(SurveyProfile.genreOf("sci_fi", names)).isEqualTo(1);
        assertThat(SurveyProfile.genreOf("film_noir", names)).isEqualTo(2);
        assertThat(SurveyProfile.genreOf("children", names)).isEqualTo(3);
        assertThat(SurveyProfile.genreOf("western", names)).isEqualTo(-1);
    }
}
