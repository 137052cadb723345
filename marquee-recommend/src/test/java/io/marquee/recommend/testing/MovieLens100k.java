package io.marquee.recommend.testing;

import io.marquee.core.data.Dataset;
import io.marquee.core.data.DatasetBuilder;
import io.marquee.core.data.Interactions;
import io.marquee.core.importer.MovieLensSource;
import io.marquee.core.testing.SharedData;
import java.nio.file.Path;

/**
 * ML-100K for accuracy tests, read straight from the shared folder (no database); the test is
 * skipped when the data is absent. Loaded once per JVM.
 */
public final class MovieLens100k {
    private static Dataset cached;

    private MovieLens100k() {
    }

    /** The folder; skips the calling test when absent. */
    public static Path dir() {
        return SharedData.require("movielens/ml-100k");
    }

    /** The whole data set. */
    public static synchronized Dataset dataset() {
        Path dir = dir();
        if (cached == null) {
            DatasetBuilder b = new DatasetBuilder();
            try (MovieLensSource s = MovieLensSource.open(dir)) {
                s.readInto(b);
            }
            cached = b.build();
        }
        return cached;
    }

    /** The 100,000 ratings. */
    public static Interactions ratings() {
        return dataset().ratings();
    }
}
