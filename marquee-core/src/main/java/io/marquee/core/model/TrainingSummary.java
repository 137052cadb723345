package io.marquee.core.model;

/**
 * How training went: the loss after each epoch (or iteration) and the wall time.
 *
 * @param epochLoss   training loss per epoch, in order (may be empty for closed-form models)
 * @param wallSeconds wall time of training
 */
public record TrainingSummary(double[] epochLoss, double wallSeconds) {
    public TrainingSummary {
        epochLoss = epochLoss.clone();
    }

    @Override
    public double[] epochLoss() {
        return epochLoss.clone();
    }

    /** Loss of the last epoch, or NaN. */
    public double finalLoss() {
        return epochLoss.length == 0 ? Double.NaN : epochLoss[epochLoss.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSummary t && java.util.Arrays.equals(epochLoss, t.epochLoss)
                && Double.compare(wallSeconds, t.wallSeconds) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(epochLoss) * 31 + Double.hashCode(wallSeconds);
    }
}
