package io.marquee.predict.tabular;

/**
 * The prediction for one row: the calibrated probability of the positive class, the decision at
 * the model's threshold, and the decision's label text (the positive label, such as {@code Yes},
 * or the negative one).
 */
public record RowPrediction(double probability, boolean positive, String label) {
}
