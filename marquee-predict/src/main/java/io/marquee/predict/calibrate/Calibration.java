package io.marquee.predict.calibrate;

import io.marquee.predict.metrics.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses and fits a {@link Calibrator} on validation probabilities.
 *
 * <p>In {@link CalibrationMode#AUTO}, Platt scaling and isotonic regression are each scored by
 * 5-fold cross-fitting inside the validation set (fit on four fifths, predict the fifth), so that
 * a calibrator is not judged on the rows it was fitted to; the candidate with the lowest
 * cross-fitted log-loss wins if it beats the uncalibrated log-loss by more than 0.2 % (relative),
 * and is then refitted on the whole validation set. Brier scores are reported alongside.
 */
public final class Calibration {
    private static final int FOLDS = 5;
    private static final double MIN_GAIN = 0.002;

    private Calibration() {
    }

    /**
     * The outcome of a choice.
     *
     * @param calibrator the chosen, fitted calibrator
     * @param scores     per candidate ({@code none}, {@code platt}, {@code isotonic}) its
     *                   cross-fitted validation log-loss and Brier score (AUTO only)
     */
    public record Choice(Calibrator calibrator, Map<String, Map<String, Double>> scores) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("chosen", calibrator.kind());
            m.put("validation_scores", scores);
            return m;
        }
    }

    /** Chooses and fits a calibrator on validation probabilities {@code p} and labels {@code y}. */
    public static Choice choose(CalibrationMode mode, double[] p, boolean[] y, long seed) {
        switch (mode) {
            case NONE:
                return new Choice(Calibrator.IDENTITY, Map.of());
            case PLATT:
                return new Choice(PlattScaling.fit(p, y), Map.of());
            case ISOTONIC:
                return new Choice(IsotonicRegression.fit(p, y), Map.of());
            default:
                break;
        }
        int n = p.length;
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        if (n < 2 * FOLDS || pos < FOLDS || n - pos < FOLDS) {
            return new Choice(Calibrator.IDENTITY, Map.of());
        }
        int[] fold = new int[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (int k = 0; k < n; k++) {
            fold[perm[k]] = k % FOLDS;
        }
        double[] platt = new double[n];
        double[] iso = new double[n];
        for (int f = 0; f < FOLDS; f++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                m += fold[i] != f ? 1 : 0;
            }
            double[] tp = new double[m];
            boolean[] ty = new boolean[m];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    tp[k] = p[i];
                    ty[k++] = y[i];
                }
            }
            Calibrator cp = PlattScaling.fit(tp, ty);
            Calibrator ci = IsotonicRegression.fit(tp, ty);
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    platt[i] = cp.apply(p[i]);
                    iso[i] = ci.apply(p[i]);
                }
            }
        }
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        scores.put("none", score(p, y));
        scores.put("platt", score(platt, y));
        scores.put("isotonic", score(iso, y));
        double none = scores.get("none").get("log_loss");
        double lp = scores.get("platt").get("log_loss");
        double li = scores.get("isotonic").get("log_loss");
        Calibrator chosen = Calibrator.IDENTITY;
        if (Math.min(lp, li) < none * (1 - MIN_GAIN)) {
            chosen = lp <= li ? PlattScaling.fit(p, y) : IsotonicRegression.fit(p, y);
        }
        return new Choice(chosen, scores);
    }

    private static Map<String, Double> score(double[] p, boolean[] y) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("log_loss", Metrics.logLoss(p, y));
        m.put("brier", Metrics.brier(p, y));
        return m;
    }
}
