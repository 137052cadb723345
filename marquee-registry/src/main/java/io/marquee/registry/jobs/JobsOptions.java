package io.marquee.registry.jobs;

import io.marquee.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of {@link TrainingJobs}.
 *
 * @param workers       jobs trained at the same time (each job may use several threads itself)
 * @param queueCapacity jobs that may wait for a worker; one more is refused
 * @param gate          the default holdout and gate policy
 * @param workDir       where models are saved before they are registered (null: the system temp directory)
 */
public record JobsOptions(int workers, int queueCapacity, GatePolicy gate, Path workDir) {
    public JobsOptions {
        if (workers < 1 || workers > 64) {
            throw InvalidInputException.of("workers", workers, "between 1 and 64");
        }
        if (queueCapacity < 1) {
            throw InvalidInputException.of("queueCapacity", queueCapacity, "at least 1");
        }
        Objects.requireNonNull(gate, "gate");
    }

    /** One worker, 16 waiting jobs, {@link GatePolicy#defaults()}, system temp directory. */
    public static JobsOptions defaults() {
        return new JobsOptions(1, 16, GatePolicy.defaults(), null);
    }

    /** With another gate policy. */
    public JobsOptions withGate(GatePolicy value) {
        return new JobsOptions(workers, queueCapacity, value, workDir);
    }
}
