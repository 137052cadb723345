package io.marquee.registry.serving;

import io.marquee.core.error.NotFoundException;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.Names;
import io.marquee.registry.RegistryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one endpoint serves: its production model, loaded once and kept in memory, and swapped
 * when the registry's production version changes, without failing requests in flight.
 *
 * <p>Readers call {@link #current()} (or {@link #get(String)}) once per request and use the
 * returned {@link Served} snapshot throughout: the production model sits in an
 * {@link AtomicReference}, so reading it takes no lock and a swap replaces the reference
 * atomically; a request that took the old snapshot finishes on the old model (models are
 * immutable).
 *
 * <p>{@link #refresh()} looks up the production version and, when it differs from the one served,
 * loads it (artifact verified by sha256, then the {@link ModelLoader}). If loading fails — missing
 * or corrupted artifact, unreadable model — the old model stays in service, the failure is kept in
 * {@link #lastFailure()} and logged, and the same version is not retried until it changes or
 * {@link #reload()} is called. A server made by {@link #following} refreshes on every production
 * change committed through its registry and, for changes made by other processes (the CLI), polls.
 *
 * <p>Other versions ({@code staging}, an alias, {@code v3}) are served on request through
 * {@link #get(String)}, loaded once and kept in a small cache.
 *
 * @param <M> the model type (e.g. {@link io.marquee.recommend.RecommenderModel})
 */
public final class ModelServer<M> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
    private static final int CACHE = 4;

    private final ModelRegistry registry;
    private final String endpoint;
    private final ModelLoader<M> loader;
    private final AtomicReference<Served<M>> production = new AtomicReference<>();
    private final AtomicReference<LoadFailure> lastFailure = new AtomicReference<>();
    /** Non-production versions by id, least recently used first; guarded by itself. */
    private final Map<Long, Served<M>> others = new LinkedHashMap<>(8, 0.75f, true);
    private final Consumer<RegistryEvent> listener = this::onRegistryEvent;
    private volatile ScheduledExecutorService poller;
    private volatile boolean closed;

    /**
     * A server that loads only when {@link #refresh()} is called (call it once to start serving).
     * See {@link #following} for one that keeps itself current.
     */
    public ModelServer(ModelRegistry registry, String endpoint, ModelLoader<M> loader) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.endpoint = Names.endpoint(endpoint);
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /**
     * A server that loads the production model now, reloads after every production change
     * committed through {@code registry}, and polls the registry every {@code pollInterval} for
     * changes made elsewhere ({@link Duration#ZERO} for no polling).
     */
    public static <M> ModelServer<M> following(ModelRegistry registry, String endpoint, ModelLoader<M> loader,
                                               Duration pollInterval) {
        ModelServer<M> server = new ModelServer<>(registry, endpoint, loader);
        registry.addListener(server.listener);
        server.refresh();
        if (pollInterval != null && !pollInterval.isZero() && !pollInterval.isNegative()) {
            ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "marquee-serving-poll-" + endpoint);
                t.setDaemon(true);
                return t;
            });
            long ms = pollInterval.toMillis();
            s.scheduleWithFixedDelay(() -> {
                try {
                    server.refresh();
                } catch (RuntimeException e) {
                    LOG.warn("polling the registry for {} failed: {}", endpoint, e.toString());
                }
            }, ms, ms, TimeUnit.MILLISECONDS);
            server.poller = s;
        }
        return server;
    }

    /** The endpoint served. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * The production snapshot. Lock-free.
     *
     * @throws ModelUnavailableException when no model has been loaded (no production version, or it failed to load)
     */
    public Served<M> current() {
        Served<M> s = production.get();
        if (s == null) {
            LoadFailure f = lastFailure.get();
            throw new ModelUnavailableException("endpoint '" + endpoint + "' has no model to serve: "
                    + (f == null ? "no production version has been loaded" : f.label() + " failed to load: " + f.message()));
        }
        return s;
    }

    /** The production snapshot, if one is loaded. */
    public Optional<Served<M>> currentIfLoaded() {
        return Optional.ofNullable(production.get());
    }

    /**
     * The model for a selector as {@link ModelRegistry#resolve} reads it: {@code null} or
     * {@code production} is {@link #current()} (no database access); anything else is resolved in
     * the registry and loaded once (a missing or corrupted artifact is thrown to the caller).
     */
    public Served<M> get(String selector) {
        if (selector == null || selector.isBlank() || selector.trim().equals("production")) {
            return current();
        }
        return version(registry.resolve(endpoint, selector));
    }

    /** The model of a given version of this endpoint, loaded once. */
    public Served<M> version(long versionId) {
        return version(registry.version(versionId));
    }

    private Served<M> version(ModelVersion v) {
        if (!v.endpoint().equals(endpoint)) {
            throw new NotFoundException("endpoint '" + endpoint + "' has no version " + v.id() + " (it belongs to '"
                    + v.endpoint() + "')");
        }
        Served<M> p = production.get();
        if (p != null && p.version().id() == v.id()) {
            return p;
        }
        synchronized (others) {
            Served<M> cached = others.get(v.id());
            if (cached != null) {
                return cached;
            }
        }
        Served<M> loaded = load(v);
        synchronized (others) {
            others.putIfAbsent(v.id(), loaded);
            while (others.size() > CACHE) {
                Long eldest = others.keySet().iterator().next();
                others.remove(eldest);
            }
            return others.get(v.id());
        }
    }

    /** The last load failure of a production version, if the last attempt failed. */
    public Optional<LoadFailure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /**
     * Brings the served production model up to date with the registry. Does nothing when it already
     * is, or when the production version is the one that last failed to load.
     */
    public RefreshResult refresh() {
        return refresh(false);
    }

    /** Like {@link #refresh()}, but retries a version that failed to load. */
    public RefreshResult reload() {
        return refresh(true);
    }

    private synchronized RefreshResult refresh(boolean retryFailed) {
        Optional<ModelVersion> wanted;
        try {
            wanted = registry.production(endpoint);
        } catch (NotFoundException noEndpointYet) {
            wanted = Optional.empty();
        }
        Served<M> cur = production.get();
        Long servingId = cur == null ? null : cur.version().id();
        if (wanted.isEmpty()) {
            return new RefreshResult(null, servingId, false, null);
        }
        ModelVersion v = wanted.get();
        if (servingId != null && servingId == v.id()) {
            return new RefreshResult(v.id(), servingId, false, null);
        }
        LoadFailure failed = lastFailure.get();
        if (!retryFailed && failed != null && failed.versionId() == v.id()) {
            return new RefreshResult(v.id(), servingId, false, failed);
        }
        try {
            Served<M> next;
            synchronized (others) {
                next = others.remove(v.id());
            }
            if (next == null) {
                next = load(v);
            } else {
                next = new Served<>(v, next.model(), next.loadedAt());
            }
            production.set(next);
            lastFailure.set(null);
            LOG.info("{} now serves {} (was {})", endpoint, v.label(), cur == null ? "nothing" : cur.version().label());
            return new RefreshResult(v.id(), v.id(), true, null);
        } catch (RuntimeException e) {
            LoadFailure f = new LoadFailure(v.id(), v.label(), e.getMessage() == null ? e.toString() : e.getMessage(),
                    Instant.now());
            lastFailure.set(f);
            LOG.error("cannot load {} for serving; still serving {}: {}", v.label(),
                    cur == null ? "nothing" : cur.version().label(), f.message());
            return new RefreshResult(v.id(), servingId, false, f);
        }
    }

    private Served<M> load(ModelVersion v) {
        M model = loader.load(registry.openArtifact(v));
        return new Served<>(v, Objects.requireNonNull(model, "loader returned null"), Instant.now());
    }

    private void onRegistryEvent(RegistryEvent e) {
        if (!closed && e.productionChanged() && e.endpoint().equals(endpoint)) {
            refresh();
        }
    }

    /** Stops following the registry; the loaded models stay readable. */
    @Override
    public void close() {
        closed = true;
        registry.removeListener(listener);
        ScheduledExecutorService s = poller;
        if (s != null) {
            s.shutdownNow();
        }
    }
}
