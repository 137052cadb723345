package io.marquee.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.data.Catalogue;
import io.marquee.core.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingAndListMetricsTest {
    private static final double EPS = 1e-9;

    private static UserResult rated(float[] actual, float[] predicted) {
        int[] items = new int[actual.length];
        for (int k = 0; k < items.length; k++) {
            items[k] = k;
        }
        return new UserResult(0, new int[0], new int[0], 0, items, actual, predicted);
    }

    private static UserResult list(int... ranking) {
        return UserResult.ofRanking(0, ranking, new int[0]);
    }

    @Test
    void rmse_and_mae_pool_every_test_rating_rather_than_averaging_users() {
        Metric.Accumulator rmse = new RatingMetrics.Rmse().accumulator(null);
        Metric.Accumulator mae = new RatingMetrics.Mae().accumulator(null);
        UserResult a = rated(new float[] {5, 2}, new float[] {4.5f, 3.5f});
        UserResult b = rated(new float[] {4, 5, 3}, new float[] {3, 3, 3});
        for (Metric.Accumulator acc : List.of(rmse, mae)) {
            acc.add(a);
            acc.add(b);
        }
        // errors -0.5, 1.5, -1, -2, 0: squares 0.25 + 2.25 + 1 + 4 + 0 = 7.5
        assertThat(rmse.value()).isCloseTo(Math.sqrt(7.5 / 5), within(EPS));
        assertThat(mae.value()).isCloseTo(5.0 / 5, within(EPS));
    }

    @Test
    void rating_metrics_are_undefined_without_predictions() {
        Metric.Accumulator rmse = new RatingMetrics.Rmse().accumulator(null);
        rmse.add(rated(new float[] {5}, null));
        assertThat(rmse.value()).isNaN();
    }

    @Test
    void coverage_is_the_share_of_all_items_in_any_top_k_list() {
        FoldContext ctx = new FoldContext(5, new int[5], 1, null);
        Metric.Accumulator acc = new ListMetrics.Coverage(2).accumulator(ctx);
        acc.add(list(2, 3, 4));
        acc.add(list(1, 3));
        acc.add(list(2));
        // top-2 lists {2,3}, {1,3}, {2}: items 1, 2, 3 of 5
        assertThat(acc.value()).isCloseTo(3.0 / 5, within(EPS));
    }

    @Test
    void novelty_is_the_mean_self_information_of_recommended_items_by_training_popularity() {
        // 4 training users; item 0 rated by 4, item 1 by 2, item 2 by 1, item 3 by nobody (counts as 1)
        FoldContext ctx = new FoldContext(4, new int[] {4, 2, 1, 0}, 4, null);
        assertThat(ListMetrics.Novelty.selfInformation(ctx, 0)).isCloseTo(0, within(EPS));
        assertThat(ListMetrics.Novelty.selfInformation(ctx, 1)).isCloseTo(1, within(EPS));
        assertThat(ListMetrics.Novelty.selfInformation(ctx, 2)).isCloseTo(2, within(EPS));
        assertThat(ListMetrics.Novelty.selfInformation(ctx, 3)).isCloseTo(2, within(EPS));
        Metric.Accumulator acc = new ListMetrics.Novelty(2).accumulator(ctx);
        acc.add(list(0, 1, 3)); // (0 + 1) / 2
        acc.add(list(2, 3));    // (2 + 2) / 2
        acc.add(list());        // an empty list does not count
        assertThat(acc.value()).isCloseTo((0.5 + 2) / 2, within(EPS));
    }

    @Test
    void intra_list_diversity_averages_one_minus_jaccard_of_genre_sets_over_pairs() {
        Catalogue cat = catalogue(new int[][] {{0, 1}, {1}, {2}, {0, 2}, {}, {}});
        FoldContext ctx = new FoldContext(6, new int[6], 1, cat);
        ListMetrics.IntraListDiversity ild = new ListMetrics.IntraListDiversity(3);
        // pairs of [0,1,3]: J({0,1},{1}) = 1/2, J({0,1},{0,2}) = 1/3, J({1},{0,2}) = 0
        double expected = ((1 - 0.5) + (1 - 1.0 / 3) + 1) / 3;
        assertThat(ild.userValue(cat, new int[] {0, 1, 3})).isCloseTo(expected, within(EPS));
        assertThat(ListMetrics.IntraListDiversity.dissimilarity(new int[] {}, new int[] {})).isZero();
        assertThat(ListMetrics.IntraListDiversity.dissimilarity(new int[] {1}, new int[] {})).isEqualTo(1);
        Metric.Accumulator acc = ild.accumulator(ctx);
        acc.add(list(0, 1, 3, 2));
        acc.add(list(4, 5));   // two films without genres: identical, 0
        acc.add(list(2));      // a single item has no pairs and does not count
        assertThat(acc.value()).isCloseTo(expected / 2, within(EPS));
    }

    @Test
    void intra_list_diversity_without_a_catalogue_is_refused_by_name() {
        FoldContext ctx = new FoldContext(2, new int[2], 1, null);
        assertThatThrownBy(() -> new ListMetrics.IntraListDiversity(10).accumulator(ctx))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ild@10");
    }

    static Catalogue catalogue(int[][] genres) {
        int n = genres.length;
        String[] titles = new String[n];
        for (int k = 0; k < n; k++) {
            titles[k] = "film " + k;
        }
        return new Catalogue(EvalFixtures.ids(n, 10, 10), titles, new int[n], new int[n], genres,
                List.of("Action", "Comedy", "Drama"));
    }
}
