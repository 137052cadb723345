package io.marquee.registry.requests;

/**
 * How one model version is doing in service, from the request log joined with feedback. Figures
 * without data are null.
 *
 * @param endpoint          the endpoint
 * @param versionId         the version (null for requests served without a model)
 * @param operation         the kind of request
 * @param requests          requests logged
 * @param meanLatencyMicros mean latency of those requests
 * @param feedback          requests that received feedback
 * @param rated             feedback with an actual rating on a request with a predicted number
 * @param rmse              root mean squared error of predicted vs actual rating
 * @param mae               mean absolute error of predicted vs actual rating
 * @param outcomes          feedback saying whether the film was watched to the end or dropped
 * @param watchedShare      share of those outcomes that were "watched to the end"
 * @param dropoffAccuracy   for {@code dropoff} requests: share of outcomes the prediction got right
 *                          (probability ≥ 0.5 means "will drop out")
 */
public record LiveAccuracy(String endpoint, Long versionId, String operation, long requests, Double meanLatencyMicros,
                           long feedback, long rated, Double rmse, Double mae, long outcomes, Double watchedShare,
                           Double dropoffAccuracy) {
}
