package io.marquee.registry;

import java.util.List;
import java.util.Objects;

/**
 * The result of a stage change, a promotion or a rollback.
 *
 * @param version the version that moved, as it is now
 * @param from    its stage before
 * @param to      its stage now
 * @param demoted the production version that was archived to make room (null when none)
 * @param pruned  archived versions deleted by the automatic pruning that followed (usually empty)
 */
public record StageChange(ModelVersion version, Stage from, Stage to, ModelVersion demoted, List<ModelVersion> pruned) {
    public StageChange {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        pruned = List.copyOf(pruned);
    }
}
