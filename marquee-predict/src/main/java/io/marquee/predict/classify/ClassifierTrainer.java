package io.marquee.predict.classify;

import io.marquee.predict.features.FloatMatrix;

/** Fits a {@link Classifier}; immutable and configured by a params record. */
public interface ClassifierTrainer {
    /**
     * Fits a classifier.
     *
     * @param x       features, one row per example
     * @param y       labels, {@code true} = positive
     * @param weights per-example weights, or {@code null} for all 1
     */
    Classifier fit(FloatMatrix x, boolean[] y, float[] weights);
}
