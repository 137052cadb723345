package io.marquee.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.core.data.Catalogue;
import io.marquee.core.data.Interactions;
import io.marquee.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final double EPS = 1e-6;
    private static final double INV_LOG2_3 = Math.log(2) / Math.log(3);

    /*
     * 3 users × 5 items. Train: u0 rated items 0, 1; u1 items 0, 2; u2 item 1.
     * Test: u0 item 2 (5), item 3 (2) → relevant {2}; u1 item 3 (4), item 4 (5) → relevant {3, 4};
     * u2 item 0 (3) → nothing relevant, skipped by the accuracy metrics.
     */
    private static final Interactions TINY = EvalFixtures.data(3, 5, new double[][] {
        {0, 0, 5}, {0, 1, 3}, {1, 0, 4}, {1, 2, 2}, {2, 1, 4},
        {0, 2, 5}, {0, 3, 2}, {1, 3, 4}, {1, 4, 5}, {2, 0, 3}});
    private static final Split TINY_SPLIT = EvalFixtures.fixed(5, 6, 7, 8, 9);

    /*
     * Scores, also the predicted ratings. With train items excluded the lists are
     * u0: [2, 3, 4] (3 and 4 tie at 3.5: lower index first); u1: [1, 3, 4] (1 at 3.5, then 3 and 4
     * tie at 3.0); u2: [2, 0, 4, 3].
     */
    private static final float[][] TABLE = {
        {4.0f, 3.0f, 4.5f, 3.5f, 3.5f},
        {4.0f, 3.5f, 2.0f, 3.0f, 3.0f},
        {3.0f, 4.0f, 5.0f, 1.0f, 2.0f}};

    private static final Catalogue GENRES = RatingAndListMetricsTest.catalogue(
            new int[][] {{0, 1}, {1}, {2}, {0, 2}, {}});

    private static Catalogue tinyCatalogue() {
        // the same genres on the data's own item index
        int n = TINY.items().size();
        int[][] g = new int[n][];
        String[] titles = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = GENRES.genres(i);
            titles[i] = GENRES.title(i);
        }
        return new Catalogue(TINY.items(), titles, new int[n], new int[n], g, GENRES.genreNames());
    }

    private static Evaluator tinyEvaluator(String metrics) {
        return new Evaluator(TINY_SPLIT, Metrics.parse(metrics), Protocol.defaults()).withCatalogue(tinyCatalogue());
    }

    @Test
    void the_evaluator_on_a_tiny_data_set_gives_the_hand_computed_accuracy_metrics() {
        Evaluation e = tinyEvaluator("precision@2, recall@2, ndcg@2, map@2, mrr, mrr@1, hit@2")
                .evaluate(EvalFixtures.tableTrainer(TABLE), TINY);
        // u0 top 2 [2, 3] with R = {2}; u1 top 2 [1, 3] with R = {3, 4}
        assertThat(e.value("precision@2")).isCloseTo((0.5 + 0.5) / 2, within(EPS));
        assertThat(e.value("recall@2")).isCloseTo((1 + 0.5) / 2, within(EPS));
        assertThat(e.value("ndcg@2")).isCloseTo((1 + INV_LOG2_3 / (1 + INV_LOG2_3)) / 2, within(EPS));
        assertThat(e.value("map@2")).isCloseTo((1 + 0.25) / 2, within(EPS));
        assertThat(e.value("mrr")).isCloseTo((1 + 0.5) / 2, within(EPS));
        assertThat(e.value("mrr@1")).isCloseTo((1 + 0) / 2.0, within(EPS));
        assertThat(e.value("hit@2")).isCloseTo(1, within(EPS));
        assertThat(e.usersWithTest()).isEqualTo(3);
        assertThat(e.usersEvaluated()).isEqualTo(2);
        assertThat(e.usersSkipped()).isEqualTo(1);
        assertThat(e.notes().get(0)).contains("2 user-folds evaluated, 1 of 3 skipped");
    }

    @Test
    void the_evaluator_on_a_tiny_data_set_gives_the_hand_computed_rating_and_list_metrics() {
        Evaluation e = tinyEvaluator("rmse, mae, coverage@2, novelty@2, ild@2")
                .evaluate(EvalFixtures.tableTrainer(TABLE), TINY);
        // errors -0.5, 1.5, -1, -2, 0
        assertThat(e.value("rmse")).isCloseTo(Math.sqrt(7.5 / 5), within(EPS));
        assertThat(e.value("mae")).isCloseTo(1.0, within(EPS));
        // top-2 lists [2, 3], [1, 3], [2, 0] cover items {0, 1, 2, 3} of 5
        assertThat(e.value("coverage@2")).isCloseTo(0.8, within(EPS));
        // 3 training users; items 0 and 1 rated by 2 (0.585 bits), item 2 by 1, item 3 by none (1.585 bits)
        double common = -log2(2.0 / 3);
        double rare = -log2(1.0 / 3);
        double novelty = ((rare + rare) / 2 + (common + rare) / 2 + (rare + common) / 2) / 3;
        assertThat(e.value("novelty@2")).isCloseTo(novelty, within(EPS));
        // J({2},{0,2}) = 1/2; J({1},{0,2}) = 0; J({2},{0,1}) = 0
        assertThat(e.value("ild@2")).isCloseTo((0.5 + 1 + 1) / 3, within(EPS));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void the_evaluation_carries_algorithm_split_protocol_folds_and_a_json_ready_map() {
        Evaluation e = tinyEvaluator("rmse, ndcg@2").evaluate(EvalFixtures.tableTrainer(TABLE), TINY);
        assertThat(e.algorithm()).isEqualTo("table");
        assertThat(e.params()).containsEntry("seed", 0L);
        assertThat(e.split()).isEqualTo("fixed test positions");
        assertThat(e.protocol()).isEqualTo(Protocol.defaults());
        assertThat(e.data().ratings()).isEqualTo(10);
        assertThat(e.data().fingerprint()).isEqualTo(TINY.fingerprint());
        assertThat(e.folds()).hasSize(1);
        FoldResult f = e.folds().get(0);
        assertThat(f.trainSize()).isEqualTo(5);
        assertThat(f.testSize()).isEqualTo(5);
        assertThat(f.fitSeconds()).isNotNegative();
        assertThat(f.predictSeconds()).isNotNegative();
        assertThat(e.std("rmse")).isNaN();
        Map<String, Object> map = e.toMap();
        assertThat(map).containsKeys("algorithm", "params", "split", "protocol", "data", "metrics", "omitted", "users",
                "timing", "folds", "notes", "code_version", "evaluated_at");
        @SuppressWarnings("unchecked")
        Map<String, Object> protocol = (Map<String, Object>) map.get("protocol");
        assertThat(protocol).containsEntry("candidates", "all-unrated").containsEntry("relevance_threshold", 4.0);
        assertThat((String) protocol.get("statement"))
                .contains("every item the user has not rated in the training set")
                .contains("A test item is relevant when its test rating is >= 4.0")
                .contains("users without one are skipped");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> metrics = (Map<String, Map<String, Object>>) map.get("metrics");
        assertThat(metrics.get("rmse")).containsEntry("std", null).containsKey("mean");
        assertThat(metrics.get("rmse").get("folds")).isEqualTo(List.of(e.value("rmse")));
    }

    @Test
    void an_algorithm_spec_with_param_overrides_is_evaluated_and_its_params_recorded() {
        Evaluation e = tinyEvaluator("ndcg@2").evaluate(EvalFixtures.tableSpec(TABLE), Map.of("seed", "5"), TINY);
        assertThat(e.algorithm()).isEqualTo("table");
        assertThat(e.params()).containsEntry("seed", 5L);
        assertThat(e.value("ndcg@2")).isCloseTo((1 + INV_LOG2_3 / (1 + INV_LOG2_3)) / 2, within(EPS));
        assertThatThrownBy(() -> tinyEvaluator("ndcg@2").evaluate(EvalFixtures.tableSpec(TABLE), Map.of("rank", "5"), TINY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown parameter 'rank'");
    }

    @Test
    void an_already_trained_model_is_evaluated_on_one_fold_with_the_same_values() {
        Fold fold = TINY_SPLIT.folds(TINY).get(0);
        FoldResult r = tinyEvaluator("rmse, ndcg@2, coverage@2")
                .evaluateModel(new EvalFixtures.TableModel(fold.train(), TABLE), fold);
        Evaluation e = tinyEvaluator("rmse, ndcg@2, coverage@2").evaluate(EvalFixtures.tableTrainer(TABLE), TINY);
        assertThat(r.values()).isEqualTo(e.folds().get(0).values());
        assertThat(r.fitSeconds()).isZero();
    }

    @Test
    void the_evaluation_map_serialises_to_json_with_jackson() throws Exception {
        Evaluation e = tinyEvaluator(Metrics.DEFAULT).evaluate(EvalFixtures.tableTrainer(TABLE), TINY);
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.readTree(json.writeValueAsString(e.toMap()));
        assertThat(tree.at("/metrics/ndcg@10/mean").asDouble()).isCloseTo(e.value("ndcg@10"), within(1e-12));
        assertThat(tree.at("/metrics/rmse/std").isNull()).isTrue();
        assertThat(tree.at("/users/skipped_no_relevant").asInt()).isEqualTo(1);
        assertThat(tree.at("/folds/0/users_evaluated").asInt()).isEqualTo(2);
        assertThat(tree.at("/protocol/statement").asText()).contains("relevant");
    }

    @Test
    void rating_metrics_are_omitted_with_a_reason_when_the_model_does_not_predict_ratings() {
        Evaluation e = new Evaluator(TINY_SPLIT, Metrics.parse("rmse, precision@2, ild@2"), Protocol.defaults())
                .evaluate(EvalFixtures.popularityTrainer(), TINY);
        assertThat(e.values()).containsOnlyKeys("precision@2");
        assertThat(e.omitted()).containsEntry("rmse", "the model does not predict ratings")
                .containsEntry("ild@2", "no catalogue with genres was given");
        assertThatThrownBy(() -> e.value("rmse")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("omitted: the model does not predict ratings");
        assertThat(e.notes()).anyMatch(n -> n.startsWith("rmse was not computed"));
    }

    @Test
    void the_relevance_threshold_decides_which_users_are_skipped() {
        Protocol everyItem = new Protocol(CandidateSet.ALL_UNRATED, Double.NEGATIVE_INFINITY);
        Evaluation e = new Evaluator(TINY_SPLIT, Metrics.parse("hit@4"), everyItem)
                .evaluate(EvalFixtures.tableTrainer(TABLE), TINY);
        assertThat(e.usersEvaluated()).isEqualTo(3);
        // u2's only test item 0 is second in its list [2, 0, 4, 3]
        assertThat(e.value("hit@4")).isCloseTo(1, within(EPS));
        assertThat(everyItem.describe()).containsIgnoringCase("every test item is relevant");
    }

    @Test
    void sampled_candidates_are_the_test_items_plus_n_items_unrated_in_train_and_test() {
        Interactions data = EvalFixtures.random(30, 60, 0.15, 3);
        Split split = new UserHoldoutSplit(0.3, 1);
        Fold fold = split.folds(data).get(0);
        Recorder recorder = new Recorder();
        Protocol sampled = new Protocol(CandidateSet.testPlusSampledNegatives(5, 77), 4.0);
        new Evaluator(split, List.of(recorder), sampled).withThreads(1).evaluate(EvalFixtures.popularityTrainer(), data);
        assertThat(recorder.lists).isNotEmpty();
        for (UserResult r : recorder.lists) {
            Set<Integer> train = itemsOf(fold.train(), r.user());
            Set<Integer> test = itemsOf(fold.test(), r.user());
            Set<Integer> listed = new HashSet<>();
            Arrays.stream(r.ranking()).forEach(listed::add);
            assertThat(listed).containsAll(test).doesNotContainAnyElementsOf(train);
            listed.removeAll(test);
            assertThat(listed).hasSize(5);
        }
    }

    @Test
    void sampled_candidates_are_the_same_for_the_same_seed_and_any_thread_count() {
        Interactions data = EvalFixtures.random(60, 80, 0.1, 4);
        Split split = new KFoldSplit(3, 5);
        List<List<int[]>> runs = new ArrayList<>();
        for (int[] cfg : new int[][] {{77, 1}, {77, 4}, {78, 4}}) {
            Recorder recorder = new Recorder();
            Protocol p = new Protocol(CandidateSet.testPlusSampledNegatives(10, cfg[0]), 4.0);
            new Evaluator(split, List.of(recorder), p).withThreads(cfg[1]).evaluate(EvalFixtures.popularityTrainer(), data);
            runs.add(recorder.lists.stream().map(UserResult::ranking).toList());
        }
        assertThat(runs.get(1)).usingRecursiveComparison().isEqualTo(runs.get(0));
        assertThat(runs.get(2)).usingRecursiveComparison().isNotEqualTo(runs.get(0));
    }

    @Test
    void the_evaluation_is_identical_for_the_same_seed_whatever_the_thread_count() {
        Interactions data = EvalFixtures.random(120, 50, 0.2, 9);
        List<Metric> metrics = Metrics.parse("precision@5, recall@5, ndcg@5, map@5, mrr, hit@5, coverage@5, novelty@5");
        Evaluation one = new Evaluator(new KFoldSplit(4, 42), metrics, Protocol.defaults()).withThreads(1)
                .evaluate(EvalFixtures.popularityTrainer(), data);
        Evaluation many = new Evaluator(new KFoldSplit(4, 42), metrics, Protocol.defaults()).withThreads(5)
                .evaluate(EvalFixtures.popularityTrainer(), data);
        Evaluation otherSeed = new Evaluator(new KFoldSplit(4, 43), metrics, Protocol.defaults()).withThreads(5)
                .evaluate(EvalFixtures.popularityTrainer(), data);
        assertThat(many.values()).isEqualTo(one.values());
        assertThat(many.std()).isEqualTo(one.std());
        assertThat(many.folds().stream().map(FoldResult::values).toList())
                .isEqualTo(one.folds().stream().map(FoldResult::values).toList());
        assertThat(otherSeed.values()).isNotEqualTo(one.values());
        assertThat(one.folds()).hasSize(4);
        assertThat(one.std("ndcg@5")).isFinite();
        double[] perFold = one.folds().stream().mapToDouble(f -> f.value("ndcg@5")).toArray();
        assertThat(one.value("ndcg@5")).isCloseTo(Arrays.stream(perFold).average().orElseThrow(), within(1e-12));
    }

    @Test
    void unbounded_mrr_ranks_the_first_relevant_item_among_all_candidates_beyond_the_list() {
        // only mrr asked: no list is kept, yet the rank is found among all unrated items
        Evaluation e = new Evaluator(TINY_SPLIT, Metrics.parse("mrr"), Protocol.defaults())
                .evaluate(EvalFixtures.tableTrainer(TABLE), TINY);
        assertThat(e.value("mrr")).isCloseTo(0.75, within(EPS));
    }

    @Test
    void evaluating_empty_data_or_a_mismatched_catalogue_is_refused() {
        Interactions empty = EvalFixtures.data(1, 1, new double[0][]);
        Evaluator ev = new Evaluator(new KFoldSplit(2, 1), Metrics.parse("ndcg@5"), Protocol.defaults());
        assertThatThrownBy(() -> ev.evaluate(EvalFixtures.popularityTrainer(), empty))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty data");
        Catalogue sixFilms = RatingAndListMetricsTest.catalogue(new int[][] {{0}, {0}, {0}, {0}, {0}, {0}});
        assertThatThrownBy(() -> ev.withCatalogue(sixFilms).evaluate(EvalFixtures.popularityTrainer(), TINY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("catalogue's item index");
        assertThatThrownBy(() -> ev.withThreads(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("threads must be at least 1, was 0");
    }

    @Test
    void candidate_sets_and_protocols_parse_and_refuse_bad_values() {
        assertThat(CandidateSet.parse("all-unrated", 1)).isEqualTo(CandidateSet.ALL_UNRATED);
        assertThat(CandidateSet.parse("sampled:100", 3)).isEqualTo(CandidateSet.testPlusSampledNegatives(100, 3));
        assertThatThrownBy(() -> CandidateSet.parse("sampled:0", 3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("negatives must be at least 1, was 0");
        assertThatThrownBy(() -> CandidateSet.parse("popular", 3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("was 'popular'");
        assertThatThrownBy(() -> new Protocol(CandidateSet.ALL_UNRATED, Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("relevanceThreshold");
    }

    private static Set<Integer> itemsOf(Interactions d, int user) {
        Set<Integer> out = new HashSet<>();
        for (int k = 0; k < d.size(); k++) {
            if (d.user(k) == user) {
                out.add(d.item(k));
            }
        }
        return out;
    }

    /** A test metric that records every list it is fed (shows that metrics can be added outside the package). */
    private static final class Recorder implements Metric {
        final List<UserResult> lists = new ArrayList<>();

        @Override
        public String id() {
            return "recorder";
        }

        @Override
        public Kind kind() {
            return Kind.LIST;
        }

        @Override
        public int cutoff() {
            return 1000;
        }

        @Override
        public Accumulator accumulator(FoldContext context) {
            return new Accumulator() {
                @Override
                public void add(UserResult user) {
                    lists.add(user);
                }

                @Override
                public double value() {
                    return lists.size();
                }
            };
        }
    }
}
