package io.marquee.core.progress;

/**
 * Progress of a long task, reported by core code and shown by whoever runs it (the CLI draws a
 * progress bar; the registry will record "epoch i of n"). Implementations must be cheap: callers
 * report in steps of many rows, not per row.
 */
public interface Progress {
    /** Does nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long steps) {
        }

        @Override
        public void finish() {
        }
    };

    /** A new task of {@code total} steps begins (a total of 0 or less means unknown). */
    void start(String task, long total);

    /** {@code steps} more steps of the current task are done. */
    void advance(long steps);

    /** The current task is done. */
    void finish();
}
