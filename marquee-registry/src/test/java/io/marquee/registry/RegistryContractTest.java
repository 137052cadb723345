package io.marquee.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.ConflictException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.error.StorageException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's behaviour, run once on SQLite ({@link SqliteRegistryTest}) and once on a real
 * PostgreSQL server ({@link PostgresRegistryTest}).
 */
abstract class RegistryContractTest {
    static final String REC = "recommender";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;
    Database db;
    ArtifactStore store;
    MutableClock clock;
    ModelRegistry registry;

    abstract Database newDatabase(Path dir);

    @BeforeEach
    void openRegistry() {
        db = newDatabase(tmp);
        store = ArtifactStore.at(tmp.resolve("artifacts"));
        clock = new MutableClock(T0);
        registry = new ModelRegistry(db, store, RegistryOptions.defaults().withKeepArchived(2), clock);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    ModelVersion register(String endpoint, float mean) {
        clock.advance(Duration.ofMinutes(1));
        return registry.register(new NewVersion(endpoint, TestModels.saved(tmp, mean), "alice", "mean " + mean,
                List.of("test"), Map.of("rmse", 1.0 + mean / 100)));
    }

    ModelVersion staged(String endpoint, float mean) {
        ModelVersion v = register(endpoint, mean);
        clock.advance(Duration.ofMinutes(1));
        return registry.transition(v.id(), Stage.STAGING, "alice", "ready").version();
    }

    ModelVersion inProduction(String endpoint, float mean) {
        ModelVersion v = staged(endpoint, mean);
        clock.advance(Duration.ofMinutes(1));
        return registry.promote(v.id(), "bob", "ship it").version();
    }

    Stage stageOf(ModelVersion v) {
        return registry.version(v.id()).stage();
    }

    @Test
    void registering_assigns_version_numbers_per_endpoint_and_records_provenance() {
        ModelVersion a = register(REC, 3f);
        ModelVersion b = register(REC, 4f);
        ModelVersion c = register("dropoff", 2f);
        assertThat(List.of(a.version(), b.version(), c.version())).containsExactly(1, 2, 1);
        assertThat(a.stage()).isEqualTo(Stage.TESTING);
        assertThat(a.algorithm()).isEqualTo("mean");
        assertThat(a.dataFingerprint()).hasSize(64);
        assertThat(a.metrics()).containsKey("rmse");
        assertThat(a.tags()).containsExactly("test");
        assertThat(a.createdBy()).isEqualTo("alice");
        assertThat(store.contains(a.artifactHash())).isTrue();
        assertThat(registry.versions(REC, null)).extracting(ModelVersion::version).containsExactly(2, 1);
        assertThat(registry.versions(null, Stage.TESTING)).hasSize(3);
        assertThat(registry.endpoints()).extracting(EndpointInfo::name).containsExactly("dropoff", REC);
        assertThat(registry.metricHistory(REC, "rmse")).hasSize(2);
    }

    @Test
    void version_numbers_are_never_reused_after_a_deletion() {
        register(REC, 3f);
        ModelVersion b = register(REC, 4f);
        registry.delete(b.id(), "alice", "mistake");
        assertThat(register(REC, 5f).version()).isEqualTo(3);
    }

    @Test
    void legal_transitions_follow_the_stage_table() {
        ModelVersion v = register(REC, 3f);
        assertThat(registry.transition(v.id(), Stage.STAGING, "a", null).to()).isEqualTo(Stage.STAGING);
        assertThat(registry.transition(v.id(), Stage.TESTING, "a", null).to()).isEqualTo(Stage.TESTING);
        assertThat(registry.transition(v.id(), Stage.ARCHIVED, "a", null).to()).isEqualTo(Stage.ARCHIVED);
        assertThat(registry.transition(v.id(), Stage.STAGING, "a", null).to()).isEqualTo(Stage.STAGING);
        StageChange c = registry.transition(v.id(), Stage.PRODUCTION, "a", null);
        assertThat(c.from()).isEqualTo(Stage.STAGING);
        assertThat(c.version().stage()).isEqualTo(Stage.PRODUCTION);
        assertThat(c.demoted()).isNull();
    }

    @Test
    void illegal_transitions_are_refused_with_a_conflict_naming_both_stages() {
        ModelVersion testing = register(REC, 3f);
        assertThatThrownBy(() -> registry.transition(testing.id(), Stage.PRODUCTION, "a", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("from testing to production");
        ModelVersion prod = inProduction(REC, 4f);
        for (Stage to : List.of(Stage.TESTING, Stage.STAGING, Stage.ARCHIVED)) {
            assertThatThrownBy(() -> registry.transition(prod.id(), to, "a", null))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("from production to " + to.id());
        }
        assertThatThrownBy(() -> registry.transition(prod.id(), Stage.PRODUCTION, "a", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already in production");
        registry.transition(testing.id(), Stage.ARCHIVED, "a", null);
        assertThatThrownBy(() -> registry.transition(testing.id(), Stage.PRODUCTION, "a", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("from archived to production");
        assertThatThrownBy(() -> registry.transition(testing.id(), Stage.TESTING, "a", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("from archived to testing");
        assertThat(stageOf(prod)).isEqualTo(Stage.PRODUCTION);
        assertThat(stageOf(testing)).isEqualTo(Stage.ARCHIVED);
    }

    @Test
    void promoting_archives_the_previous_production_version_in_the_same_change() {
        ModelVersion v1 = inProduction(REC, 3f);
        ModelVersion v2 = staged(REC, 4f);
        StageChange c = registry.promote(v2.id(), "bob", "better");
        assertThat(c.demoted().id()).isEqualTo(v1.id());
        assertThat(c.demoted().stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(registry.production(REC)).get().extracting(ModelVersion::id).isEqualTo(v2.id());
        assertThat(registry.versions(REC, Stage.PRODUCTION)).hasSize(1);
        List<HistoryEntry> h = registry.history(REC);
        HistoryEntry last = h.get(h.size() - 1);
        assertThat(last.action()).isEqualTo(HistoryAction.STAGE);
        assertThat(last.versionId()).isEqualTo(v2.id());
        assertThat(last.previousVersionId()).isEqualTo(v1.id());
        assertThat(last.actor()).isEqualTo("bob");
        assertThat(last.reason()).isEqualTo("better");
        HistoryEntry demotion = h.get(h.size() - 2);
        assertThat(demotion.versionId()).isEqualTo(v1.id());
        assertThat(demotion.fromStage()).isEqualTo(Stage.PRODUCTION);
        assertThat(demotion.toStage()).isEqualTo(Stage.ARCHIVED);
    }

    @Test
    void exactly_one_production_version_remains_after_concurrent_promotions() throws Exception {
        registry = new ModelRegistry(db, store, RegistryOptions.defaults().withKeepArchived(Integer.MAX_VALUE), clock);
        inProduction(REC, 1f);
        List<ModelVersion> candidates = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            candidates.add(staged(REC, 2f + k));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            results.add(pool.submit(() -> {
                start.await();
                int promoted = 0;
                for (int round = 0; round < 15; round++) {
                    ModelVersion v = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
                    try {
                        if (stageOf(v) == Stage.ARCHIVED) {
                            registry.transition(v.id(), Stage.STAGING, "t", "again");
                        }
                        registry.promote(v.id(), "t", "race");
                        promoted++;
                    } catch (ConflictException expected) {
                        // the other thread moved it first: the stage table refuses, nothing breaks
                    }
                    assertThat(registry.versions(REC, Stage.PRODUCTION)).hasSize(1);
                }
                return promoted;
            }));
        }
        start.countDown();
        int promoted = 0;
        for (Future<Integer> f : results) {
            promoted += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(promoted).isPositive();
        assertThat(registry.versions(REC, Stage.PRODUCTION)).hasSize(1);
        long productionEntries = registry.history(REC).stream()
                .filter(e -> e.toStage() == Stage.PRODUCTION).count();
        long productionExits = registry.history(REC).stream()
                .filter(e -> e.fromStage() == Stage.PRODUCTION).count();
        assertThat(productionEntries - productionExits).isEqualTo(1);
    }

    @Test
    void the_database_itself_refuses_a_second_production_version() {
        inProduction(REC, 3f);
        ModelVersion other = staged(REC, 4f);
        assertThatThrownBy(() -> db.withHandle(h -> h.createUpdate(
                "UPDATE model_versions SET stage = 'production' WHERE id = :id").bind("id", other.id()).execute()))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void history_answers_which_version_was_in_production_at_a_time() {
        ModelVersion v1 = inProduction(REC, 3f);
        Instant afterV1 = clock.instant();
        clock.advance(Duration.ofHours(1));
        ModelVersion v2 = inProduction(REC, 4f);
        Instant afterV2 = clock.instant();
        clock.advance(Duration.ofHours(1));
        registry.setAlias(REC, "champion", v1.id(), "carol", "keep an eye on it");
        clock.advance(Duration.ofHours(1));
        registry.rollback(REC, "carol", "v2 misbehaves");
        Instant afterRollback = clock.instant();

        assertThat(registry.versionAt(REC, Stage.PRODUCTION, T0)).isEmpty();
        assertThat(registry.versionAt(REC, Stage.PRODUCTION, afterV1)).get()
                .extracting(VersionAt::versionId).isEqualTo(v1.id());
        assertThat(registry.versionAt(REC, Stage.PRODUCTION, afterV2.minusMillis(1))).get()
                .extracting(VersionAt::versionId).isEqualTo(v1.id());
        assertThat(registry.versionAt(REC, Stage.PRODUCTION, afterV2)).get()
                .extracting(VersionAt::versionId).isEqualTo(v2.id());
        assertThat(registry.versionAt(REC, Stage.PRODUCTION, afterRollback)).get()
                .extracting(VersionAt::versionId).isEqualTo(v1.id());
        EndpointState then = registry.stateAt(REC, afterV2);
        assertThat(then.stages().get(Stage.ARCHIVED)).extracting(VersionAt::versionId).containsExactly(v1.id());
        assertThat(then.aliases()).isEmpty();
        assertThat(registry.stateAt(REC, afterRollback).aliases()).containsEntry("champion", v1.id());
        assertThat(registry.stateAt(REC, afterRollback).production().since()).isEqualTo(afterRollback);
    }

    @Test
    void rollback_returns_to_the_previous_production_version_and_rollbacks_stack() {
        ModelVersion v1 = inProduction(REC, 1f);
        ModelVersion v2 = inProduction(REC, 2f);
        ModelVersion v3 = inProduction(REC, 3f);
        StageChange back = registry.rollback(REC, "ops", "bad");
        assertThat(back.version().id()).isEqualTo(v2.id());
        assertThat(back.demoted().id()).isEqualTo(v3.id());
        assertThat(stageOf(v3)).isEqualTo(Stage.ARCHIVED);
        assertThat(registry.rollback(REC, "ops", "also bad").version().id()).isEqualTo(v1.id());
        assertThat(registry.versions(REC, Stage.PRODUCTION)).extracting(ModelVersion::id).containsExactly(v1.id());
        assertThatThrownBy(() -> registry.rollback(REC, "ops", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no earlier production version");
        assertThat(registry.history(REC).stream().filter(e -> e.action() == HistoryAction.ROLLBACK).count())
                .isEqualTo(2);
    }

    @Test
    void rollback_without_a_production_version_is_a_conflict() {
        register(REC, 1f);
        assertThatThrownBy(() -> registry.rollback(REC, "ops", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no production version");
    }

    @Test
    void pruning_deletes_old_archived_versions_and_their_artifacts_but_never_production() {
        List<ModelVersion> all = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            all.add(inProduction(REC, k)); // each promotion archives the previous one; keepArchived = 2
        }
        assertThat(registry.versions(REC, Stage.PRODUCTION)).extracting(ModelVersion::id)
                .containsExactly(all.get(4).id());
        assertThat(registry.versions(REC, Stage.ARCHIVED)).extracting(ModelVersion::version).containsExactly(4, 3);
        assertThat(store.contains(all.get(0).artifactHash())).isFalse();
        assertThat(store.contains(all.get(1).artifactHash())).isFalse();
        assertThat(store.contains(all.get(2).artifactHash())).isTrue();
        assertThat(registry.history(REC).stream().filter(e -> e.action() == HistoryAction.DELETE).count()).isEqualTo(2);

        registry.setAlias(REC, "old", all.get(2).id(), "a", null);
        PruneResult r = registry.prune(REC, 0, "janitor");
        assertThat(r.deleted()).extracting(ModelVersion::version).containsExactly(4);
        assertThat(registry.versions(REC, null)).extracting(ModelVersion::version).containsExactly(5, 3);
        assertThat(store.contains(all.get(4).artifactHash())).isTrue();
    }

    @Test
    void deleting_a_production_version_or_an_alias_target_is_refused() {
        ModelVersion prod = inProduction(REC, 3f);
        assertThatThrownBy(() -> registry.delete(prod.id(), "a", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("in production");
        ModelVersion other = register(REC, 4f);
        registry.setAlias(REC, "challenger", other.id(), "a", null);
        assertThatThrownBy(() -> registry.delete(other.id(), "a", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("challenger");
        registry.removeAlias(REC, "challenger", "a", null);
        assertThat(registry.delete(other.id(), "a", "gone").id()).isEqualTo(other.id());
        assertThat(store.contains(other.artifactHash())).isFalse();
        assertThatThrownBy(() -> registry.version(other.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aliases_move_resolve_and_are_recorded_in_the_history() {
        ModelVersion v1 = inProduction(REC, 1f);
        ModelVersion v2 = staged(REC, 2f);
        registry.setAlias(REC, "champion", v1.id(), "a", null);
        registry.setAlias(REC, "champion", v2.id(), "a", "new champion");
        registry.setAlias(REC, "champion", v2.id(), "a", "no-op");
        assertThat(registry.aliases(REC)).containsExactly(Map.entry("champion", v2.id()));
        assertThat(registry.version(v2.id()).aliases()).containsExactly("champion");
        assertThat(registry.resolve(REC, "champion").id()).isEqualTo(v2.id());
        assertThat(registry.resolve(REC, null).id()).isEqualTo(v1.id());
        assertThat(registry.resolve(REC, "staging").id()).isEqualTo(v2.id());
        assertThat(registry.resolve(REC, "v1").id()).isEqualTo(v1.id());
        assertThat(registry.resolve(REC, "latest").id()).isEqualTo(v2.id());
        List<HistoryEntry> aliasEvents = registry.history(REC).stream()
                .filter(e -> e.action() == HistoryAction.ALIAS_SET).toList();
        assertThat(aliasEvents).hasSize(2);
        assertThat(aliasEvents.get(1).previousVersionId()).isEqualTo(v1.id());
        assertThat(aliasEvents.get(1).versionId()).isEqualTo(v2.id());
        assertThatThrownBy(() -> registry.resolve(REC, "nobody")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> registry.setAlias(REC, "production", v1.id(), "a", null))
                .isInstanceOf(InvalidInputException.class);
        ModelVersion elsewhere = register("dropoff", 1f);
        assertThatThrownBy(() -> registry.setAlias(REC, "x", elsewhere.id(), "a", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dropoff");
    }

    @Test
    void a_corrupted_or_missing_artifact_is_refused_on_promotion_and_nothing_changes() throws Exception {
        ModelVersion v1 = inProduction(REC, 1f);
        ModelVersion v2 = staged(REC, 2f);
        TestModels.corrupt(store, v2.artifactHash());
        assertThatThrownBy(() -> registry.promote(v2.id(), "a", null))
                .isInstanceOf(ModelArchive.CorruptModelException.class).hasMessageContaining("v2")
                .hasMessageContaining("corrupted");
        ModelVersion v3 = staged(REC, 3f);
        try (var files = Files.walk(store.path(v3.artifactHash()))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertThatThrownBy(() -> registry.promote(v3.id(), "a", null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("missing");
        assertThat(registry.production(REC)).get().extracting(ModelVersion::id).isEqualTo(v1.id());
        assertThat(stageOf(v2)).isEqualTo(Stage.STAGING);
    }

    @Test
    void unknown_ids_and_bad_names_are_refused_clearly() {
        assertThatThrownBy(() -> registry.version(999)).isInstanceOf(NotFoundException.class).hasMessageContaining("999");
        assertThatThrownBy(() -> registry.endpoint("nope")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> registry.versions("Bad Name", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("endpoint").hasMessageContaining("'Bad Name'");
        assertThatThrownBy(() -> registry.transition(999, Stage.STAGING, "a", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registry.transition(1, Stage.STAGING, " ", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("actor");
        assertThatThrownBy(() -> Stage.parse("prod")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'prod'");
        assertThatThrownBy(() -> registry.register(NewVersion.of(REC, tmp.resolve("nothing"), "a")))
                .isInstanceOf(NotFoundException.class);
    }
}
