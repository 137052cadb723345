package io.marquee.predict.imbalance;

import io.marquee.core.error.InvalidInputException;

/** "Balanced" class weights: each row weighs n / (2 · n_class), so both classes weigh n/2 in total. */
public final class ClassWeights {
    private ClassWeights() {
    }

    /** Per-row weights for the labels. */
    public static float[] balanced(boolean[] y) {
        long pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        long neg = y.length - pos;
        if (pos == 0 || neg == 0) {
            throw InvalidInputException.of("labels", pos == 0 ? "no positive" : "no negative", "both classes present");
        }
        float wPos = (float) (y.length / (2.0 * pos));
        float wNeg = (float) (y.length / (2.0 * neg));
        float[] w = new float[y.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = y[i] ? wPos : wNeg;
        }
        return w;
    }
}
