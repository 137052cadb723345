package io.marquee.registry.jobs;

/**
 * How far a job is in its current task, e.g. task {@code "mf: 20 epochs over 8000 ratings"},
 * done 7, total 20: epoch 7 of 20.
 *
 * @param task  what is being done (may be empty)
 * @param done  steps done
 * @param total steps in all (0 when unknown)
 */
public record JobProgress(String task, long done, long total) {
    public JobProgress {
        task = task == null ? "" : task;
    }

    /** Fraction done in [0, 1], or NaN when the total is unknown. */
    public double fraction() {
        return total <= 0 ? Double.NaN : Math.min(1.0, (double) done / total);
    }
}
