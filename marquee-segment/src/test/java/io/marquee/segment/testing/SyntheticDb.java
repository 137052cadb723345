package io.marquee.segment.testing;

import io.marquee.core.data.Dataset;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.store.DatabaseReader;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import java.nio.file.Path;

/** A small synthetic Marquee database (SQLite), generated once per test class, and its data set. */
public final class SyntheticDb {
    private SyntheticDb() {
    }

    /** Generates {@code users} viewers and {@code movies} films into {@code dir/marquee.db} and loads them. */
    public static Dataset create(Path dir, int users, int movies) {
        String file = dir.resolve("marquee.db").toString();
        try (Database db = Database.open(file)) {
            SyntheticGenerator.generateInto(db, GeneratorParams.defaults().withUsers(users).withMovies(movies),
                    Progress.NONE);
            return DatabaseReader.load(db);
        }
    }
}
