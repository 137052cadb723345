package io.marquee.registry;

import io.marquee.core.data.IdIndex;
import io.marquee.core.data.Interactions;
import io.marquee.recommend.Algorithms;
import io.marquee.recommend.RecommenderModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Tiny saved models for registry tests: a global-mean model whose mean is chosen by the test. */
public final class TestModels {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestModels() {
    }

    /** A global-mean model predicting {@code mean} for everyone, saved in a new directory under {@code parent}. */
    public static Path saved(Path parent, float mean) {
        Interactions data = new Interactions(IdIndex.of(1, 2, 3), IdIndex.of(10, 20, 30),
                new int[] {0, 1, 2}, new int[] {0, 1, 2}, new float[] {mean, mean, mean}, new long[] {1, 2, 3});
        RecommenderModel m = Algorithms.get("mean").trainer(Map.of()).train(data);
        return m.save(parent.resolve("model-" + COUNTER.incrementAndGet()));
    }

    /** Overwrites the first byte of one array file of a stored artifact. */
    public static void corrupt(ArtifactStore store, String hash) {
        try (var files = Files.list(store.path(hash))) {
            Path array = files.filter(p -> !p.getFileName().toString().equals("manifest.json")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(array);
            bytes[0] ^= 0x5A;
            Files.write(array, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
