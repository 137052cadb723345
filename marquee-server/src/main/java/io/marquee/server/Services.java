package io.marquee.server;

import io.marquee.core.data.Dataset;
import io.marquee.core.store.Database;
import io.marquee.core.store.DatabaseReader;
import io.marquee.recommend.RecommenderModel;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.jobs.TrainingJobs;
import io.marquee.registry.requests.RequestLog;
import io.marquee.registry.serving.ModelLoaders;
import io.marquee.registry.serving.ModelServer;
import io.marquee.predict.dropoff.DropoffModel;
import io.marquee.segment.SegmentModel;
import io.marquee.server.dropoff.DropoffService;
import io.marquee.server.predict.TabularService;
import io.marquee.server.segments.SegmentService;
import io.marquee.server.auth.TokenStore;
import io.marquee.server.metrics.HttpMetrics;
import io.marquee.server.recs.RecommendationService;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the HTTP layer calls, built over one database: the registry, the recommender's
 * model server, training jobs, the request log, the serving service, tokens and metrics.
 * {@link #close()} stops jobs, drains the request log and closes the database when it owns it.
 */
public final class Services implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final Database db;
    private final boolean ownsDatabase;
    private final ModelRegistry registry;
    private final ModelServer<RecommenderModel> recommender;
    private final TrainingJobs jobs;
    private final RequestLog requests;
    private final RecommendationService recs;
    private final TokenStore tokens;
    private final HttpMetrics metrics;
    private final ModelServer<SegmentModel> segmentServer;
    private final SegmentService segments;
    private final ModelServer<DropoffModel> dropoffServer;
    private final DropoffService dropoff;
    private final TabularService tabular;
    private final long maxUploadBytes;

    /** Largest batch-prediction upload accepted by default (bytes); larger ones get 413. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

    public Services(Database db, boolean ownsDatabase, ModelRegistry registry, ModelServer<RecommenderModel> recommender,
                    TrainingJobs jobs, RequestLog requests, RecommendationService recs, TokenStore tokens,
                    HttpMetrics metrics, ModelServer<SegmentModel> segmentServer, SegmentService segments,
                    ModelServer<DropoffModel> dropoffServer, DropoffService dropoff, TabularService tabular,
                    long maxUploadBytes) {
        this.db = Objects.requireNonNull(db);
        this.ownsDatabase = ownsDatabase;
        this.registry = Objects.requireNonNull(registry);
        this.recommender = Objects.requireNonNull(recommender);
        this.jobs = Objects.requireNonNull(jobs);
        this.requests = Objects.requireNonNull(requests);
        this.recs = Objects.requireNonNull(recs);
        this.tokens = Objects.requireNonNull(tokens);
        this.metrics = Objects.requireNonNull(metrics);
        this.segmentServer = Objects.requireNonNull(segmentServer);
        this.segments = Objects.requireNonNull(segments);
        this.dropoffServer = Objects.requireNonNull(dropoffServer);
        this.dropoff = Objects.requireNonNull(dropoff);
        this.tabular = Objects.requireNonNull(tabular);
        if (maxUploadBytes < 1) {
            throw io.marquee.core.error.InvalidInputException.of("maxUploadBytes", maxUploadBytes, "at least 1");
        }
        this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * Opens every service over {@code db} with defaults: the registry (artifacts beside a SQLite
     * file), a model server following the {@code recommender} endpoint (polling every 5 s for
     * promotions made by other processes), training jobs, the request log and the data loaded now.
     *
     * @param ownsDatabase whether {@link #close()} closes the database
     */
    public static Services open(Database db, boolean ownsDatabase) {
        return open(db, ownsDatabase, DEFAULT_MAX_UPLOAD_BYTES);
    }

    /** As {@link #open(Database, boolean)}, with a limit on batch-prediction uploads (bytes). */
    public static Services open(Database db, boolean ownsDatabase, long maxUploadBytes) {
        ModelRegistry registry = ModelRegistry.open(db);
        try {
            registry.collectGarbage();
        } catch (RuntimeException e) {
            LOG.warn("artifact garbage collection failed: {}", e.toString());
        }
        ModelServer<RecommenderModel> server = ModelServer.following(registry, RecommendationService.ENDPOINT,
                ModelLoaders.RECOMMENDER, Duration.ofSeconds(5));
        TrainingJobs jobs = TrainingJobs.start(registry);
        RequestLog requests = RequestLog.start(db);
        Dataset data = DatabaseReader.load(db);
        RecommendationService recs = new RecommendationService(db, data, server, requests);
        recs.warmUp();
        HttpMetrics metrics = new HttpMetrics(requests);
        ModelServer<SegmentModel> segmentServer = ModelServer.following(registry, SegmentService.ENDPOINT,
                SegmentService.LOADER, Duration.ofSeconds(5));
        ModelServer<DropoffModel> dropoffServer = ModelServer.following(registry, DropoffService.ENDPOINT,
                DropoffService.LOADER, Duration.ofSeconds(5));
        DropoffService dropoff = new DropoffService(dropoffServer, data, requests);
        try {
            dropoff.warmUp();
        } catch (RuntimeException e) {
            LOG.warn("drop-off predictor could not be built at start: {}", e.toString());
        }
        return new Services(db, ownsDatabase, registry, server, jobs, requests, recs, new TokenStore(db), metrics,
                segmentServer, new SegmentService(segmentServer, data), dropoffServer, dropoff,
                new TabularService(registry, requests, Duration.ofSeconds(5)), maxUploadBytes);
    }

    public Database database() {
        return db;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public ModelServer<RecommenderModel> recommender() {
        return recommender;
    }

    public TrainingJobs jobs() {
        return jobs;
    }

    public RequestLog requests() {
        return requests;
    }

    public RecommendationService recs() {
        return recs;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public HttpMetrics metrics() {
        return metrics;
    }

    /** The production segmentation model and viewers' segments. */
    public SegmentService segments() {
        return segments;
    }

    /** Drop-off predictions from the production {@code dropoff} model. */
    public DropoffService dropoff() {
        return dropoff;
    }

    /** Predictions of tabular endpoints (churn, …). */
    public TabularService tabular() {
        return tabular;
    }

    /** Largest batch-prediction upload accepted (bytes). */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Stops jobs, drains the request log (nothing accepted is lost), closes the model server and the database. */
    @Override
    public void close() {
        try {
            jobs.close();
        } catch (RuntimeException e) {
            LOG.warn("closing training jobs: {}", e.toString());
        }
        requests.close();
        recommender.close();
        segmentServer.close();
        dropoffServer.close();
        tabular.close();
        if (ownsDatabase) {
            db.close();
        }
    }
}
