package io.marquee.registry.serving;

import io.marquee.registry.ModelVersion;
import java.time.Instant;
import java.util.Objects;

/**
 * An immutable snapshot of what is being served: the model and the registry version it came from.
 * A request takes one snapshot and uses it throughout, so a swap in the middle of the request does
 * not mix two models, and the response can name the version that answered.
 *
 * @param version  the registry version
 * @param model    the loaded model
 * @param loadedAt when it was loaded
 * @param <M>      the model type
 */
public record Served<M>(ModelVersion version, M model, Instant loadedAt) {
    public Served {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }
}
