package io.marquee.registry;

import java.util.Objects;

/**
 * A committed registry change, told to {@link ModelRegistry#addListener listeners} (for example a
 * {@link io.marquee.registry.serving.ModelServer}, which reloads on a production change).
 *
 * @param endpoint          the endpoint changed
 * @param action            what happened
 * @param versionId         the version concerned (null for an alias removal)
 * @param productionChanged whether the endpoint's production version changed
 */
public record RegistryEvent(String endpoint, HistoryAction action, Long versionId, boolean productionChanged) {
    public RegistryEvent {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(action, "action");
    }
}
