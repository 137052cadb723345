package io.marquee.predict.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void roc_auc_matches_the_hand_count_of_ordered_pairs() {
        // pairs (pos, neg): (0.35, 0.1) ok, (0.35, 0.4) wrong, (0.8, 0.1) ok, (0.8, 0.4) ok → 3/4
        assertThat(Metrics.rocAuc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {F, F, T, T})).isEqualTo(0.75);
    }

    @Test
    void roc_auc_gives_half_credit_to_tied_scores() {
        assertThat(Metrics.rocAuc(new double[] {0.5, 0.5}, new boolean[] {T, F})).isEqualTo(0.5);
        // (0.2+, 0.2−) ½, (0.2+, 0.8−) 0, (0.8+, 0.2−) 1, (0.8+, 0.8−) ½ → 2/4
        assertThat(Metrics.rocAuc(new double[] {0.2, 0.2, 0.8, 0.8}, new boolean[] {F, T, F, T})).isEqualTo(0.5);
        // three positives at 0.9, one negative at 0.9 and one at 0.1: (3·½ + 3·1) / 6 = 0.75
        assertThat(Metrics.rocAuc(new double[] {0.9, 0.9, 0.9, 0.9, 0.1}, new boolean[] {T, T, T, F, F}))
                .isEqualTo(0.75);
    }

    @Test
    void roc_auc_is_nan_with_one_class() {
        assertThat(Metrics.rocAuc(new double[] {0.1, 0.2}, new boolean[] {T, T})).isNaN();
    }

    @Test
    void average_precision_matches_scikit_learns_example() {
        // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333…
        assertThat(Metrics.averagePrecision(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {F, F, T, T}))
                .isCloseTo(0.8333333, within(1e-6));
    }

    @Test
    void average_precision_takes_tied_scores_together() {
        assertThat(Metrics.averagePrecision(new double[] {0.5, 0.5, 0.5}, new boolean[] {T, F, F}))
                .isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void log_loss_matches_scikit_learns_example() {
        // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) = 0.21616…
        assertThat(Metrics.logLoss(new double[] {0.9, 0.1, 0.2, 0.65}, new boolean[] {T, F, F, T}))
                .isCloseTo(0.21616187, within(1e-8));
    }

    @Test
    void brier_matches_scikit_learns_example() {
        // brier_score_loss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) = 0.0375
        assertThat(Metrics.brier(new double[] {0.1, 0.9, 0.8, 0.3}, new boolean[] {F, T, T, F}))
                .isCloseTo(0.0375, within(1e-12));
    }

    @Test
    void confusion_matrix_and_rates_at_a_threshold() {
        double[] p = {0.9, 0.6, 0.4, 0.3, 0.7};
        boolean[] y = {T, F, T, F, T};
        ConfusionMatrix cm = Metrics.confusion(p, y, 0.5);
        assertThat(cm).isEqualTo(new ConfusionMatrix(2, 1, 1, 1));
        assertThat(cm.accuracy()).isEqualTo(0.6);
        assertThat(cm.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(cm.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(cm.f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Metrics.confusion(p, y, 0.6).tp()).isEqualTo(2); // p >= threshold is positive
        assertThat(Metrics.confusion(p, y, 0.6).fp()).isEqualTo(1);
    }

    @Test
    void reliability_bins_hold_counts_mean_predictions_and_observed_rates() {
        double[] p = {0.05, 0.15, 0.12, 0.95, 1.0};
        boolean[] y = {F, T, F, T, T};
        ReliabilityBin[] bins = Metrics.reliability(p, y, 10);
        assertThat(bins).hasSize(10);
        assertThat(bins[0].count()).isEqualTo(1);
        assertThat(bins[1].count()).isEqualTo(2);
        assertThat(bins[1].meanPredicted()).isCloseTo(0.135, within(1e-12));
        assertThat(bins[1].observedRate()).isEqualTo(0.5);
        assertThat(bins[9].count()).isEqualTo(2); // 1.0 falls in the last bin
        assertThat(bins[5].meanPredicted()).isNaN();
    }

    @Test
    void a_report_gathers_every_metric() {
        ClassificationReport r = ClassificationReport.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {F, F, T, T},
                0.5);
        assertThat(r.rocAuc()).isEqualTo(0.75);
        assertThat(r.positives()).isEqualTo(2);
        assertThat(r.reliability()).hasSize(10);
        assertThat(r.toMap()).containsKeys("accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "log_loss",
                "brier", "ece", "confusion", "reliability", "threshold");
    }

    @Test
    void mean_and_sample_standard_deviation_over_folds() {
        MeanStd m = MeanStd.of(1, 2, 3, 4);
        assertThat(m.mean()).isEqualTo(2.5);
        assertThat(m.std()).isCloseTo(1.2909944, within(1e-7));
    }
}
