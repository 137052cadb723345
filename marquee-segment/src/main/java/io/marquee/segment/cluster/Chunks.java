package io.marquee.segment.cluster;

import java.util.stream.IntStream;

/**
 * Deterministic data parallelism over row ranges. Rows are cut into chunks of a fixed size that
 * does not depend on the number of cores; chunks run in parallel (common fork-join pool) and each
 * writes only its own slot of per-chunk results, which callers then combine in chunk order. So the
 * result is bit-for-bit the same on any machine, whatever the thread scheduling.
 */
public final class Chunks {
    /** Rows per chunk. */
    public static final int SIZE = 4096;

    /** Work on the rows {@code [from, to)} of chunk {@code chunk}. */
    @FunctionalInterface
    public interface Task {
        void run(int chunk, int from, int to);
    }

    private Chunks() {
    }

    /** Number of chunks for {@code n} rows. */
    public static int count(int n) {
        return (n + SIZE - 1) / SIZE;
    }

    /** Runs {@code task} once per chunk of {@code [0, n)}, in parallel when there is more than one chunk. */
    public static void forEach(int n, Task task) {
        forEach(n, SIZE, task);
    }

    /** As {@link #forEach(int, Task)} with a given chunk size. */
    public static void forEach(int n, int size, Task task) {
        int chunks = (n + size - 1) / size;
        if (chunks <= 1) {
            if (n > 0) {
                task.run(0, 0, n);
            }
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> task.run(c, c * size, Math.min(n, (c + 1) * size)));
    }
}
