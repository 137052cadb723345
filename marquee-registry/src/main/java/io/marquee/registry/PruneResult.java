package io.marquee.registry;

import java.util.List;

/**
 * What {@link ModelRegistry#prune} removed.
 *
 * @param deleted          versions deleted
 * @param artifactsDeleted artifacts removed from the store (an artifact shared by a remaining version stays)
 */
public record PruneResult(List<ModelVersion> deleted, List<String> artifactsDeleted) {
    public PruneResult {
        deleted = List.copyOf(deleted);
        artifactsDeleted = List.copyOf(artifactsDeleted);
    }
}
