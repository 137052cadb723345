package io.marquee.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent per-row work (one least-squares solve per user or item) on a fixed number of
 * threads. Rows are handed out in chunks from a shared counter, so which thread solves which row
 * varies from run to run; results do not, because each row reads only data that is fixed during
 * the pass and writes only its own outputs, and each thread has its own scratch, fully reset per
 * row by the caller. Anything summed over rows is written per row and added up afterwards in row
 * order, never accumulated across threads. Used by the ALS, iALS and BPMF trainers (a BPMF row is
 * one Gaussian draw from the row's own seeded stream, so it is as order-free as a solve).
 */
public final class RowParallel implements AutoCloseable {
    /** Per-row work with a thread's own scratch. */
    public interface RowTask<S> {
        void row(int row, S scratch);
    }

    private static final int CHUNK = 64;
    private final int threads;
    private final ExecutorService pool;

    /**
     * @param threads worker threads; 1 or fewer runs every row on the caller's thread
     * @param name    prefix of the worker threads' names
     */
    public RowParallel(int threads, String name) {
        this.threads = threads;
        if (threads <= 1) {
            pool = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Calls {@code task} once for every row in {@code [0, rows)}. */
    public <S> void forEachRow(int rows, Supplier<S> scratch, RowTask<S> task) {
        if (pool == null || rows <= CHUNK) {
            S s = scratch.get();
            for (int r = 0; r < rows; r++) {
                task.row(r, s);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                S s = scratch.get();
                int from;
                while ((from = next.getAndAdd(CHUNK)) < rows) {
                    int to = Math.min(rows, from + CHUNK);
                    for (int r = from; r < to; r++) {
                        task.row(r, s);
                    }
                }
            }));
        }
        await(futures);
    }

    /** Calls {@code task} once for every row listed in {@code rows}. */
    public <S> void forEach(int[] rows, Supplier<S> scratch, RowTask<S> task) {
        forEachRow(rows.length, scratch, (r, s) -> task.row(rows[r], s));
    }

    private static void await(List<Future<?>> futures) {
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
