package io.marquee.registry.serving;

/**
 * What {@link ModelServer#refresh} did.
 *
 * @param productionVersionId the registry's production version (null when none)
 * @param servingVersionId    the version served now (null when none)
 * @param swapped             whether a new model was put in service
 * @param failure             the load failure, when the production version could not be loaded (else null)
 */
public record RefreshResult(Long productionVersionId, Long servingVersionId, boolean swapped, LoadFailure failure) {
    /** Whether the registry's production version is the one served. */
    public boolean upToDate() {
        return productionVersionId != null && productionVersionId.equals(servingVersionId);
    }
}
