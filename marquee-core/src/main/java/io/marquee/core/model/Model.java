package io.marquee.core.model;

/** A trained model: an immutable, thread-safe value that knows where it came from. */
public interface Model {
    ModelProvenance provenance();

    TrainingSummary summary();
}
