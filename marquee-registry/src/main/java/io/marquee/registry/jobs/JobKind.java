package io.marquee.registry.jobs;

import java.util.Locale;

/** What a training job does. */
public enum JobKind {
    /** Train, evaluate on the holdout, register in testing. */
    TRAIN,
    /** Train, evaluate it and production on the same holdout, register, promote if the gate passes. */
    RETRAIN;

    /** Lower-case name as stored and shown. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobKind fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
