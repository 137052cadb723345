package io.marquee.registry.jobs;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A training job as stored: what was asked, where it is, and what came out.
 *
 * @param id          job id (for {@code GET /jobs/{id}})
 * @param kind        train or retrain
 * @param endpoint    the endpoint the model is for
 * @param algorithm   the algorithm trained
 * @param params      parameter overrides ({@code name → value}) applied to the algorithm's defaults
 * @param status      queued, running, succeeded or failed
 * @param progress    current task and step (e.g. epoch 7 of 20)
 * @param requestedBy who asked
 * @param description free text given with the request
 * @param createdAt   when it was submitted
 * @param startedAt   when a worker picked it up (null while queued)
 * @param finishedAt  when it ended (null until then)
 * @param versionId   the registered version (null until registered)
 * @param decisionId  the validation gate's decision, for retrain jobs (null otherwise)
 * @param error       why it failed (null unless failed)
 * @param log         its log lines, oldest first
 */
public record JobInfo(long id, JobKind kind, String endpoint, String algorithm, Map<String, String> params,
                      JobStatus status, JobProgress progress, String requestedBy, String description,
                      Instant createdAt, Instant startedAt, Instant finishedAt, Long versionId, Long decisionId,
                      String error, List<JobLogLine> log) {
    public JobInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progress, "progress");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        description = description == null ? "" : description;
        log = List.copyOf(log);
    }
}
