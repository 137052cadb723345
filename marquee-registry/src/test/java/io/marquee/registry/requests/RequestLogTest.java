package io.marquee.registry.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.store.Database;
import io.marquee.registry.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestLogTest {
    @TempDir
    Path tmp;

    Database open(String kind) {
        return kind.equals("postgresql") ? TestDatabases.postgres() : TestDatabases.sqlite(tmp);
    }

    static RequestRecord record(String endpoint, Long version, String operation, Double predicted) {
        return new RequestRecord(UUID.randomUUID(), endpoint, version, operation, "{\"user\":1}", "{\"items\":[1,2]}",
                predicted, 1234, Instant.now());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void every_request_logged_by_concurrent_threads_is_one_row_after_close(String kind) throws Exception {
        try (Database db = open(kind)) {
            RequestLog log = RequestLog.start(db, new RequestLogOptions(1_024, 200, Duration.ofSeconds(5)));
            int threads = 8;
            int perThread = 500;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    for (int k = 0; k < perThread; k++) {
                        assertThat(log.log(record("recommender", 7L, RequestRecord.RECOMMEND, null))).isTrue();
                    }
                });
                w.start();
                workers.add(w);
            }
            start.countDown();
            for (Thread w : workers) {
                w.join();
            }
            log.close();
            RequestLog.Stats s = log.stats();
            assertThat(db.count("request_log")).isEqualTo(4_000);
            assertThat(s.enqueued()).isEqualTo(4_000);
            assertThat(s.written()).isEqualTo(4_000);
            assertThat(s.dropped()).isZero();
            assertThat(s.failed()).isZero();
            assertThat(s.pending()).isZero();
            assertThat(s.batches()).isLessThan(4_000); // batched, not one transaction per row
        }
    }

    @Test
    void a_full_queue_blocks_the_caller_briefly_then_drops_and_counts() throws Exception {
        try (Database db = TestDatabases.sqlite(tmp)) {
            RequestLog log = RequestLog.start(db, new RequestLogOptions(2, 1, Duration.ofMillis(30)));
            try (Handle blocker = db.jdbi().open()) {
                blocker.execute("BEGIN IMMEDIATE"); // holds SQLite's write lock: the writer waits
                assertThat(log.log(record("recommender", 1L, "recommend", null))).isTrue(); // taken by the writer
                Thread.sleep(200);
                assertThat(log.log(record("recommender", 1L, "recommend", null))).isTrue();
                assertThat(log.log(record("recommender", 1L, "recommend", null))).isTrue();
                long t0 = System.nanoTime();
                assertThat(log.log(record("recommender", 1L, "recommend", null))).isFalse();
                assertThat((System.nanoTime() - t0) / 1e6).isGreaterThanOrEqualTo(25);
                blocker.execute("ROLLBACK");
            }
            log.close();
            RequestLog.Stats s = log.stats();
            assertThat(s.enqueued()).isEqualTo(3);
            assertThat(s.dropped()).isEqualTo(1);
            assertThat(s.written()).isEqualTo(3);
            assertThat(db.count("request_log")).isEqualTo(3);
            assertThat(log.log(record("recommender", 1L, "recommend", null))).isFalse(); // closed: dropped, counted
            assertThat(log.stats().dropped()).isEqualTo(2);
        }
    }

    @Test
    void records_logged_together_land_in_one_transaction_when_the_writer_lingers() {
        try (Database db = TestDatabases.sqlite(tmp)) {
            RequestLog log = RequestLog.start(db, new RequestLogOptions(1_000, 1_000, Duration.ZERO, Duration.ofSeconds(1)));
            for (int k = 0; k < 50; k++) {
                assertThat(log.log(record("recommender", 1L, RequestRecord.RECOMMEND, null))).isTrue();
            }
            assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(log.stats().written()).isEqualTo(50);
            assertThat(log.stats().batches()).isEqualTo(1);
            log.close();
            assertThat(db.count("request_log")).isEqualTo(50);
        }
    }

    @Test
    void a_linger_beyond_one_second_is_refused_naming_it() {
        assertThatThrownBy(() -> new RequestLogOptions(10, 10, Duration.ZERO, Duration.ofSeconds(2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("linger").hasMessageContaining("PT2S");
    }

    @Test
    void a_duplicate_request_id_loses_only_its_own_row() {
        try (Database db = TestDatabases.sqlite(tmp)) {
            RequestLog log = RequestLog.start(db, new RequestLogOptions(100, 100, Duration.ZERO));
            RequestRecord r = record("recommender", 1L, "recommend", null);
            log.log(r);
            log.flush(Duration.ofSeconds(5));
            log.log(record("recommender", 1L, "recommend", null));
            log.log(r);
            log.log(record("recommender", 1L, "recommend", null));
            log.close();
            assertThat(log.stats().failed()).isEqualTo(1);
            assertThat(log.stats().written()).isEqualTo(3);
            assertThat(db.count("request_log")).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void feedback_is_joined_with_the_log_for_live_accuracy_per_version(String kind) {
        try (Database db = open(kind); RequestLog log = RequestLog.start(db)) {
            RequestRecord a = record("recommender", 1L, RequestRecord.PREDICT, 4.0);
            RequestRecord b = record("recommender", 1L, RequestRecord.PREDICT, 3.0);
            RequestRecord c = record("recommender", 2L, RequestRecord.PREDICT, 2.0);
            RequestRecord d = record("recommender", 2L, RequestRecord.RECOMMEND, null);
            RequestRecord e = record("dropoff", 5L, RequestRecord.DROPOFF, 0.8);
            RequestRecord f = record("dropoff", 5L, RequestRecord.DROPOFF, 0.3);
            for (RequestRecord r : List.of(a, b, c, d, e, f)) {
                log.log(r);
            }
            Instant now = Instant.now();
            // feedback on requests possibly still queued: they are written first
            log.feedback(new Feedback(a.requestId(), 10L, 5.0, null, null, now));
            log.feedback(new Feedback(b.requestId(), 10L, 4.0, true, null, now));
            log.feedback(new Feedback(b.requestId(), 10L, 2.0, true, "changed their mind", now)); // replaces
            log.feedback(new Feedback(c.requestId(), 11L, 2.5, null, null, now));
            log.feedback(new Feedback(d.requestId(), 12L, null, false, null, now));
            log.feedback(new Feedback(e.requestId(), 20L, null, false, null, now)); // dropped: 0.8 was right
            log.feedback(new Feedback(f.requestId(), 21L, null, false, null, now)); // dropped: 0.3 was wrong

            List<LiveAccuracy> rec = log.liveAccuracy("recommender", null);
            assertThat(rec).extracting(LiveAccuracy::versionId).containsExactly(1L, 2L, 2L);
            LiveAccuracy v1 = rec.get(0);
            assertThat(v1.requests()).isEqualTo(2);
            assertThat(v1.feedback()).isEqualTo(2);
            assertThat(v1.rated()).isEqualTo(2);
            assertThat(v1.rmse()).isCloseTo(Math.sqrt((1.0 + 1.0) / 2), within(1e-9)); // (4-5)², (3-2)²
            assertThat(v1.mae()).isCloseTo(1.0, within(1e-9));
            assertThat(v1.watchedShare()).isEqualTo(1.0);
            assertThat(v1.meanLatencyMicros()).isEqualTo(1234.0);
            LiveAccuracy v2recommend = rec.stream().filter(x -> x.operation().equals("recommend")).findFirst().orElseThrow();
            assertThat(v2recommend.rmse()).isNull();
            assertThat(v2recommend.watchedShare()).isEqualTo(0.0);
            LiveAccuracy drop = log.liveAccuracy("dropoff", null).get(0);
            assertThat(drop.dropoffAccuracy()).isEqualTo(0.5);
            assertThat(drop.outcomes()).isEqualTo(2);
            assertThat(log.liveAccuracy("recommender", Instant.now().plusSeconds(60))).isEmpty();
            assertThat(log.request(a.requestId())).get().extracting(RequestRecord::predicted).isEqualTo(4.0);
        }
    }

    @Test
    void feedback_on_an_unknown_request_or_without_content_is_refused() {
        try (Database db = TestDatabases.sqlite(tmp); RequestLog log = RequestLog.start(db)) {
            UUID unknown = UUID.randomUUID();
            assertThatThrownBy(() -> log.feedback(new Feedback(unknown, null, 4.0, null, null, Instant.now())))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining(unknown.toString());
            assertThatThrownBy(() -> new Feedback(unknown, null, null, null, " ", Instant.now()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one");
            assertThatThrownBy(() -> new Feedback(unknown, null, 11.0, null, null, Instant.now()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("actual_rating");
            assertThatThrownBy(() -> record("Bad", 1L, "recommend", null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("endpoint");
        }
    }
}
