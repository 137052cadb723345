package io.marquee.recommend.bayes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent per-entity work (one Gaussian draw per user or item) on a fixed number of
 * threads, handing out chunks of a list of indices from a shared counter. Results do not depend on
 * which thread runs which entity: each entity reads only data fixed during the pass, writes only
 * its own outputs and draws from its own seeded stream. (The same shape as the ALS package's
 * row runner, which is package-private there.)
 */
final class Parallel implements AutoCloseable {
    /** Work on one entity with the thread's own scratch. */
    interface Task<S> {
        void run(int entity, S scratch);
    }

    private static final int CHUNK = 32;
    private final int threads;
    private final ExecutorService pool;

    Parallel(int threads) {
        this.threads = threads;
        if (threads <= 1) {
            pool = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "marquee-bpmf-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Calls {@code task} once for every index in {@code entities}. */
    <S> void forEach(int[] entities, Supplier<S> scratch, Task<S> task) {
        int count = entities.length;
        if (pool == null || count <= CHUNK) {
            S s = scratch.get();
            for (int e : entities) {
                task.run(e, s);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                S s = scratch.get();
                int from;
                while ((from = next.getAndAdd(CHUNK)) < count) {
                    int to = Math.min(count, from + CHUNK);
                    for (int r = from; r < to; r++) {
                        task.run(entities[r], s);
                    }
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
