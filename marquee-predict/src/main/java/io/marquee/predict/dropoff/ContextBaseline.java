package io.marquee.predict.dropoff;

import io.marquee.predict.classify.LogRegParams;
import io.marquee.predict.classify.LogisticModel;
import io.marquee.predict.classify.LogisticRegression;
import io.marquee.predict.features.FloatMatrix;
import java.util.List;

/**
 * A small logistic regression that says how likely a view is to be completed from what is known
 * of the film and the moment alone — device, late night, Monday to Thursday, second film of a
 * session, group viewing on a TV, runtime, rewatch, the film's completion rate and rating bias —
 * not from the viewer. A viewer's history then sums how far the viewer's outcomes were above or
 * below this baseline (the {@code h_resid*} features): an estimate of the viewer's patience and
 * liking of long films net of the circumstances of the views, sharper than completions against
 * the film's completion rate alone ({@code h_excess}).
 *
 * <p>Leak-free by construction: {@link DropoffExamples} refits it at the same moments as the
 * taste factors, each time on the events before that moment, and an event's baseline is computed
 * with the fit in force when it started. {@link #none()} (before the first refit) is the film's
 * completion rate itself. Immutable.
 *
 * @param beta intercept, then one coefficient per {@link #NAMES} entry
 */
record ContextBaseline(double[] beta) {
    /** The baseline's inputs, in order. */
    static final List<String> NAMES = List.of("mobile", "tablet", "desktop", "late_night", "mon_thu", "chain",
            "tv_group", "runtime_x", "rewatch", "logit_f_completion", "m_film_bias");
    static final int WIDTH = NAMES.size();
    /** At most this many of the latest events go into a refit (enough for 12 coefficients). */
    static final int MAX_ROWS = 200_000;

    ContextBaseline {
        if (beta.length != WIDTH + 1) {
            throw new IllegalArgumentException("context baseline: " + beta.length + " coefficients, expected "
                    + (WIDTH + 1));
        }
    }

    /** The film's completion rate: coefficient 1 on its logit, 0 elsewhere. */
    static ContextBaseline none() {
        double[] b = new double[WIDTH + 1];
        b[1 + NAMES.indexOf("logit_f_completion")] = 1;
        return new ContextBaseline(b);
    }

    /** Writes the inputs of one view into {@code out[off .. off + WIDTH)}. */
    static void inputs(String device, long t, boolean chain, boolean tvGroup, int runtime, boolean rewatch,
                       double filmCompletion, double filmBias, float[] out, int off) {
        out[off] = "mobile".equals(device) ? 1 : 0;
        out[off + 1] = "tablet".equals(device) ? 1 : 0;
        out[off + 2] = "desktop".equals(device) ? 1 : 0;
        out[off + 3] = DropoffFeatures.lateNight(t) ? 1 : 0;
        out[off + 4] = DropoffFeatures.monToThu(t) ? 1 : 0;
        out[off + 5] = chain ? 1 : 0;
        out[off + 6] = tvGroup ? 1 : 0;
        out[off + 7] = runtime > 0 ? (float) ((runtime - 100) / 30.0) : 0f;
        out[off + 8] = rewatch ? 1 : 0;
        double c = Math.min(0.999, Math.max(0.001, filmCompletion));
        out[off + 9] = (float) Math.log(c / (1 - c));
        out[off + 10] = Double.isFinite(filmBias) ? (float) filmBias : 0f;
    }

    /** P(completed) for the inputs at {@code x[off ..]}. */
    double completion(float[] x, int off) {
        double eta = beta[0];
        for (int c = 0; c < WIDTH; c++) {
            eta += beta[c + 1] * x[off + c];
        }
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /**
     * Fits the baseline on views {@code [from, to)} of {@code x} (rows of {@link #WIDTH} inputs)
     * with their outcomes ({@code completed}); at most the last {@link #MAX_ROWS} are used.
     * Fewer than 100 views, or only one outcome, give {@link #none()}.
     */
    static ContextBaseline fit(float[] x, boolean[] completed, int to, long seed) {
        int from = Math.max(0, to - MAX_ROWS);
        int n = to - from;
        if (n < 100) {
            return none();
        }
        boolean[] y = new boolean[n];
        int pos = 0;
        for (int r = 0; r < n; r++) {
            y[r] = completed[from + r];
            pos += y[r] ? 1 : 0;
        }
        if (pos == 0 || pos == n) {
            return none();
        }
        float[] rows = java.util.Arrays.copyOfRange(x, from * WIDTH, to * WIDTH);
        FloatMatrix m = new FloatMatrix(n, WIDTH, rows, NAMES);
        LogisticModel lm = new LogisticRegression(LogRegParams.defaults().withSeed(seed)).fit(m, y, null);
        return new ContextBaseline(lm.coefficients());
    }
}
