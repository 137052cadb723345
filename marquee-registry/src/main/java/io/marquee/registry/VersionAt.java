package io.marquee.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A version's stage at some past moment, reconstructed from the history.
 *
 * @param versionId the version's id
 * @param version   its number
 * @param stage     the stage it was in at that moment
 * @param since     when it entered that stage
 * @param deleted   whether the version has been deleted since (its artifact may be gone)
 */
public record VersionAt(long versionId, int version, Stage stage, Instant since, boolean deleted) {
    public VersionAt {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(since, "since");
    }
}
