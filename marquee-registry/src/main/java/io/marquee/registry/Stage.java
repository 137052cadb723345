package io.marquee.registry;

import io.marquee.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lifecycle stage of a model version. A version is registered in {@link #TESTING}; the legal
 * moves are
 *
 * <pre>
 * from \ to    testing  staging  production  archived
 * testing         -        yes       no         yes
 * staging        yes        -        yes        yes
 * production      no        no        -          no   (only by promoting another version, or rollback)
 * archived        no       yes       no          -    (archived → production only by rollback)
 * </pre>
 *
 * <p>Production is never left directly: an endpoint that has a production version always keeps
 * exactly one, and it changes only when another version is promoted (the old one is archived in
 * the same transaction) or by {@link ModelRegistry#rollback}. An illegal move is a
 * {@link io.marquee.core.error.ConflictException} naming both stages.
 */
public enum Stage {
    /** Just registered; not served unless asked for by version or alias. */
    TESTING,
    /** Candidate for production. */
    STAGING,
    /** The version an endpoint serves; at most one per endpoint. */
    PRODUCTION,
    /** Retired; kept for rollback and comparison until pruned. */
    ARCHIVED;

    /** Lower-case name as stored and shown: {@code testing}, {@code staging}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stages a direct {@link ModelRegistry#transition} may move a version in this stage to. */
    public Set<Stage> allowedTargets() {
        return switch (this) {
            case TESTING -> EnumSet.of(STAGING, ARCHIVED);
            case STAGING -> EnumSet.of(TESTING, PRODUCTION, ARCHIVED);
            case PRODUCTION -> EnumSet.noneOf(Stage.class);
            case ARCHIVED -> EnumSet.of(STAGING);
        };
    }

    /** Whether a direct transition from this stage to {@code to} is legal. */
    public boolean canMoveTo(Stage to) {
        return allowedTargets().contains(to);
    }

    /** Parses {@code testing|staging|production|archived} (case-insensitive). */
    public static Stage parse(String text) {
        if (text != null) {
            for (Stage s : values()) {
                if (s.id().equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
        }
        throw InvalidInputException.of("stage", text == null ? null : "'" + text + "'", "one of "
                + Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(", ")));
    }

    /** Parses a stored value; {@code null} stays {@code null}. */
    static Stage fromDb(String text) {
        return text == null ? null : valueOf(text.toUpperCase(Locale.ROOT));
    }
}
