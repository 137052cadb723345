package io.marquee.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final double EPS = 1e-12;
    private static final double INV_LOG2_3 = 1 / (Math.log(3) / Math.log(2));
    private static final int[] RANKING = {3, 1, 2};
    private static final int[] RELEVANT = {1, 2};

    @Test
    void precision_at_2_of_ranking_312_with_relevant_12_is_one_half() {
        assertThat(new RankingMetrics.Precision(2).userValue(RANKING, RELEVANT)).isCloseTo(0.5, within(EPS));
        assertThat(new RankingMetrics.Precision(3).userValue(RANKING, RELEVANT)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(new RankingMetrics.Precision(1).userValue(RANKING, RELEVANT)).isZero();
    }

    @Test
    void precision_divides_by_k_even_when_the_list_is_shorter() {
        assertThat(new RankingMetrics.Precision(5).userValue(RANKING, RELEVANT)).isCloseTo(2.0 / 5, within(EPS));
    }

    @Test
    void recall_at_2_of_ranking_312_with_relevant_12_is_one_half() {
        assertThat(new RankingMetrics.Recall(2).userValue(RANKING, RELEVANT)).isCloseTo(0.5, within(EPS));
        assertThat(new RankingMetrics.Recall(3).userValue(RANKING, RELEVANT)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void ndcg_at_2_of_ranking_312_with_relevant_12_matches_the_hand_computation() {
        double expected = INV_LOG2_3 / (1 + INV_LOG2_3);
        assertThat(new RankingMetrics.Ndcg(2).userValue(RANKING, RELEVANT)).isCloseTo(expected, within(EPS));
    }

    @Test
    void ndcg_at_3_adds_the_third_rank_with_discount_one_half() {
        double dcg = INV_LOG2_3 + 0.5;
        double idcg = 1 + INV_LOG2_3;
        assertThat(new RankingMetrics.Ndcg(3).userValue(RANKING, RELEVANT)).isCloseTo(dcg / idcg, within(EPS));
    }

    @Test
    void ndcg_ideal_uses_at_most_as_many_ranks_as_relevant_items() {
        // one relevant item at rank 1: DCG = IDCG = 1 however large K is
        assertThat(new RankingMetrics.Ndcg(10).userValue(new int[] {7, 1, 2}, new int[] {7})).isCloseTo(1, within(EPS));
        // K smaller than |R|: IDCG over K ranks only, so a perfect top 2 scores 1
        assertThat(new RankingMetrics.Ndcg(2).userValue(new int[] {1, 2, 3}, new int[] {1, 2, 3})).isCloseTo(1, within(EPS));
    }

    @Test
    void average_precision_normalises_by_min_of_k_and_relevant_count() {
        // [3,1,2], R={1,2}: at K=2 one hit at rank 2 → (1/2) / min(2,2) = 1/4
        assertThat(new RankingMetrics.AveragePrecision(2).userValue(RANKING, RELEVANT)).isCloseTo(0.25, within(EPS));
        // at K=3: hits at ranks 2 and 3 → (1/2 + 2/3) / 2 = 7/12
        assertThat(new RankingMetrics.AveragePrecision(3).userValue(RANKING, RELEVANT)).isCloseTo(7.0 / 12, within(EPS));
        // K=1 < |R|: normalised by 1; rank 1 is not relevant → 0
        assertThat(new RankingMetrics.AveragePrecision(1).userValue(RANKING, RELEVANT)).isZero();
        // [1,5,2], R={1,2}, K=1: (1/1) / min(1,2) = 1
        assertThat(new RankingMetrics.AveragePrecision(1).userValue(new int[] {1, 5, 2}, RELEVANT)).isCloseTo(1, within(EPS));
    }

    @Test
    void reciprocal_rank_is_one_over_the_rank_of_the_first_relevant_item() {
        assertThat(new RankingMetrics.ReciprocalRank(0).userValue(RANKING, RELEVANT)).isCloseTo(0.5, within(EPS));
        assertThat(new RankingMetrics.ReciprocalRank(2).userValue(RANKING, RELEVANT)).isCloseTo(0.5, within(EPS));
        assertThat(new RankingMetrics.ReciprocalRank(1).userValue(RANKING, RELEVANT)).isZero();
        assertThat(new RankingMetrics.ReciprocalRank(0).userValue(new int[] {9, 8}, RELEVANT)).isZero();
    }

    @Test
    void unbounded_reciprocal_rank_reads_the_full_candidate_rank_the_evaluator_computed() {
        UserResult user = new UserResult(0, new int[] {9, 8}, RELEVANT, 40, new int[0], new float[0], null);
        assertThat(new RankingMetrics.ReciprocalRank(0).userValue(user)).isCloseTo(1.0 / 40, within(EPS));
        assertThat(new RankingMetrics.ReciprocalRank(0).needsFullRank()).isTrue();
        assertThat(new RankingMetrics.ReciprocalRank(2).userValue(user)).isZero();
    }

    @Test
    void hit_rate_is_one_when_any_relevant_item_is_in_the_top_k() {
        assertThat(new RankingMetrics.HitRate(1).userValue(RANKING, RELEVANT)).isZero();
        assertThat(new RankingMetrics.HitRate(2).userValue(RANKING, RELEVANT)).isEqualTo(1);
    }

    @Test
    void every_ranking_metric_is_zero_for_a_user_without_relevant_items() {
        int[] none = new int[0];
        for (RankingMetric m : new RankingMetric[] {new RankingMetrics.Precision(2), new RankingMetrics.Recall(2),
                new RankingMetrics.Ndcg(2), new RankingMetrics.AveragePrecision(2), new RankingMetrics.ReciprocalRank(0),
                new RankingMetrics.HitRate(2)}) {
            assertThat(m.userValue(RANKING, none)).as(m.id()).isZero();
        }
    }

    @Test
    void metrics_read_the_ranking_as_given_so_tied_scores_follow_the_order_TopN_returned() {
        // TopN puts the lower index first among equal scores; the metrics do not re-sort
        int[] tiedOrder = {1, 3};
        assertThat(new RankingMetrics.ReciprocalRank(0).userValue(tiedOrder, new int[] {3})).isCloseTo(0.5, within(EPS));
        assertThat(new RankingMetrics.Ndcg(1).userValue(tiedOrder, new int[] {3})).isZero();
    }

    @Test
    void the_mean_accumulator_averages_per_user_values() {
        Metric.Accumulator acc = new RankingMetrics.Precision(2).accumulator(null);
        assertThat(acc.value()).isNaN();
        acc.add(UserResult.ofRanking(0, RANKING, RELEVANT));
        acc.add(UserResult.ofRanking(1, new int[] {1, 2}, RELEVANT));
        assertThat(acc.value()).isCloseTo(0.75, within(EPS));
    }

    @Test
    void a_cutoff_below_one_is_refused_with_its_value() {
        assertThatThrownBy(() -> new RankingMetrics.Ndcg(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k must be at least 1, was 0");
        assertThatThrownBy(() -> new RankingMetrics.ReciprocalRank(-1)).isInstanceOf(InvalidInputException.class);
    }
}
