package io.marquee.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsParseTest {
    @Test
    void the_cli_list_parses_to_canonical_metrics_in_order() {
        List<Metric> metrics = Metrics.parse(
                "rmse, mae, ndcg@10, recall@10, precision@5, map@10, mrr, hit@10, coverage@10, novelty@10, ild@10");
        assertThat(metrics).extracting(Metric::id).containsExactly("rmse", "mae", "ndcg@10", "recall@10",
                "precision@5", "map@10", "mrr", "hit@10", "coverage@10", "novelty@10", "ild@10");
        assertThat(metrics.get(2)).isEqualTo(new RankingMetrics.Ndcg(10));
        assertThat(metrics.get(0).kind()).isEqualTo(Metric.Kind.RATING);
        assertThat(metrics.get(6).kind()).isEqualTo(Metric.Kind.ACCURACY);
        assertThat(metrics.get(8).kind()).isEqualTo(Metric.Kind.LIST);
    }

    @Test
    void names_are_case_insensitive_and_aliases_map_to_canonical_ids() {
        assertThat(Metrics.parse("NDCG@5 HitRate@3 hr@2 diversity@4 MRR@7"))
                .extracting(Metric::id).containsExactly("ndcg@5", "hit@3", "hit@2", "ild@4", "mrr@7");
    }

    @Test
    void the_default_list_parses() {
        assertThat(Metrics.parse(Metrics.DEFAULT)).hasSize(11);
    }

    @Test
    void bad_metric_ids_are_refused_with_a_message_that_quotes_them() {
        assertThatThrownBy(() -> Metrics.parse("auc@10")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'auc@10' is unknown").hasMessageContaining("ndcg@K");
        assertThatThrownBy(() -> Metrics.parse("ndcg")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'ndcg' needs a cutoff, e.g. ndcg@10");
        assertThatThrownBy(() -> Metrics.parse("rmse@10")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rmse takes no cutoff");
        assertThatThrownBy(() -> Metrics.parse("recall@0")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cutoff must be a whole number >= 1, was 0");
        assertThatThrownBy(() -> Metrics.parse("recall@ten")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("was 'ten'");
        assertThatThrownBy(() -> Metrics.parse("ndcg@10, NDCG@10")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> Metrics.parse(" , ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one");
    }
}
