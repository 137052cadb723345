package io.marquee.registry.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * The validation gate's verdict on a retrained candidate, with both figures.
 *
 * @param id                 decision id
 * @param endpoint           the endpoint
 * @param jobId              the retrain job (null when made outside a job)
 * @param candidateVersionId the candidate, registered whatever the verdict
 * @param championVersionId  the production version compared against (null when there was none)
 * @param metric             the metric compared, e.g. {@code rmse}
 * @param higherIsBetter     its direction
 * @param candidateValue     the candidate's figure on the holdout
 * @param championValue      production's figure on the same holdout (null when none could be computed)
 * @param margin             the relative improvement required
 * @param improvement        the relative improvement achieved (positive = better; null when not computed)
 * @param promoted           whether the candidate was promoted to production
 * @param reason             the verdict in words
 * @param decidedAt          when
 */
public record GateDecision(long id, String endpoint, Long jobId, long candidateVersionId, Long championVersionId,
                           String metric, boolean higherIsBetter, Double candidateValue, Double championValue,
                           double margin, Double improvement, boolean promoted, String reason, Instant decidedAt) {
    public GateDecision {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
