package io.marquee.registry;

import io.marquee.core.error.InvalidInputException;

/**
 * Settings of a {@link ModelRegistry}.
 *
 * @param keepArchived    archived versions kept per endpoint; older ones are deleted (rows and
 *                        artifacts) whenever a version is archived. Versions an alias points at are
 *                        kept and not counted. {@link Integer#MAX_VALUE} never prunes.
 * @param verifyOnPromote whether promotion and rollback first verify the artifact (sha256 of every
 *                        file) and refuse a missing or corrupted one
 */
public record RegistryOptions(int keepArchived, boolean verifyOnPromote) {
    /** Keep 5 archived versions (seed 003: "keep last 5 model versions"), verify on promotion. */
    public static final int DEFAULT_KEEP_ARCHIVED = 5;

    public RegistryOptions {
        if (keepArchived < 0) {
            throw InvalidInputException.of("keepArchived", keepArchived, "at least 0");
        }
    }

    /** The defaults: keep 5 archived versions, verify on promotion. */
    public static RegistryOptions defaults() {
        return new RegistryOptions(DEFAULT_KEEP_ARCHIVED, true);
    }

    /** With another number of archived versions kept. */
    public RegistryOptions withKeepArchived(int value) {
        return new RegistryOptions(value, verifyOnPromote);
    }
}
