package io.marquee.registry;

import io.marquee.core.error.ConflictException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model registry: endpoints (serving slots), model versions with lifecycle {@link Stage}s,
 * aliases, and the audit history of every change, in Marquee's database; artifacts in an
 * {@link ArtifactStore}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Every change runs in one transaction that first takes the registry lock
 *       ({@link Ids#lock}), so concurrent changes — in this process or another — apply one after
 *       the other. A promotion archives the old production version and promotes the new one in the
 *       same transaction; a partial unique index makes a second production version impossible
 *       even for writers that bypass this class.</li>
 *   <li>Stage changes follow {@link Stage}'s table; anything else is a {@link ConflictException}
 *       naming both stages. Production is left only by promoting another version or by
 *       {@link #rollback}, so an endpoint that has had a production version always has exactly one.</li>
 *   <li>Every registration, stage change, rollback, alias change and deletion is written to the
 *       history (who, when, from, to, why) in the same transaction as the change itself, so
 *       {@link #stateAt} can say which version was in production at any past moment.</li>
 *   <li>Archiving prunes the endpoint's archived versions beyond {@link RegistryOptions#keepArchived}
 *       (rows in the same transaction; unreferenced artifacts after commit). A production version is
 *       never deleted.</li>
 * </ul>
 *
 * <p>Thread-safe. Methods that change something take {@code actor} (who) and {@code reason} (why,
 * may be null). Unknown ids and names are {@link NotFoundException}s; bad arguments are
 * {@link InvalidInputException}s; changes the current state forbids are {@link ConflictException}s.
 */
public final class ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final String VERSION_COLUMNS = "id, endpoint, version, algorithm, params, metrics, data_fingerprint,"
            + " artifact_hash, stage, stage_changed_at_ms, created_at_ms, created_by, description, tags";
    private static final String HISTORY_COLUMNS = "id, endpoint, action, version_id, version, from_stage, to_stage,"
            + " alias, previous_version_id, changed_at_ms, changed_by, reason";
    private static final int MAX_REASON = 2000;

    private final Database db;
    private final ArtifactStore artifacts;
    private final RegistryOptions options;
    private final Clock clock;
    private final List<Consumer<RegistryEvent>> listeners = new CopyOnWriteArrayList<>();
    /**
     * Serialises this process's registry transactions before they reach the database lock, so
     * threads queue here instead of in SQLite's busy-wait loop (which sleeps in steps).
     */
    private final ReentrantLock writes = new ReentrantLock(true);
    /** Orders artifact writes against artifact deletion within this process. */
    private final Object artifactLock = new Object();

    /**
     * @param db        the database (migrated)
     * @param artifacts where model artifacts live
     * @param options   pruning and verification settings
     * @param clock     source of the times recorded in the history
     */
    public ModelRegistry(Database db, ArtifactStore artifacts, RegistryOptions options, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A registry over a SQLite file database with its artifacts beside it and default options. */
    public static ModelRegistry open(Database db) {
        return new ModelRegistry(db, ArtifactStore.forDatabase(db, null), RegistryOptions.defaults(), Clock.systemUTC());
    }

    /** A registry with the given artifact store and default options. */
    public static ModelRegistry open(Database db, ArtifactStore artifacts) {
        return new ModelRegistry(db, artifacts, RegistryOptions.defaults(), Clock.systemUTC());
    }

    public Database database() {
        return db;
    }

    public ArtifactStore artifacts() {
        return artifacts;
    }

    public RegistryOptions options() {
        return options;
    }

    public Clock clock() {
        return clock;
    }

    /** Tells {@code listener} of every change committed through this registry (after commit, in the changing thread). */
    public void addListener(Consumer<RegistryEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener}. */
    public void removeListener(Consumer<RegistryEvent> listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ endpoints

    /** Creates the endpoint when it does not exist yet (keeping an existing one as it is) and returns it. */
    public EndpointInfo ensureEndpoint(String name, String description) {
        Names.endpoint(name);
        write(h -> {
            Ids.lock(h, Ids.REGISTRY);
            ensureEndpointRow(h, name, description, clock.millis());
            return null;
        });
        return endpoint(name);
    }

    /** Every endpoint, by name. */
    public List<EndpointInfo> endpoints() {
        return db.withHandle(h -> {
            List<String> names = h.createQuery("SELECT name FROM registry_endpoints ORDER BY name")
                    .mapTo(String.class).list();
            List<EndpointInfo> out = new ArrayList<>();
            for (String n : names) {
                out.add(endpointInfo(h, n));
            }
            return out;
        });
    }

    /** One endpoint. */
    public EndpointInfo endpoint(String name) {
        Names.endpoint(name);
        return db.withHandle(h -> endpointInfo(h, name));
    }

    // ------------------------------------------------------------------ versions

    /**
     * Registers a model directory as the endpoint's next version, in {@link Stage#TESTING}: the
     * model is verified and copied into the artifact store, then the version row, its history
     * entry and its metric points are written in one transaction. The endpoint is created on first use.
     */
    public ModelVersion register(NewVersion request) {
        Objects.requireNonNull(request, "request");
        ModelProvenance provenance = ModelArchive.read(request.modelDir()).provenance();
        ModelVersion v;
        synchronized (artifactLock) {
            String hash = artifacts.put(request.modelDir());
            v = write(h -> {
                Ids.lock(h, Ids.REGISTRY);
                String endpoint = request.endpoint();
                long now = now(h, endpoint);
                ensureEndpointRow(h, endpoint, null, now);
                int number = h.createQuery("SELECT COALESCE(MAX(version), 0) FROM registry_history"
                                + " WHERE endpoint = :e AND action = 'register'")
                        .bind("e", endpoint).mapTo(Integer.class).one() + 1;
                long id = Ids.next(h, Ids.REGISTRY);
                h.createUpdate("INSERT INTO model_versions (" + VERSION_COLUMNS + ") VALUES (:id, :endpoint, :version,"
                                + " :algorithm, :params, :metrics, :fingerprint, :hash, :stage, :now, :now, :by,"
                                + " :description, :tags)")
                        .bind("id", id).bind("endpoint", endpoint).bind("version", number)
                        .bind("algorithm", provenance.algorithm()).bind("params", Json.write(provenance.params()))
                        .bind("metrics", Json.write(request.metrics()))
                        .bind("fingerprint", provenance.dataFingerprint() == null ? "" : provenance.dataFingerprint())
                        .bind("hash", hash).bind("stage", Stage.TESTING.id()).bind("now", now)
                        .bind("by", request.createdBy()).bind("description", request.description())
                        .bind("tags", Json.write(request.tags()))
                        .execute();
                history(h, endpoint, HistoryAction.REGISTER, id, number, null, Stage.TESTING, null, null, now,
                        request.createdBy(), request.description());
                insertMetricPoints(h, endpoint, id, number, request.metrics(), MetricPoint.REGISTRATION, null, now);
                return find(h, id).orElseThrow();
            });
        }
        LOG.info("registered {} ({}, artifact {})", v.label(), v.algorithm(), v.artifactHash());
        notifyListeners(List.of(new RegistryEvent(v.endpoint(), HistoryAction.REGISTER, v.id(), false)));
        return v;
    }

    /** A version by id. */
    public ModelVersion version(long id) {
        return db.withHandle(h -> find(h, id)).orElseThrow(() -> new NotFoundException("model version " + id
                + " does not exist"));
    }

    /**
     * Versions, newest first within each endpoint, filtered by endpoint and stage (either may be null).
     */
    public List<ModelVersion> versions(String endpoint, Stage stage) {
        if (endpoint != null) {
            Names.endpoint(endpoint);
        }
        return db.withHandle(h -> {
            if (endpoint != null) {
                requireEndpoint(h, endpoint);
            }
            List<String> where = new ArrayList<>();
            if (endpoint != null) {
                where.add("endpoint = :endpoint");
            }
            if (stage != null) {
                where.add("stage = :stage");
            }
            String sql = "SELECT " + VERSION_COLUMNS + " FROM model_versions"
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + " ORDER BY endpoint, version DESC";
            Query q = h.createQuery(sql);
            if (endpoint != null) {
                q.bind("endpoint", endpoint);
            }
            if (stage != null) {
                q.bind("stage", stage.id());
            }
            return withAliases(h, q.map((rs, ctx) -> row(rs)).list());
        });
    }

    /** The endpoint's production version, if it has one. */
    public Optional<ModelVersion> production(String endpoint) {
        Names.endpoint(endpoint);
        return db.withHandle(h -> {
            requireEndpoint(h, endpoint);
            return findProduction(h, endpoint);
        });
    }

    /**
     * Resolves a selector to a version of the endpoint:
     * <ul>
     *   <li>{@code null}, empty or {@code production}: the production version;</li>
     *   <li>{@code staging}, {@code testing}, {@code archived}: the newest version in that stage;</li>
     *   <li>{@code latest}: the newest version;</li>
     *   <li>{@code v3} or {@code 3}: version number 3;</li>
     *   <li>anything else: an alias.</li>
     * </ul>
     *
     * @throws NotFoundException when nothing matches
     */
    public ModelVersion resolve(String endpoint, String selector) {
        Names.endpoint(endpoint);
        String s = selector == null || selector.isBlank() ? "production" : selector.trim();
        return db.withHandle(h -> {
            requireEndpoint(h, endpoint);
            Optional<ModelVersion> found;
            String what;
            if (s.matches("v?[0-9]{1,9}")) {
                int number = Integer.parseInt(s.startsWith("v") ? s.substring(1) : s);
                what = "version " + number;
                found = first(h, "endpoint = :e AND version = :n", Map.of("e", endpoint, "n", number));
            } else if (s.equals("latest")) {
                what = "any version";
                found = first(h, "endpoint = :e", Map.of("e", endpoint));
            } else if (isStage(s)) {
                Stage stage = Stage.parse(s);
                what = "a version in " + stage.id();
                found = first(h, "endpoint = :e AND stage = :s", Map.of("e", endpoint, "s", stage.id()));
            } else {
                Names.alias(s);
                what = "an alias '" + s + "'";
                Optional<Long> id = h.createQuery("SELECT version_id FROM model_aliases WHERE endpoint = :e AND alias = :a")
                        .bind("e", endpoint).bind("a", s).mapTo(Long.class).findOne();
                found = id.flatMap(i -> find(h, i));
            }
            return found.orElseThrow(() -> new NotFoundException("endpoint '" + endpoint + "' has no " + what));
        });
    }

    // ------------------------------------------------------------------ stages

    /**
     * Moves a version to another stage, following {@link Stage}'s table. Moving a version to
     * production archives the current production version in the same transaction; when
     * {@link RegistryOptions#verifyOnPromote} is set, the artifact is verified first and a missing
     * or corrupted one is refused.
     *
     * @throws ConflictException for an illegal move (the message names both stages)
     */
    public StageChange transition(long id, Stage to, String actor, String reason) {
        return transition(id, to, actor, reason, false, null);
    }

    /**
     * Promotes a staging version only if the endpoint's production version is still
     * {@code expectedProductionId} (null: still none) — for automated promotions that decided
     * against a particular production version, such as the validation gate.
     *
     * @throws ConflictException when production changed meanwhile, or for an illegal move
     */
    public StageChange promoteReplacing(long id, Long expectedProductionId, String actor, String reason) {
        return transition(id, Stage.PRODUCTION, actor, reason, true, expectedProductionId);
    }

    private StageChange transition(long id, Stage to, String actor, String reason, boolean checkExpected,
                                   Long expectedProductionId) {
        Objects.requireNonNull(to, "to");
        String who = Names.actor(actor);
        String why = reason(reason);
        if (to == Stage.PRODUCTION && options.verifyOnPromote()) {
            openArtifact(version(id)); // outside the transaction: reading a large model must not hold the lock
        }
        Outcome<StageChange> o = write(h -> {
            Ids.lock(h, Ids.REGISTRY);
            ModelVersion v = find(h, id).orElseThrow(() -> new NotFoundException("model version " + id
                    + " does not exist"));
            Stage from = v.stage();
            if (from == to) {
                throw new ConflictException(v.label() + " is already in " + to.id());
            }
            if (!from.canMoveTo(to)) {
                throw new ConflictException(illegal(v, from, to));
            }
            long now = now(h, v.endpoint());
            List<RegistryEvent> events = new ArrayList<>();
            ModelVersion demoted = null;
            if (to == Stage.PRODUCTION) {
                demoted = findProduction(h, v.endpoint()).orElse(null);
                Long actual = demoted == null ? null : demoted.id();
                if (checkExpected && !Objects.equals(actual, expectedProductionId)) {
                    throw new ConflictException("not promoting " + v.label() + ": production of '" + v.endpoint()
                            + "' changed to " + (demoted == null ? "none" : demoted.label()) + " (expected "
                            + (expectedProductionId == null ? "none" : "id " + expectedProductionId) + ")");
                }
                if (demoted != null) {
                    setStage(h, demoted.id(), Stage.ARCHIVED, now);
                    history(h, v.endpoint(), HistoryAction.STAGE, demoted.id(), demoted.version(), Stage.PRODUCTION,
                            Stage.ARCHIVED, null, null, now, who, "replaced by v" + v.version()
                                    + (why.isEmpty() ? "" : ": " + why));
                }
            }
            setStage(h, id, to, now);
            history(h, v.endpoint(), HistoryAction.STAGE, id, v.version(), from, to, null,
                    demoted == null ? null : demoted.id(), now, who, why);
            events.add(new RegistryEvent(v.endpoint(), HistoryAction.STAGE, id, to == Stage.PRODUCTION));
            List<ModelVersion> pruned = (to == Stage.ARCHIVED || demoted != null)
                    ? pruneInTransaction(h, v.endpoint(), options.keepArchived(), now, who) : List.of();
            StageChange change = new StageChange(find(h, id).orElseThrow(), from, to,
                    demoted == null ? null : find(h, demoted.id()).orElse(demoted), pruned);
            return new Outcome<>(change, events, hashes(pruned));
        });
        return afterCommit(o);
    }

    /** Moves a version to production (see {@link #transition}); it must be in staging. */
    public StageChange promote(long id, String actor, String reason) {
        return transition(id, Stage.PRODUCTION, actor, reason);
    }

    /**
     * Returns the endpoint to its previous production version in one transaction: the current one
     * is archived and the version it replaced goes back to production. Rollbacks stack: after
     * v1 → v2 → v3, two rollbacks give v2 and then v1. Versions deleted since are skipped.
     *
     * @throws ConflictException when the endpoint has no production version or no earlier one to return to
     */
    public StageChange rollback(String endpoint, String actor, String reason) {
        Names.endpoint(endpoint);
        String who = Names.actor(actor);
        String why = reason(reason);
        long[] plan = db.withHandle(h -> {
            requireEndpoint(h, endpoint);
            ModelVersion current = findProduction(h, endpoint).orElseThrow(() -> new ConflictException(
                    "endpoint '" + endpoint + "' has no production version to roll back"));
            long target = rollbackTarget(h, endpoint, current.id()).orElseThrow(() -> new ConflictException(
                    "endpoint '" + endpoint + "' has no earlier production version to roll back to from "
                            + current.label()));
            return new long[] {current.id(), target};
        });
        if (options.verifyOnPromote()) {
            openArtifact(version(plan[1]));
        }
        Outcome<StageChange> o = write(h -> {
            Ids.lock(h, Ids.REGISTRY);
            ModelVersion current = findProduction(h, endpoint).orElse(null);
            Optional<Long> target = current == null ? Optional.empty() : rollbackTarget(h, endpoint, current.id());
            if (current == null || current.id() != plan[0] || target.isEmpty() || target.get() != plan[1]) {
                throw new ConflictException("endpoint '" + endpoint + "' changed during the rollback; try again");
            }
            ModelVersion back = find(h, plan[1]).orElseThrow();
            long now = now(h, endpoint);
            setStage(h, current.id(), Stage.ARCHIVED, now);
            history(h, endpoint, HistoryAction.STAGE, current.id(), current.version(), Stage.PRODUCTION,
                    Stage.ARCHIVED, null, null, now, who, "rolled back to v" + back.version()
                            + (why.isEmpty() ? "" : ": " + why));
            setStage(h, back.id(), Stage.PRODUCTION, now);
            history(h, endpoint, HistoryAction.ROLLBACK, back.id(), back.version(), back.stage(), Stage.PRODUCTION,
                    null, current.id(), now, who, why);
            List<ModelVersion> pruned = pruneInTransaction(h, endpoint, options.keepArchived(), now, who);
            StageChange change = new StageChange(find(h, back.id()).orElseThrow(), back.stage(), Stage.PRODUCTION,
                    find(h, current.id()).orElse(current), pruned);
            return new Outcome<>(change, List.of(new RegistryEvent(endpoint, HistoryAction.ROLLBACK, back.id(), true)),
                    hashes(pruned));
        });
        return afterCommit(o);
    }

    /**
     * Deletes a version (its row now, its artifact once no other version uses it). The history keeps
     * its entries.
     *
     * @throws ConflictException when it is in production or an alias points at it
     */
    public ModelVersion delete(long id, String actor, String reason) {
        String who = Names.actor(actor);
        String why = reason(reason);
        Outcome<ModelVersion> o = write(h -> {
            Ids.lock(h, Ids.REGISTRY);
            ModelVersion v = find(h, id).orElseThrow(() -> new NotFoundException("model version " + id
                    + " does not exist"));
            if (v.stage() == Stage.PRODUCTION) {
                throw new ConflictException("cannot delete " + v.label() + ": it is in production; promote another"
                        + " version or roll back first");
            }
            if (!v.aliases().isEmpty()) {
                throw new ConflictException("cannot delete " + v.label() + ": alias(es) " + v.aliases()
                        + " point at it; move or remove them first");
            }
            deleteRow(h, v, now(h, v.endpoint()), who, why);
            return new Outcome<>(v, List.of(new RegistryEvent(v.endpoint(), HistoryAction.DELETE, id, false)),
                    Set.of(v.artifactHash()));
        });
        return afterCommit(o);
    }

    /**
     * Deletes the endpoint's archived versions beyond the {@code keep} most recently archived
     * (versions an alias points at are kept and not counted); never touches other stages.
     */
    public PruneResult prune(String endpoint, int keep, String actor) {
        Names.endpoint(endpoint);
        if (keep < 0) {
            throw InvalidInputException.of("keep", keep, "at least 0");
        }
        String who = Names.actor(actor);
        Outcome<List<ModelVersion>> o = write(h -> {
            Ids.lock(h, Ids.REGISTRY);
            requireEndpoint(h, endpoint);
            List<ModelVersion> pruned = pruneInTransaction(h, endpoint, keep, now(h, endpoint), who);
            return new Outcome<>(pruned, pruned.stream().map(v -> new RegistryEvent(endpoint, HistoryAction.DELETE,
                    v.id(), false)).toList(), hashes(pruned));
        });
        List<ModelVersion> pruned = o.value();
        notifyListeners(o.events());
        return new PruneResult(pruned, deleteUnreferenced(o.hashes()));
    }

    // ------------------------------------------------------------------ aliases

    /**
     * Points an alias of the endpoint at a version (creating or moving it) and returns the version.
     * Setting an alias to the version it already points at changes nothing.
     */
    public ModelVersion setAlias(String endpoint, String alias, long versionId, String actor, String reason) {
        Names.endpoint(endpoint);
        Names.alias(alias);
        String who = Names.actor(actor);
        String why = reason(reason);
        Outcome<ModelVersion> o = write(h -> {
            Ids.lock(h, Ids.REGISTRY);
            requireEndpoint(h, endpoint);
            ModelVersion v = find(h, versionId).orElseThrow(() -> new NotFoundException("model version " + versionId
                    + " does not exist"));
            if (!v.endpoint().equals(endpoint)) {
                throw InvalidInputException.of("version", versionId, "a version of endpoint '" + endpoint
                        + "' (it belongs to '" + v.endpoint() + "')");
            }
            Optional<Long> previous = h.createQuery("SELECT version_id FROM model_aliases WHERE endpoint = :e AND alias = :a")
                    .bind("e", endpoint).bind("a", alias).mapTo(Long.class).findOne();
            if (previous.isPresent() && previous.get() == versionId) {
                return new Outcome<>(v, List.of(), Set.of());
            }
            long now = now(h, endpoint);
            h.createUpdate("DELETE FROM model_aliases WHERE endpoint = :e AND alias = :a")
                    .bind("e", endpoint).bind("a", alias).execute();
            h.createUpdate("INSERT INTO model_aliases (endpoint, alias, version_id, updated_at_ms, updated_by)"
                            + " VALUES (:e, :a, :v, :now, :by)")
                    .bind("e", endpoint).bind("a", alias).bind("v", versionId).bind("now", now).bind("by", who)
                    .execute();
            history(h, endpoint, HistoryAction.ALIAS_SET, versionId, v.version(), null, null, alias,
                    previous.orElse(null), now, who, why);
            return new Outcome<>(find(h, versionId).orElseThrow(),
                    List.of(new RegistryEvent(endpoint, HistoryAction.ALIAS_SET, versionId, false)), Set.of());
        });
        return afterCommit(o);
    }

    /** Removes an alias. */
    public void removeAlias(String endpoint, String alias, String actor, String reason) {
        Names.endpoint(endpoint);
        Names.alias(alias);
        String who = Names.actor(actor);
        String why = reason(reason);
        Outcome<Void> o = write(h -> {
            Ids.lock(h, Ids.REGISTRY);
            requireEndpoint(h, endpoint);
            Long previous = h.createQuery("SELECT version_id FROM model_aliases WHERE endpoint = :e AND alias = :a")
                    .bind("e", endpoint).bind("a", alias).mapTo(Long.class).findOne()
                    .orElseThrow(() -> new NotFoundException("endpoint '" + endpoint + "' has no alias '" + alias + "'"));
            h.createUpdate("DELETE FROM model_aliases WHERE endpoint = :e AND alias = :a")
                    .bind("e", endpoint).bind("a", alias).execute();
            history(h, endpoint, HistoryAction.ALIAS_REMOVED, null, null, null, null, alias, previous,
                    now(h, endpoint), who, why);
            return new Outcome<Void>(null, List.of(new RegistryEvent(endpoint, HistoryAction.ALIAS_REMOVED, null,
                    false)), Set.of());
        });
        afterCommit(o);
    }

    /** The endpoint's aliases: alias → version id, sorted by alias. */
    public Map<String, Long> aliases(String endpoint) {
        Names.endpoint(endpoint);
        return db.withHandle(h -> {
            requireEndpoint(h, endpoint);
            return aliasMap(h, endpoint);
        });
    }

    // ------------------------------------------------------------------ history

    /** The endpoint's full history, oldest first. */
    public List<HistoryEntry> history(String endpoint) {
        Names.endpoint(endpoint);
        return db.withHandle(h -> {
            requireEndpoint(h, endpoint);
            return h.createQuery("SELECT " + HISTORY_COLUMNS + " FROM registry_history WHERE endpoint = :e ORDER BY id")
                    .bind("e", endpoint).map((rs, ctx) -> historyRow(rs)).list();
        });
    }

    /**
     * The endpoint as it was at {@code at}, rebuilt from the history: which version was in
     * production (and in every other stage) and where the aliases pointed. Changes made exactly at
     * {@code at} count.
     */
    public EndpointState stateAt(String endpoint, Instant at) {
        Objects.requireNonNull(at, "at");
        List<HistoryEntry> entries = history(endpoint);
        Set<Long> existing = new HashSet<>(db.withHandle(h -> h.createQuery("SELECT id FROM model_versions"
                + " WHERE endpoint = :e").bind("e", endpoint).mapTo(Long.class).list()));
        Map<Long, VersionAt> byVersion = new LinkedHashMap<>();
        Map<String, Long> aliases = new TreeMap<>();
        for (HistoryEntry e : entries) {
            if (e.at().isAfter(at)) {
                break; // ids and times increase together (times are made monotonic per endpoint)
            }
            switch (e.action()) {
                case REGISTER, STAGE, ROLLBACK -> byVersion.put(e.versionId(), new VersionAt(e.versionId(), e.version(),
                        e.toStage(), e.at(), !existing.contains(e.versionId())));
                case DELETE -> byVersion.remove(e.versionId());
                case ALIAS_SET -> aliases.put(e.alias(), e.versionId());
                case ALIAS_REMOVED -> aliases.remove(e.alias());
                default -> throw new IllegalStateException("unknown history action " + e.action());
            }
        }
        Map<Stage, List<VersionAt>> stages = new EnumMap<>(Stage.class);
        byVersion.values().stream().sorted(Comparator.comparingInt(VersionAt::version).reversed())
                .forEach(v -> stages.computeIfAbsent(v.stage(), s -> new ArrayList<>()).add(v));
        List<VersionAt> production = stages.getOrDefault(Stage.PRODUCTION, List.of());
        return new EndpointState(endpoint, at, production.isEmpty() ? null : production.get(0), stages, aliases);
    }

    /**
     * The version that was in {@code stage} at {@code at} (the newest one when several were, as
     * may happen outside production).
     */
    public Optional<VersionAt> versionAt(String endpoint, Stage stage, Instant at) {
        Objects.requireNonNull(stage, "stage");
        List<VersionAt> in = stateAt(endpoint, at).stages().get(stage);
        return in.isEmpty() ? Optional.empty() : Optional.of(in.get(0));
    }

    // ------------------------------------------------------------------ metrics

    /** Records model-quality figures of a version in the endpoint's metric history. */
    public void recordMetrics(long versionId, Map<String, Double> metrics, String source, Long jobId) {
        Objects.requireNonNull(source, "source");
        Map<String, Double> figures = NewVersion.checkMetrics(metrics);
        write(h -> {
            Ids.lock(h, Ids.REGISTRY);
            ModelVersion v = find(h, versionId).orElseThrow(() -> new NotFoundException("model version " + versionId
                    + " does not exist"));
            insertMetricPoints(h, v.endpoint(), v.id(), v.version(), figures, source, jobId, now(h, v.endpoint()));
            return null;
        });
    }

    /** The endpoint's metric history, oldest first; {@code metric} null for every metric. */
    public List<MetricPoint> metricHistory(String endpoint, String metric) {
        Names.endpoint(endpoint);
        return db.withHandle(h -> {
            requireEndpoint(h, endpoint);
            Query q = h.createQuery("SELECT endpoint, version_id, version, metric, metric_value, source, job_id,"
                    + " recorded_at_ms FROM model_metric_history WHERE endpoint = :e"
                    + (metric == null ? "" : " AND metric = :m") + " ORDER BY recorded_at_ms, id").bind("e", endpoint);
            if (metric != null) {
                q.bind("m", metric);
            }
            return q.map((rs, ctx) -> new MetricPoint(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                    rs.getDouble(5), rs.getString(6), longOrNull(rs, 7), Instant.ofEpochMilli(rs.getLong(8)))).list();
        });
    }

    // ------------------------------------------------------------------ artifacts

    /**
     * Opens a version's artifact, verified.
     *
     * @throws NotFoundException                  when it is missing
     * @throws ModelArchive.CorruptModelException when it is corrupted
     */
    public ModelArchive.Contents openArtifact(ModelVersion v) {
        try {
            return artifacts.open(v.artifactHash());
        } catch (ModelArchive.CorruptModelException e) {
            throw new ModelArchive.CorruptModelException(v.label() + ": " + e.getMessage());
        } catch (NotFoundException e) {
            throw new NotFoundException(v.label() + ": " + e.getMessage());
        }
    }

    /**
     * Deletes artifacts no version refers to (left by a crash between storing and registering, or
     * by a deletion in another process) and stale temporary copies; returns the deleted addresses.
     */
    public List<String> collectGarbage() {
        synchronized (artifactLock) {
            Set<String> referenced = new HashSet<>(db.withHandle(h -> h.createQuery(
                    "SELECT DISTINCT artifact_hash FROM model_versions").mapTo(String.class).list()));
            return artifacts.collectGarbage(referenced, Duration.ofHours(1));
        }
    }

    // ------------------------------------------------------------------ internals

    /** Runs a registry change in one transaction (see {@link #writes}). */
    private <T> T write(HandleCallback<T, RuntimeException> callback) {
        writes.lock();
        try {
            return db.inTransaction(callback);
        } finally {
            writes.unlock();
        }
    }

    /** A transaction's result plus what to do after commit. */
    private record Outcome<T>(T value, List<RegistryEvent> events, Set<String> hashes) {
    }

    private <T> T afterCommit(Outcome<T> o) {
        deleteUnreferenced(o.hashes());
        notifyListeners(o.events());
        return o.value();
    }

    private void notifyListeners(List<RegistryEvent> events) {
        for (RegistryEvent e : events) {
            for (Consumer<RegistryEvent> l : listeners) {
                try {
                    l.accept(e);
                } catch (RuntimeException ex) {
                    LOG.warn("registry listener failed on {}: {}", e, ex.toString());
                }
            }
        }
    }

    private List<String> deleteUnreferenced(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        List<String> deleted = new ArrayList<>();
        synchronized (artifactLock) {
            for (String hash : hashes) {
                long refs = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM model_versions WHERE artifact_hash = :h")
                        .bind("h", hash).mapTo(Long.class).one());
                if (refs == 0) {
                    try {
                        if (artifacts.delete(hash)) {
                            deleted.add(hash);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("cannot delete artifact {}: {} (collectGarbage() will retry)", hash, e.toString());
                    }
                }
            }
        }
        return deleted;
    }

    private static Set<String> hashes(List<ModelVersion> versions) {
        return versions.stream().map(ModelVersion::artifactHash).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private List<ModelVersion> pruneInTransaction(Handle h, String endpoint, int keep, long now, String who) {
        if (keep == Integer.MAX_VALUE) {
            return List.of();
        }
        List<ModelVersion> archived = withAliases(h, h.createQuery("SELECT " + VERSION_COLUMNS + " FROM model_versions"
                        + " WHERE endpoint = :e AND stage = 'archived' ORDER BY stage_changed_at_ms DESC, id DESC")
                .bind("e", endpoint).map((rs, ctx) -> row(rs)).list());
        List<ModelVersion> deletable = archived.stream().filter(v -> v.aliases().isEmpty()).toList();
        List<ModelVersion> pruned = new ArrayList<>();
        for (int k = keep; k < deletable.size(); k++) {
            ModelVersion v = deletable.get(k);
            deleteRow(h, v, now, who, "pruned: keeping the " + keep + " most recently archived versions");
            pruned.add(v);
        }
        if (!pruned.isEmpty()) {
            LOG.info("pruned {} archived version(s) of {}", pruned.size(), endpoint);
        }
        return pruned;
    }

    private void deleteRow(Handle h, ModelVersion v, long now, String who, String why) {
        h.createUpdate("DELETE FROM model_versions WHERE id = :id").bind("id", v.id()).execute();
        history(h, v.endpoint(), HistoryAction.DELETE, v.id(), v.version(), v.stage(), null, null, null, now, who, why);
    }

    /**
     * The version to roll back to: replays the endpoint's entries into production as a stack (a
     * promotion pushes, a rollback pops back to its target) and takes the newest earlier entry that
     * still exists.
     */
    private static Optional<Long> rollbackTarget(Handle h, String endpoint, long currentId) {
        List<long[]> entries = h.createQuery("SELECT version_id, CASE WHEN action = 'rollback' THEN 1 ELSE 0 END"
                        + " FROM registry_history WHERE endpoint = :e AND to_stage = 'production' ORDER BY id")
                .bind("e", endpoint).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getInt(2)}).list();
        Deque<Long> stack = new ArrayDeque<>();
        for (long[] e : entries) {
            if (e[1] == 1) {
                while (!stack.isEmpty() && stack.peek() != e[0]) {
                    stack.pop();
                }
                if (stack.isEmpty()) {
                    stack.push(e[0]);
                }
            } else {
                stack.push(e[0]);
            }
        }
        Set<Long> existing = new HashSet<>(h.createQuery("SELECT id FROM model_versions WHERE endpoint = :e")
                .bind("e", endpoint).mapTo(Long.class).list());
        while (!stack.isEmpty()) {
            long candidate = stack.pop();
            if (candidate != currentId && existing.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String illegal(ModelVersion v, Stage from, Stage to) {
        String rule;
        if (from == Stage.PRODUCTION) {
            rule = "production is left only by promoting another version or by rolling back";
        } else if (to == Stage.PRODUCTION) {
            rule = "only a staging version can be promoted (from " + from.id() + " the allowed stages are "
                    + ids(from.allowedTargets()) + ")";
        } else {
            rule = "from " + from.id() + " the allowed stages are " + ids(from.allowedTargets());
        }
        return "cannot move " + v.label() + " from " + from.id() + " to " + to.id() + ": " + rule;
    }

    private static String ids(Set<Stage> stages) {
        return stages.stream().map(Stage::id).collect(Collectors.joining(", "));
    }

    private static boolean isStage(String s) {
        for (Stage st : Stage.values()) {
            if (st.id().equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(String reason) {
        String r = reason == null ? "" : reason.trim();
        if (r.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", r.length() + " characters", "at most " + MAX_REASON + " characters");
        }
        return r;
    }

    /** Now in epoch ms, never earlier than the endpoint's last history entry (so times and ids agree). */
    private long now(Handle h, String endpoint) {
        long last = h.createQuery("SELECT COALESCE(MAX(changed_at_ms), 0) FROM registry_history WHERE endpoint = :e")
                .bind("e", endpoint).mapTo(Long.class).one();
        return Math.max(clock.millis(), last);
    }

    private static void ensureEndpointRow(Handle h, String name, String description, long now) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM registry_endpoints WHERE name = :n").bind("n", name)
                .mapTo(Long.class).one() > 0;
        if (!exists) {
            h.createUpdate("INSERT INTO registry_endpoints (name, description, created_at_ms) VALUES (:n, :d, :now)")
                    .bind("n", name).bind("d", description == null ? "" : description).bind("now", now).execute();
        }
    }

    private static void requireEndpoint(Handle h, String name) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM registry_endpoints WHERE name = :n").bind("n", name)
                .mapTo(Long.class).one() > 0;
        if (!exists) {
            throw new NotFoundException("endpoint '" + name + "' does not exist");
        }
    }

    private EndpointInfo endpointInfo(Handle h, String name) {
        record Row(String description, long createdAt) {
        }
        Row row = h.createQuery("SELECT description, created_at_ms FROM registry_endpoints WHERE name = :n")
                .bind("n", name).map((rs, ctx) -> new Row(rs.getString(1), rs.getLong(2))).findOne()
                .orElseThrow(() -> new NotFoundException("endpoint '" + name + "' does not exist"));
        int count = h.createQuery("SELECT COUNT(*) FROM model_versions WHERE endpoint = :n").bind("n", name)
                .mapTo(Integer.class).one();
        return new EndpointInfo(name, row.description(), Instant.ofEpochMilli(row.createdAt()), count,
                findProduction(h, name).orElse(null), aliasMap(h, name));
    }

    private static Map<String, Long> aliasMap(Handle h, String endpoint) {
        Map<String, Long> out = new TreeMap<>();
        h.createQuery("SELECT alias, version_id FROM model_aliases WHERE endpoint = :e").bind("e", endpoint)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static void setStage(Handle h, long id, Stage stage, long now) {
        h.createUpdate("UPDATE model_versions SET stage = :s, stage_changed_at_ms = :now WHERE id = :id")
                .bind("s", stage.id()).bind("now", now).bind("id", id).execute();
    }

    private static void history(Handle h, String endpoint, HistoryAction action, Long versionId, Integer version,
                                Stage from, Stage to, String alias, Long previous, long now, String who, String why) {
        long id = Ids.next(h, Ids.REGISTRY);
        h.createUpdate("INSERT INTO registry_history (" + HISTORY_COLUMNS + ") VALUES (:id, :endpoint, :action,"
                        + " :versionId, :version, :from, :to, :alias, :previous, :now, :who, :why)")
                .bind("id", id).bind("endpoint", endpoint).bind("action", action.id())
                .bind("versionId", versionId).bind("version", version)
                .bind("from", from == null ? null : from.id()).bind("to", to == null ? null : to.id())
                .bind("alias", alias).bind("previous", previous).bind("now", now).bind("who", who).bind("why", why)
                .execute();
    }

    private static void insertMetricPoints(Handle h, String endpoint, long versionId, int version,
                                           Map<String, Double> metrics, String source, Long jobId, long now) {
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            h.createUpdate("INSERT INTO model_metric_history (id, endpoint, version_id, version, metric, metric_value,"
                            + " source, job_id, recorded_at_ms) VALUES (:id, :e, :vid, :v, :m, :value, :source, :job, :now)")
                    .bind("id", Ids.next(h, Ids.REGISTRY)).bind("e", endpoint).bind("vid", versionId).bind("v", version)
                    .bind("m", m.getKey()).bind("value", m.getValue().doubleValue()).bind("source", source)
                    .bind("job", jobId).bind("now", now).execute();
        }
    }

    private Optional<ModelVersion> find(Handle h, long id) {
        return first(h, "id = :id", Map.of("id", id));
    }

    private Optional<ModelVersion> findProduction(Handle h, String endpoint) {
        return first(h, "endpoint = :e AND stage = 'production'", Map.of("e", endpoint));
    }

    /** The newest version matching {@code where}. */
    private Optional<ModelVersion> first(Handle h, String where, Map<String, Object> binds) {
        Query q = h.createQuery("SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE " + where
                + " ORDER BY version DESC");
        binds.forEach(q::bind);
        List<ModelVersion> rows = q.setMaxRows(1).map((rs, ctx) -> row(rs)).list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(withAliases(h, rows).get(0));
    }

    private static List<ModelVersion> withAliases(Handle h, List<ModelVersion> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Set<String> endpoints = rows.stream().map(ModelVersion::endpoint).collect(Collectors.toSet());
        Map<Long, List<String>> byVersion = new HashMap<>();
        for (String e : endpoints) {
            aliasMap(h, e).forEach((alias, id) -> byVersion.computeIfAbsent(id, k -> new ArrayList<>()).add(alias));
        }
        if (byVersion.isEmpty()) {
            return rows;
        }
        List<ModelVersion> out = new ArrayList<>(rows.size());
        for (ModelVersion v : rows) {
            List<String> a = byVersion.getOrDefault(v.id(), List.of());
            out.add(a.isEmpty() ? v : new ModelVersion(v.id(), v.endpoint(), v.version(), v.algorithm(), v.params(),
                    v.metrics(), v.dataFingerprint(), v.artifactHash(), v.stage(), v.stageChangedAt(), v.createdAt(),
                    v.createdBy(), v.description(), v.tags(), a.stream().sorted().toList()));
        }
        return out;
    }

    private static ModelVersion row(ResultSet rs) throws SQLException {
        return new ModelVersion(rs.getLong("id"), rs.getString("endpoint"), rs.getInt("version"),
                rs.getString("algorithm"), Json.object(rs.getString("params")), Json.numbers(rs.getString("metrics")),
                rs.getString("data_fingerprint"), rs.getString("artifact_hash"), Stage.fromDb(rs.getString("stage")),
                Instant.ofEpochMilli(rs.getLong("stage_changed_at_ms")), Instant.ofEpochMilli(rs.getLong("created_at_ms")),
                rs.getString("created_by"), rs.getString("description"), Json.strings(rs.getString("tags")), List.of());
    }

    private static HistoryEntry historyRow(ResultSet rs) throws SQLException {
        return new HistoryEntry(rs.getLong("id"), rs.getString("endpoint"), HistoryAction.fromDb(rs.getString("action")),
                longOrNull(rs, "version_id"), intOrNull(rs, "version"), Stage.fromDb(rs.getString("from_stage")),
                Stage.fromDb(rs.getString("to_stage")), rs.getString("alias"), longOrNull(rs, "previous_version_id"),
                Instant.ofEpochMilli(rs.getLong("changed_at_ms")), rs.getString("changed_by"), rs.getString("reason"));
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
