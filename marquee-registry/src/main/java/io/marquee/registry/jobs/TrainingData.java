package io.marquee.registry.jobs;

import io.marquee.core.data.Interactions;
import io.marquee.core.store.Database;
import io.marquee.core.store.DatabaseReader;

/** Where training jobs get their ratings; read anew by every job. */
@FunctionalInterface
public interface TrainingData {
    /** The ratings to train on now. */
    Interactions ratings();

    /** The ratings in Marquee's database. */
    static TrainingData of(Database db) {
        return () -> DatabaseReader.load(db).ratings();
    }
}
