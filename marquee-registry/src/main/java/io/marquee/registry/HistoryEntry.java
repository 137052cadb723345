package io.marquee.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the registry's audit history: who changed what, when, from what to what, and why.
 * Entries outlive the versions they name (a deleted version's history stays).
 *
 * @param id                increasing in the order changes were committed
 * @param endpoint          the endpoint concerned
 * @param action            what happened
 * @param versionId         the version concerned (for alias events the new target; null when an alias is removed)
 * @param version           its version number, or null
 * @param fromStage         stage before (null for registration and alias events)
 * @param toStage           stage after (null for deletion and alias events)
 * @param alias             the alias, for alias events
 * @param previousVersionId alias events: the previous target; entries into production: the version replaced
 * @param at                when
 * @param actor             who
 * @param reason            why (may be empty)
 */
public record HistoryEntry(long id, String endpoint, HistoryAction action, Long versionId, Integer version,
                           Stage fromStage, Stage toStage, String alias, Long previousVersionId, Instant at,
                           String actor, String reason) {
    public HistoryEntry {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        reason = reason == null ? "" : reason;
    }
}
