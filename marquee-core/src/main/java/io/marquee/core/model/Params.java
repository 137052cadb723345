package io.marquee.core.model;

import java.util.Map;

/**
 * Hyperparameters of a trainer: an immutable record whose compact constructor rejects bad values
 * with a message naming the field and the value, with a {@code defaults()} factory and a seed.
 */
public interface Params {
    /** Seed of every random choice the trainer makes. */
    long seed();

    /** Parameter name → value, for provenance, manifests and reports (stable key order). */
    Map<String, Object> toMap();
}
