package io.marquee.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One model-quality figure in an endpoint's metric history (for charts).
 *
 * @param endpoint  the endpoint
 * @param versionId the version measured
 * @param version   its number
 * @param metric    metric id, e.g. {@code rmse}
 * @param value     the figure
 * @param source    {@code registration} (the figures a version was registered with, e.g. its holdout
 *                  metrics) or {@code champion} (the production version measured by a validation gate)
 * @param jobId     the training job that measured it, or null
 * @param at        when it was recorded
 */
public record MetricPoint(String endpoint, long versionId, int version, String metric, double value, String source,
                          Long jobId, Instant at) {
    /** Source of figures recorded at registration. */
    public static final String REGISTRATION = "registration";
    /** Source of the production version's figure measured by a validation gate. */
    public static final String CHAMPION = "champion";

    public MetricPoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
    }
}
