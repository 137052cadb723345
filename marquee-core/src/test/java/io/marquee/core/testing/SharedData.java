package io.marquee.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the project's shared data folder ({@code shared/data} beside the repository, or the folder
 * named by the {@code MARQUEE_SHARED_DATA} environment variable). Tests that need it call
 * {@link #require(String)}, which skips the test with a clear message when the data is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared data folder, if it can be found from the working directory upwards. */
    public static Optional<Path> root() {
        String env = System.getenv("MARQUEE_SHARED_DATA");
        if (env != null && Files.isDirectory(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The sub-folder {@code relative} of the shared data (e.g. {@code movielens/ml-100k}); skips the
     * calling test when it is absent.
     */
    public static Path require(String relative) {
        Optional<Path> dir = root().map(r -> r.resolve(relative)).filter(Files::isDirectory);
        Assumptions.assumeTrue(dir.isPresent(),
                "skipped: shared data '" + relative + "' not found (looked for shared/data beside the"
                        + " repository and $MARQUEE_SHARED_DATA)");
        return dir.get();
    }
}
