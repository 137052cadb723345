package io.marquee.registry.requests;

import io.marquee.core.error.NotFoundException;
import io.marquee.core.error.StorageException;
import io.marquee.core.store.Database;
import io.marquee.registry.Names;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log: every served recommendation and prediction, written off the hot path, plus
 * the feedback that later arrives for them and the live accuracy joined from both.
 *
 * <p><b>Writing.</b> {@link #log} puts the record in a bounded in-memory queue and returns; one
 * background thread drains the queue in batches of up to {@link RequestLogOptions#maxBatch}
 * records, each batch one transaction (one JDBC batch of one prepared INSERT). Having taken a
 * record, the writer waits up to {@link RequestLogOptions#linger} (20 ms by default) for more to
 * join it, so under load a transaction carries tens of rows instead of one. A batch that fails is retried twice (50 ms and 200 ms
 * later), then written row by row so that one bad row (say a duplicate request id) does not lose
 * the others; rows that still fail are counted as {@code failed} and logged.
 *
 * <p><b>When the queue is full</b> (the database is slower than the traffic for longer than the
 * queue absorbs), {@link #log} blocks the caller up to {@link RequestLogOptions#offerTimeout}
 * (100 ms by default), then drops the record, counts it in {@code dropped} and returns
 * {@code false}: serving never stalls behind the log for longer than that. With the defaults the
 * queue holds 65,536 records, several seconds of peak traffic.
 *
 * <p><b>Shutdown.</b> {@link #close} stops accepting records (later calls are dropped and
 * counted), waits for callers already inside {@link #log}, then writes everything queued before it
 * returns: nothing accepted is lost on a clean shutdown. A crash loses at most what was queued.
 *
 * <p>Counters ({@link #stats()}): after {@link #close}, enqueued = written + failed; dropped records
 * were never enqueued, so requests logged = enqueued + dropped.
 */
public final class RequestLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final String INSERT = "INSERT INTO request_log (request_id, endpoint, version_id, operation, input,"
            + " output, predicted, latency_us, requested_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final long[] RETRY_MS = {50, 200};

    /**
     * The log's counters.
     *
     * @param enqueued records accepted into the queue
     * @param written  records written to the database
     * @param dropped  records refused because the queue stayed full (or the log was closed)
     * @param failed   records the database refused even one by one
     * @param pending  records waiting in the queue now
     * @param batches  transactions written
     */
    public record Stats(long enqueued, long written, long dropped, long failed, int pending, long batches) {
    }

    private final Database db;
    private final RequestLogOptions options;
    private final BlockingQueue<RequestRecord> queue;
    private final Thread writer;
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicInteger producers = new AtomicInteger();
    private final Object progress = new Object();
    private volatile boolean closing;

    private RequestLog(Database db, RequestLogOptions options) {
        this.db = Objects.requireNonNull(db, "db");
        this.options = Objects.requireNonNull(options, "options");
        this.queue = new ArrayBlockingQueue<>(options.capacity());
        this.writer = new Thread(this::drainLoop, "marquee-request-log");
        this.writer.setDaemon(true);
    }

    /** Starts a request log writing to {@code db}. */
    public static RequestLog start(Database db, RequestLogOptions options) {
        RequestLog log = new RequestLog(db, options);
        log.writer.start();
        return log;
    }

    /** Starts a request log with {@link RequestLogOptions#defaults()}. */
    public static RequestLog start(Database db) {
        return start(db, RequestLogOptions.defaults());
    }

    /**
     * Queues a record for writing. Returns {@code true} when queued; {@code false} when it was
     * dropped because the queue stayed full for {@link RequestLogOptions#offerTimeout} or the log
     * is closed (both counted in {@link Stats#dropped}).
     */
    public boolean log(RequestRecord record) {
        Objects.requireNonNull(record, "record");
        producers.incrementAndGet();
        try {
            if (closing) {
                dropped.incrementAndGet();
                return false;
            }
            boolean queued = queue.offer(record);
            if (!queued && !options.offerTimeout().isZero()) {
                queued = queue.offer(record, options.offerTimeout().toNanos(), TimeUnit.NANOSECONDS);
            }
            if (queued) {
                enqueued.incrementAndGet();
            } else {
                long d = dropped.incrementAndGet();
                if (Long.bitCount(d) == 1) { // log the 1st, 2nd, 4th, 8th … drop, not every one
                    LOG.warn("request log queue full ({} records): dropped {} record(s) so far", options.capacity(), d);
                }
            }
            return queued;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropped.incrementAndGet();
            return false;
        } finally {
            producers.decrementAndGet();
        }
    }

    /** The counters now. */
    public Stats stats() {
        return new Stats(enqueued.get(), written.get(), dropped.get(), failed.get(), queue.size(), batches.get());
    }

    /**
     * Waits until every record queued before this call is written (or has failed); returns whether
     * that happened within {@code timeout}.
     */
    public boolean flush(Duration timeout) {
        long target = enqueued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (written.get() + failed.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Stops accepting records and writes everything queued; idempotent. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while closing the request log; {} record(s) may not be written", queue.size());
        }
    }

    private void drainLoop() {
        List<RequestRecord> batch = new ArrayList<>(Math.min(options.maxBatch(), 4096));
        while (true) {
            RequestRecord first;
            try {
                first = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // only close() ends the loop, after draining
            }
            if (first == null) {
                if (closing && producers.get() == 0 && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            gather(batch);
            write(batch);
            batch.clear();
        }
    }

    /** Adds what is queued to the batch, lingering for more up to {@link RequestLogOptions#linger}. */
    private void gather(List<RequestRecord> batch) {
        int max = options.maxBatch();
        queue.drainTo(batch, max - batch.size());
        long deadline = System.nanoTime() + options.linger().toNanos();
        while (batch.size() < max && !closing) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            RequestRecord next;
            try {
                next = queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return; // write what we have; only close() ends the loop
            }
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, max - batch.size());
        }
    }

    private void write(List<RequestRecord> batch) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= RETRY_MS.length; attempt++) {
            try {
                insert(batch);
                batches.incrementAndGet();
                advance(written, batch.size());
                return;
            } catch (RuntimeException e) {
                last = e;
                if (attempt < RETRY_MS.length) {
                    sleep(RETRY_MS[attempt]);
                }
            }
        }
        LOG.warn("request log batch of {} failed ({}); writing its rows one by one", batch.size(), last.toString());
        for (RequestRecord r : batch) {
            try {
                insert(List.of(r));
                batches.incrementAndGet();
                advance(written, 1);
            } catch (RuntimeException e) {
                LOG.error("request {} could not be logged: {}", r.requestId(), e.toString());
                advance(failed, 1);
            }
        }
    }

    private void advance(AtomicLong counter, long n) {
        counter.addAndGet(n);
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /**
     * One transaction of one JDBC batch. Plain JDBC rather than JDBI's named-parameter batch: the
     * log writes thousands of rows a second beside the server, and JDBI resolves an argument
     * factory for every bound value of every row.
     */
    private void insert(List<RequestRecord> rows) {
        db.inTransaction(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT)) {
                for (RequestRecord r : rows) {
                    ps.setString(1, r.requestId().toString());
                    ps.setString(2, r.endpoint());
                    if (r.versionId() == null) {
                        ps.setNull(3, Types.BIGINT);
                    } else {
                        ps.setLong(3, r.versionId());
                    }
                    ps.setString(4, r.operation());
                    ps.setString(5, r.input());
                    ps.setString(6, r.output());
                    if (r.predicted() == null) {
                        ps.setNull(7, Types.DOUBLE);
                    } else {
                        ps.setDouble(7, r.predicted());
                    }
                    ps.setLong(8, r.latencyMicros());
                    ps.setLong(9, r.at().toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new StorageException("cannot write " + rows.size() + " request-log row(s) to " + db.url() + ": "
                        + e.getMessage(), e);
            }
            return null;
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            // keep going: only close() stops the writer
        }
    }

    // ------------------------------------------------------------------ reading, feedback, live accuracy

    /** A logged request by id (queued records are not visible until written; see {@link #flush}). */
    public Optional<RequestRecord> request(UUID requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return db.withHandle(h -> h.createQuery("SELECT request_id, endpoint, version_id, operation, input, output,"
                        + " predicted, latency_us, requested_at_ms FROM request_log WHERE request_id = :id")
                .bind("id", requestId.toString())
                .map((rs, ctx) -> {
                    long version = rs.getLong(3);
                    Long versionId = rs.wasNull() ? null : version;
                    double p = rs.getDouble(7);
                    Double predicted = rs.wasNull() ? null : p;
                    return new RequestRecord(UUID.fromString(rs.getString(1)), rs.getString(2), versionId,
                            rs.getString(4), rs.getString(5), rs.getString(6), predicted, rs.getLong(8),
                            Instant.ofEpochMilli(rs.getLong(9)));
                }).findOne());
    }

    /** Rows in the request log (written ones). */
    public long count() {
        return db.count("request_log");
    }

    /**
     * Stores feedback on a logged request; later feedback on the same request replaces earlier.
     * A request still in the queue is written first.
     *
     * @throws NotFoundException when no such request was logged
     */
    public Feedback feedback(Feedback f) {
        Objects.requireNonNull(f, "feedback");
        if (!exists(f.requestId())) {
            flush(Duration.ofSeconds(5));
            if (!exists(f.requestId())) {
                throw new NotFoundException("request " + f.requestId() + " is not in the request log");
            }
        }
        db.inTransaction(h -> h.createUpdate("INSERT INTO request_feedback (request_id, movie_id, actual_rating, watched,"
                        + " label, received_at_ms) VALUES (:id, :movie, :rating, :watched, :label, :at)"
                        + " ON CONFLICT (request_id) DO UPDATE SET movie_id = excluded.movie_id,"
                        + " actual_rating = excluded.actual_rating, watched = excluded.watched, label = excluded.label,"
                        + " received_at_ms = excluded.received_at_ms")
                .bind("id", f.requestId().toString()).bind("movie", f.movieId()).bind("rating", f.actualRating())
                .bind("watched", f.watched()).bind("label", f.label()).bind("at", f.at().toEpochMilli()).execute());
        return f;
    }

    /**
     * Live accuracy of each version of the endpoint (and each operation), from requests logged
     * since {@code since} (null for all) and their feedback.
     */
    public List<LiveAccuracy> liveAccuracy(String endpoint, Instant since) {
        Names.endpoint(endpoint);
        long from = since == null ? Long.MIN_VALUE : since.toEpochMilli();
        record Key(Long version, String operation) {
        }
        record Served(long requests, double meanLatency) {
        }
        Map<Key, Served> served = new LinkedHashMap<>();
        Map<Key, LiveAccuracy> out = new LinkedHashMap<>();
        db.withHandle(h -> {
            h.createQuery("SELECT version_id, operation, COUNT(*), AVG(latency_us) FROM request_log"
                            + " WHERE endpoint = :e AND requested_at_ms >= :from GROUP BY version_id, operation"
                            + " ORDER BY version_id, operation")
                    .bind("e", endpoint).bind("from", from)
                    .map((rs, ctx) -> {
                        long v = rs.getLong(1);
                        Long version = rs.wasNull() ? null : v;
                        served.put(new Key(version, rs.getString(2)), new Served(rs.getLong(3), rs.getDouble(4)));
                        return 0;
                    }).list();
            Query q = h.createQuery("SELECT r.version_id, r.operation, COUNT(*),"
                    + " SUM(CASE WHEN f.actual_rating IS NOT NULL AND r.predicted IS NOT NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN f.actual_rating IS NOT NULL AND r.predicted IS NOT NULL"
                    + "     THEN (r.predicted - f.actual_rating) * (r.predicted - f.actual_rating) ELSE 0 END),"
                    + " SUM(CASE WHEN f.actual_rating IS NOT NULL AND r.predicted IS NOT NULL"
                    + "     THEN ABS(r.predicted - f.actual_rating) ELSE 0 END),"
                    + " SUM(CASE WHEN f.watched IS NOT NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN f.watched = TRUE THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN f.watched IS NOT NULL AND r.predicted IS NOT NULL AND r.operation = 'dropoff'"
                    + "     THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN r.operation = 'dropoff' AND r.predicted IS NOT NULL AND"
                    + "     ((r.predicted >= 0.5 AND f.watched = FALSE) OR (r.predicted < 0.5 AND f.watched = TRUE))"
                    + "     THEN 1 ELSE 0 END)"
                    + " FROM request_feedback f JOIN request_log r ON r.request_id = f.request_id"
                    + " WHERE r.endpoint = :e AND r.requested_at_ms >= :from"
                    + " GROUP BY r.version_id, r.operation");
            q.bind("e", endpoint).bind("from", from).map((rs, ctx) -> {
                long v = rs.getLong(1);
                Long version = rs.wasNull() ? null : v;
                Key key = new Key(version, rs.getString(2));
                long feedback = rs.getLong(3);
                long rated = rs.getLong(4);
                double sq = rs.getDouble(5);
                double abs = rs.getDouble(6);
                long outcomes = rs.getLong(7);
                long watched = rs.getLong(8);
                long dropoffN = rs.getLong(9);
                long dropoffRight = rs.getLong(10);
                Served s = served.getOrDefault(key, new Served(0, Double.NaN));
                out.put(key, new LiveAccuracy(endpoint, version, key.operation(), s.requests(), finite(s.meanLatency()),
                        feedback, rated, rated == 0 ? null : Math.sqrt(sq / rated), rated == 0 ? null : abs / rated,
                        outcomes, outcomes == 0 ? null : (double) watched / outcomes,
                        dropoffN == 0 ? null : (double) dropoffRight / dropoffN));
                return 0;
            }).list();
            return null;
        });
        List<LiveAccuracy> result = new ArrayList<>();
        served.forEach((key, s) -> result.add(out.getOrDefault(key, new LiveAccuracy(endpoint, key.version(),
                key.operation(), s.requests(), finite(s.meanLatency()), 0, 0, null, null, 0, null, null))));
        return result;
    }

    private boolean exists(UUID id) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM request_log WHERE request_id = :id")
                .bind("id", id.toString()).mapTo(Long.class).one()) > 0;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
