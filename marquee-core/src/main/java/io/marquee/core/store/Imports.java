package io.marquee.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.core.data.DataSink;
import io.marquee.core.error.ConflictException;
import io.marquee.core.error.StorageException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs an import (or a generation) as one transaction and records it in the {@code imports}
 * table.
 *
 * <p>Policy for a second import of the same data: <b>refused</b>. Each run records the sha256 of
 * its source; a run whose fingerprint is already recorded fails with a {@link ConflictException}
 * naming the earlier import, before anything is written. Different data that overlaps rows already
 * present (same rating key, same film id) fails on the first conflicting batch, and the whole
 * transaction rolls back, leaving the database as it was.
 */
public final class Imports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Imports() {
    }

    /**
     * Runs {@code producer} against a database sink inside one transaction.
     *
     * @param db          target database
     * @param kind        what kind of data this is, e.g. {@code movielens-100k}
     * @param source      human-readable source (path or description)
     * @param fingerprint sha256 of the source's content; a repeat is refused
     * @param producer    reads or makes the data and sends it to the sink
     * @return what was written
     */
    public static ImportResult run(Database db, String kind, String source, String fingerprint,
                                   Consumer<DataSink> producer) {
        long start = System.nanoTime();
        long[] id = new long[1];
        Map<String, Long> counts = db.inTransaction(handle -> {
            Optional<Map<String, Object>> earlier = handle
                    .createQuery("SELECT id, kind, source, imported_at FROM imports WHERE fingerprint = :f")
                    .bind("f", fingerprint)
                    .mapToMap()
                    .findFirst();
            if (earlier.isPresent()) {
                Map<String, Object> e = earlier.get();
                throw new ConflictException("this data was already imported (import #" + e.get("id")
                        + ", " + e.get("kind") + " from " + e.get("source") + " at "
                        + Instant.ofEpochSecond(((Number) e.get("imported_at")).longValue())
                        + "); a second import is refused — use a fresh database");
            }
            Map<String, Long> written;
            try (DatabaseSink sink = new DatabaseSink(handle)) {
                producer.accept(sink);
                sink.flush();
                written = sink.rowCounts();
            }
            id[0] = handle.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM imports")
                    .mapTo(Long.class).one();
            handle.createUpdate("INSERT INTO imports (id, kind, source, fingerprint, imported_at, row_counts)"
                            + " VALUES (:id, :kind, :source, :fingerprint, :at, :counts)")
                    .bind("id", id[0])
                    .bind("kind", kind)
                    .bind("source", truncate(source, 1024))
                    .bind("fingerprint", fingerprint)
                    .bind("at", Instant.now().getEpochSecond())
                    .bind("counts", toJson(new TreeMap<>(written)))
                    .execute();
            return written;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ImportResult(id[0], kind, source, fingerprint, counts, seconds);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot encode import counts", e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
