package io.marquee.registry.requests;

/**
 * How one classifier version (drop-off or tabular endpoint) is doing in service, from its logged
 * predictions joined with the outcomes that came back as feedback. Figures without enough data
 * are null.
 *
 * @param endpoint  the endpoint
 * @param versionId the version that predicted
 * @param operation {@code dropoff} or {@code classify}
 * @param outcomes  predictions with a known outcome (feedback {@code watched} for drop-off,
 *                  {@code label} equal to one of the model's two labels for a tabular model)
 * @param positives outcomes that were positive (dropped out; the positive label)
 * @param accuracy  share of outcomes whose predicted label was right
 * @param brier     mean squared difference between the probability and the outcome (0/1)
 * @param rocAuc    ROC-AUC of the probabilities; only with at least
 *                  {@link ClassifierFeedback#MIN_FOR_AUC} outcomes of each class
 */
public record ClassifierAccuracy(String endpoint, Long versionId, String operation, long outcomes, long positives,
                                 Double accuracy, Double brier, Double rocAuc) {
}
