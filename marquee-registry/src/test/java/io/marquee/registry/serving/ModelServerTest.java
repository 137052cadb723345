package io.marquee.registry.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.model.ModelArchive;
import io.marquee.core.store.Database;
import io.marquee.recommend.RatingPredictor;
import io.marquee.recommend.RecommenderModel;
import io.marquee.registry.ArtifactStore;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.NewVersion;
import io.marquee.registry.RegistryOptions;
import io.marquee.registry.Stage;
import io.marquee.registry.TestDatabases;
import io.marquee.registry.TestModels;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelServerTest {
    static final String REC = "recommender";

    @TempDir
    Path tmp;
    Database db;
    ArtifactStore store;
    ModelRegistry registry;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite(tmp);
        store = ArtifactStore.at(tmp.resolve("artifacts"));
        registry = new ModelRegistry(db, store, RegistryOptions.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A staged global-mean model predicting {@code mean}: the prediction tells which version answered. */
    ModelVersion staged(float mean) {
        ModelVersion v = registry.register(NewVersion.of(REC, TestModels.saved(tmp, mean), "alice"));
        return registry.transition(v.id(), Stage.STAGING, "alice", null).version();
    }

    ModelVersion promoted(float mean) {
        return registry.promote(staged(mean).id(), "alice", null).version();
    }

    static float predict(Served<RecommenderModel> s) {
        return ((RatingPredictor) s.model()).predict(0, 0);
    }

    @Test
    void the_production_model_is_loaded_once_and_served_with_its_version() {
        ModelVersion v1 = promoted(3f);
        try (ModelServer<RecommenderModel> server = ModelServer.following(registry, REC, ModelLoaders.RECOMMENDER,
                Duration.ZERO)) {
            Served<RecommenderModel> a = server.current();
            assertThat(a.version().id()).isEqualTo(v1.id());
            assertThat(predict(a)).isEqualTo(3f);
            assertThat(server.current()).isSameAs(a);
            assertThat(server.refresh().swapped()).isFalse();
            assertThat(server.get("production")).isSameAs(a);
        }
    }

    @Test
    void requests_in_flight_never_fail_while_promotions_swap_the_model() throws Exception {
        promoted(1f);
        List<ModelVersion> next = new ArrayList<>();
        for (int k = 2; k <= 6; k++) {
            next.add(staged(k));
        }
        try (ModelServer<RecommenderModel> server = ModelServer.following(registry, REC, ModelLoaders.RECOMMENDER,
                Duration.ZERO)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong served = new AtomicLong();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread r = new Thread(() -> {
                    float[] scores = new float[3];
                    while (!stop.get()) {
                        try {
                            Served<RecommenderModel> s = server.current(); // one snapshot per request
                            s.model().scoreAll(0, scores);
                            float expected = s.version().version(); // version k predicts k
                            if (predict(s) != expected || scores[0] != expected) {
                                throw new AssertionError("v" + s.version().version() + " answered " + predict(s));
                            }
                            served.incrementAndGet();
                            LockSupport.parkNanos(20_000); // paced like requests, not a busy loop starving the promoter
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                });
                r.start();
                readers.add(r);
            }
            for (ModelVersion v : next) {
                Thread.sleep(30);
                registry.promote(v.id(), "ops", "roll forward");
                assertThat(server.current().version().id()).isEqualTo(v.id()); // swapped by the time promote returns
            }
            Thread.sleep(30);
            stop.set(true);
            for (Thread r : readers) {
                r.join();
            }
            assertThat(errors).isEmpty();
            assertThat(served.get()).isGreaterThan(100);
            assertThat(predict(server.current())).isEqualTo(6f);
        }
    }

    @Test
    void a_corrupted_artifact_is_refused_and_the_last_good_model_keeps_serving() {
        ModelVersion v1 = promoted(1f);
        ModelServer<RecommenderModel> server = new ModelServer<>(registry, REC, ModelLoaders.RECOMMENDER);
        assertThat(server.refresh().swapped()).isTrue();
        ModelVersion v2 = promoted(2f); // e.g. promoted by the CLI in another process; the server polls later
        TestModels.corrupt(store, v2.artifactHash()); // and the disk damages it before the server loads it

        RefreshResult r = server.refresh();
        assertThat(r.swapped()).isFalse();
        assertThat(r.upToDate()).isFalse();
        assertThat(r.failure().versionId()).isEqualTo(v2.id());
        assertThat(r.failure().message()).contains("corrupted").contains("v2");
        assertThat(server.lastFailure()).isPresent();
        Served<RecommenderModel> still = server.current();
        assertThat(still.version().id()).isEqualTo(v1.id());
        assertThat(predict(still)).isEqualTo(1f);
        assertThat(server.refresh().failure()).isNotNull(); // not retried in a loop; still reported

        ModelVersion v3 = promoted(3f);
        assertThat(server.refresh().swapped()).isTrue();
        assertThat(server.current().version().id()).isEqualTo(v3.id());
        assertThat(server.lastFailure()).isEmpty();
    }

    @Test
    void an_endpoint_without_a_loadable_model_is_unavailable_with_the_reason() {
        ModelServer<RecommenderModel> empty = new ModelServer<>(registry, REC, ModelLoaders.RECOMMENDER);
        empty.refresh();
        assertThatThrownBy(empty::current).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("no production version");

        ModelVersion v1 = promoted(1f);
        TestModels.corrupt(store, v1.artifactHash());
        ModelServer<RecommenderModel> server = new ModelServer<>(registry, REC, ModelLoaders.RECOMMENDER);
        assertThat(server.refresh().failure()).isNotNull();
        assertThatThrownBy(server::current).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("corrupted");
    }

    @Test
    void other_stages_versions_and_aliases_are_served_on_request_and_loaded_once() {
        ModelVersion v1 = promoted(1f);
        ModelVersion v2 = staged(2f);
        registry.setAlias(REC, "champion", v1.id(), "a", null);
        try (ModelServer<RecommenderModel> server = ModelServer.following(registry, REC, ModelLoaders.RECOMMENDER,
                Duration.ZERO)) {
            Served<RecommenderModel> staging = server.get("staging");
            assertThat(staging.version().id()).isEqualTo(v2.id());
            assertThat(server.get("v2")).isSameAs(staging);
            assertThat(server.get("champion")).isSameAs(server.current());
            TestModels.corrupt(store, registry.register(NewVersion.of(REC, TestModels.saved(tmp, 9f), "a"))
                    .artifactHash());
            assertThatThrownBy(() -> server.get("latest")).isInstanceOf(ModelArchive.CorruptModelException.class);
            assertThat(server.current().version().id()).isEqualTo(v1.id());
        }
    }

    @Test
    void a_promotion_made_by_another_process_is_picked_up_by_polling() throws Exception {
        promoted(1f);
        ModelVersion v2 = staged(2f);
        ModelRegistry elsewhere = new ModelRegistry(db, store, RegistryOptions.defaults(), Clock.systemUTC());
        try (ModelServer<RecommenderModel> server = ModelServer.following(registry, REC, ModelLoaders.RECOMMENDER,
                Duration.ofMillis(20))) {
            elsewhere.promote(v2.id(), "cli", null); // no listener of this process hears it
            long deadline = System.currentTimeMillis() + 5_000;
            while (server.current().version().id() != v2.id() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.current().version().id()).isEqualTo(v2.id());
        }
    }
}
