package io.marquee.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A serving slot and its current state.
 *
 * @param name        e.g. {@code recommender}
 * @param description free text (may be empty)
 * @param createdAt   when it was created
 * @param versions    number of versions currently registered (deleted ones not counted)
 * @param production  the production version, or null when none has been promoted yet
 * @param aliases     alias → version id, sorted by alias
 */
public record EndpointInfo(String name, String description, Instant createdAt, int versions, ModelVersion production,
                           Map<String, Long> aliases) {
    public EndpointInfo {
        Names.endpoint(name);
        Objects.requireNonNull(createdAt, "createdAt");
        description = description == null ? "" : description;
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }
}
