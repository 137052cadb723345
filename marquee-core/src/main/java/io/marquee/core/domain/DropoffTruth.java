package io.marquee.core.domain;

/**
 * The generator's true probability that a watch event ends in a drop-off. Only synthetic data has
 * it; predictors are compared with it to get the oracle AUC.
 */
public record DropoffTruth(long watchEventId, double probability) {
}
