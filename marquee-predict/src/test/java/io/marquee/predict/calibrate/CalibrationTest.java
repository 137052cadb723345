package io.marquee.predict.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marquee.predict.TestData;
import io.marquee.predict.metrics.Metrics;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void isotonic_regression_pools_adjacent_violators_by_hand() {
        // labels in score order 0 1 0 1 1: the violating pair (1, 0) pools to 0.5
        IsotonicRegression iso = IsotonicRegression.fit(new double[] {0.3, 0.1, 0.5, 0.2, 0.4},
                new boolean[] {F, F, T, T, T});
        assertThat(iso.apply(0.1)).isEqualTo(0.0);
        assertThat(iso.apply(0.2)).isEqualTo(0.5);
        assertThat(iso.apply(0.3)).isEqualTo(0.5);
        assertThat(iso.apply(0.25)).isEqualTo(0.5);
        assertThat(iso.apply(0.4)).isEqualTo(1.0);
        assertThat(iso.apply(0.15)).isCloseTo(0.25, within(1e-12)); // linear between knots (0.1, 0) and (0.2, 0.5)
        assertThat(iso.apply(0.0)).isEqualTo(0.0);
        assertThat(iso.apply(0.99)).isEqualTo(1.0);
    }

    @Test
    void isotonic_regression_pools_tied_scores_first() {
        IsotonicRegression iso = IsotonicRegression.fit(new double[] {0.5, 0.5, 0.5, 0.9}, new boolean[] {T, F, F, T});
        assertThat(iso.apply(0.5)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(iso.apply(0.9)).isEqualTo(1.0);
    }

    @Test
    void platt_scaling_meets_its_first_order_conditions_with_smoothed_targets() {
        double[] p = {0.1, 0.2, 0.3, 0.6, 0.7, 0.8, 0.4, 0.9};
        boolean[] y = {F, F, T, F, T, T, F, T};
        PlattScaling platt = PlattScaling.fit(p, y);
        double hi = (4 + 1.0) / (4 + 2);
        double lo = 1.0 / (4 + 2);
        double g1 = 0;
        double g2 = 0;
        for (int i = 0; i < p.length; i++) {
            double f = Math.log(p[i] / (1 - p[i]));
            double q = platt.apply(p[i]);
            double t = y[i] ? hi : lo;
            g1 += (q - t) * f;
            g2 += q - t;
        }
        assertThat(g1).isCloseTo(0, within(1e-8));
        assertThat(g2).isCloseTo(0, within(1e-8));
    }

    @Test
    void platt_scaling_undoes_an_overconfident_logit() {
        // truth σ(z); the model says σ(2z): Platt should find a ≈ 0.5, b ≈ 0
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 50_000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double z = TestData.gaussian(rnd) * 1.5;
            p[i] = 1 / (1 + Math.exp(-2 * z));
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        PlattScaling platt = PlattScaling.fit(p, y);
        assertThat(platt.a()).isCloseTo(0.5, within(0.03));
        assertThat(platt.b()).isCloseTo(0.0, within(0.03));
        assertThat(Metrics.logLoss(platt.apply(p), y)).isLessThan(Metrics.logLoss(p, y));
    }

    @Test
    void auto_calibration_keeps_calibrated_probabilities_and_fixes_miscalibrated_ones() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 20_000;
        double[] good = new double[n];
        double[] bad = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double z = TestData.gaussian(rnd);
            good[i] = 1 / (1 + Math.exp(-z));
            bad[i] = 1 / (1 + Math.exp(-3 * z + 1));
            y[i] = rnd.nextDouble() < good[i];
        }
        assertThat(Calibration.choose(CalibrationMode.AUTO, good, y, 1).calibrator().kind()).isEqualTo("none");
        Calibration.Choice fixed = Calibration.choose(CalibrationMode.AUTO, bad, y, 1);
        assertThat(fixed.calibrator().kind()).isIn("platt", "isotonic");
        assertThat(fixed.scores()).containsKeys("none", "platt", "isotonic");
    }

    @Test
    void calibrators_survive_their_json_form() {
        Calibrator platt = new PlattScaling(0.7, -0.2);
        Calibrator iso = IsotonicRegression.fit(new double[] {0.1, 0.2, 0.3}, new boolean[] {F, T, T});
        assertThat(Calibrator.fromMap(platt.toMap()).apply(0.33)).isEqualTo(platt.apply(0.33));
        assertThat(Calibrator.fromMap(iso.toMap()).apply(0.15)).isEqualTo(iso.apply(0.15));
        assertThat(Calibrator.fromMap(Calibrator.IDENTITY.toMap())).isSameAs(Calibrator.IDENTITY);
    }
}
