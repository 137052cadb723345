package io.marquee.registry.jobs;

import java.util.Locale;

/** Where a training job is. */
public enum JobStatus {
    /** Waiting for a worker. */
    QUEUED,
    /** Training, evaluating or registering. */
    RUNNING,
    /** Finished; a version was registered. */
    SUCCEEDED,
    /** Finished with an error (or interrupted by a shutdown or crash). */
    FAILED;

    /** Lower-case name as stored and shown. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the job will not change any more. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }

    static JobStatus fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
