package io.marquee.registry.serving;

import java.time.Instant;
import java.util.Objects;

/**
 * The last failed attempt to load a version for serving (a missing or corrupted artifact, a model
 * the loader cannot read). The server keeps serving the previous model meanwhile.
 *
 * @param versionId the version that failed
 * @param label     e.g. {@code recommender v3 (id 9)}
 * @param message   why
 * @param at        when
 */
public record LoadFailure(long versionId, String label, String message, Instant at) {
    public LoadFailure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
