package io.marquee.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an endpoint looked like at a moment, from the history: the answer to "which version was
 * in production at time T" and more.
 *
 * @param endpoint   the endpoint
 * @param at         the moment asked about
 * @param production the production version then (null when there was none)
 * @param stages     every stage → the versions in it then, newest first
 * @param aliases    alias → version id then
 */
public record EndpointState(String endpoint, Instant at, VersionAt production, Map<Stage, List<VersionAt>> stages,
                            Map<String, Long> aliases) {
    public EndpointState {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(at, "at");
        EnumMap<Stage, List<VersionAt>> copy = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            copy.put(s, List.copyOf(stages.getOrDefault(s, List.of())));
        }
        stages = Collections.unmodifiableMap(copy);
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }
}
