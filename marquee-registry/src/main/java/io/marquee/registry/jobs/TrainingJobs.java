package io.marquee.registry.jobs;

import io.marquee.core.data.Interactions;
import io.marquee.core.error.ConflictException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.recommend.AlgorithmSpec;
import io.marquee.recommend.Algorithms;
import io.marquee.recommend.RecommenderModel;
import io.marquee.recommend.RecommenderTrainer;
import io.marquee.recommend.eval.Fold;
import io.marquee.recommend.eval.Metric;
import io.marquee.recommend.eval.Metrics;
import io.marquee.registry.Ids;
import io.marquee.registry.Json;
import io.marquee.registry.MetricPoint;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.Names;
import io.marquee.registry.NewVersion;
import io.marquee.registry.Stage;
import io.marquee.registry.serving.ModelLoaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous training of recommenders into the registry, with the validation gate.
 *
 * <p>A job is stored in {@code training_jobs} when submitted ({@link JobStatus#QUEUED}) and run by
 * a bounded pool ({@link JobsOptions#workers} threads, {@link JobsOptions#queueCapacity} waiting
 * jobs; one more is refused with a {@link ConflictException}). Running, it records its progress
 * (the trainer's "epoch i of n" through {@link Progress}) and log lines in the database, so
 * {@link #job} answers from any process and after a restart. Jobs that were queued or running when
 * the process stopped are marked failed when the next {@code TrainingJobs} starts.
 *
 * <p>Every job reads the current ratings, cuts the policy's seeded holdout, trains on the training
 * part, records the {@link HoldoutJudge#RECORDED_METRICS} on the test part, and registers the model
 * (the very model that was judged) in testing. A <b>retrain</b> job then applies the validation
 * gate: it judges the production model on the same test ratings, registers the decision with both
 * figures ({@link GateDecision}), and promotes the candidate (testing → staging → production) only
 * if it beats production by the policy's relative margin. An endpoint without a production version
 * gets the candidate promoted without comparison.
 */
public final class TrainingJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingJobs.class);
    private static final String JOB_COLUMNS = "id, kind, endpoint, algorithm, params, status, progress_task,"
            + " progress_done, progress_total, requested_by, description, created_at_ms, started_at_ms,"
            + " finished_at_ms, version_id, decision_id, error";
    private static final String DECISION_COLUMNS = "id, endpoint, job_id, candidate_version_id, champion_version_id,"
            + " metric, higher_is_better, candidate_value, champion_value, margin, improvement, promoted, reason,"
            + " decided_at_ms";
    private static final long PROGRESS_WRITE_MS = 250;

    private final ModelRegistry registry;
    private final Database db;
    private final TrainingData data;
    private final JobsOptions options;
    private final ThreadPoolExecutor executor;

    /**
     * Starts the job service; first marks jobs left queued or running by a previous process as failed.
     */
    public TrainingJobs(ModelRegistry registry, TrainingData data, JobsOptions options) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.db = registry.database();
        this.data = Objects.requireNonNull(data, "data");
        this.options = Objects.requireNonNull(options, "options");
        recoverInterrupted();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(options.workers(), options.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(options.queueCapacity()), r -> {
                    Thread t = new Thread(r, "marquee-training-" + n.incrementAndGet());
                    t.setDaemon(true); // a job still running at exit is marked failed at the next start
                    return t;
                });
    }

    /** Jobs over the registry's database ratings with {@link JobsOptions#defaults()}. */
    public static TrainingJobs start(ModelRegistry registry) {
        return new TrainingJobs(registry, TrainingData.of(registry.database()), JobsOptions.defaults());
    }

    /** The options in force. */
    public JobsOptions options() {
        return options;
    }

    /**
     * Submits a training job: train, evaluate on the holdout, register in testing. Bad algorithm
     * names or params are refused here, not when the job runs.
     */
    public JobInfo submitTrain(TrainRequest request) {
        Objects.requireNonNull(request, "request");
        AlgorithmSpec<?, ?> spec = Algorithms.get(request.algorithm());
        RecommenderTrainer<?> trainer = spec.trainer(request.params());
        Plan plan = new Plan(JobKind.TRAIN, request.endpoint(), spec, trainer, request.params(), request.requestedBy(),
                request.description(), request.tags(), options.gate());
        return submit(plan);
    }

    /**
     * Submits a retrain job: train on the current data, register, and promote only if the
     * validation gate passes. Without an algorithm, production's algorithm and params are reused.
     *
     * @throws InvalidInputException when no algorithm is given and the endpoint has no production version
     */
    public JobInfo submitRetrain(RetrainRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<ModelVersion> production;
        try {
            production = registry.production(request.endpoint());
        } catch (NotFoundException newEndpoint) {
            production = Optional.empty();
        }
        String algorithm = request.algorithm();
        Map<String, String> params = request.params();
        if (algorithm == null) {
            ModelVersion p = production.orElseThrow(() -> InvalidInputException.of("algorithm", null,
                    "given when endpoint '" + request.endpoint() + "' has no production version to copy it from"));
            algorithm = p.algorithm();
        }
        if (params == null) {
            params = new LinkedHashMap<>();
            if (production.isPresent() && production.get().algorithm().equals(algorithm)) {
                for (Map.Entry<String, Object> e : production.get().params().entrySet()) {
                    params.put(e.getKey(), String.valueOf(e.getValue()));
                }
            }
        }
        AlgorithmSpec<?, ?> spec = Algorithms.get(algorithm);
        RecommenderTrainer<?> trainer = spec.trainer(params);
        Plan plan = new Plan(JobKind.RETRAIN, request.endpoint(), spec, trainer, params, request.requestedBy(),
                request.description(), List.of("retrain"), request.gate() == null ? options.gate() : request.gate());
        return submit(plan);
    }

    /**
     * Submits a drop-off job: train the drop-off predictor on the database's watch events; a
     * retrain is registered and promoted only if the {@link ClassifierGate} passes. Bad settings
     * are refused here.
     */
    public JobInfo submitDropoff(DropoffJobRequest request) {
        Objects.requireNonNull(request, "request");
        return submit(new Plan(request));
    }

    /** A job with its log. */
    public JobInfo job(long id) {
        return db.withHandle(h -> {
            JobInfo row = h.createQuery("SELECT " + JOB_COLUMNS + " FROM training_jobs WHERE id = :id").bind("id", id)
                    .map((rs, ctx) -> jobRow(rs, List.of())).findOne()
                    .orElseThrow(() -> new NotFoundException("training job " + id + " does not exist"));
            List<JobLogLine> log = h.createQuery("SELECT seq, logged_at_ms, line FROM training_job_logs"
                            + " WHERE job_id = :id ORDER BY seq").bind("id", id)
                    .map((rs, ctx) -> new JobLogLine(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)))
                    .list();
            return new JobInfo(row.id(), row.kind(), row.endpoint(), row.algorithm(), row.params(), row.status(),
                    row.progress(), row.requestedBy(), row.description(), row.createdAt(), row.startedAt(),
                    row.finishedAt(), row.versionId(), row.decisionId(), row.error(), log);
        });
    }

    /** The newest jobs (of one endpoint, or of all when null), without their logs. */
    public List<JobInfo> jobs(String endpoint, int limit) {
        if (endpoint != null) {
            Names.endpoint(endpoint);
        }
        if (limit < 1 || limit > 10_000) {
            throw InvalidInputException.of("limit", limit, "between 1 and 10000");
        }
        return db.withHandle(h -> {
            var q = h.createQuery("SELECT " + JOB_COLUMNS + " FROM training_jobs"
                    + (endpoint == null ? "" : " WHERE endpoint = :e") + " ORDER BY id DESC");
            if (endpoint != null) {
                q.bind("e", endpoint);
            }
            return q.setMaxRows(limit).map((rs, ctx) -> jobRow(rs, List.of())).list();
        });
    }

    /** Waits until the job is final or the timeout passes; returns it as it is then. */
    public JobInfo await(long id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobInfo j = job(id);
        while (!j.status().isFinal() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            j = job(id);
        }
        return j;
    }

    /** The validation gate's decisions for an endpoint, oldest first. */
    public List<GateDecision> decisions(String endpoint) {
        Names.endpoint(endpoint);
        return db.withHandle(h -> h.createQuery("SELECT " + DECISION_COLUMNS + " FROM gate_decisions WHERE endpoint = :e"
                + " ORDER BY id").bind("e", endpoint).map((rs, ctx) -> decisionRow(rs)).list());
    }

    /** One decision. */
    public GateDecision decision(long id) {
        return db.withHandle(h -> h.createQuery("SELECT " + DECISION_COLUMNS + " FROM gate_decisions WHERE id = :id")
                        .bind("id", id).map((rs, ctx) -> decisionRow(rs)).findOne())
                .orElseThrow(() -> new NotFoundException("gate decision " + id + " does not exist"));
    }

    /**
     * Stops taking jobs; queued jobs that have not started are marked failed; waits up to 10 s for
     * running ones (a job still running after that is marked failed at the next start).
     */
    @Override
    public void close() {
        List<Runnable> never = executor.shutdownNow();
        for (Runnable r : never) {
            if (r instanceof Task t) {
                finish(t.plan.id, JobStatus.FAILED, "cancelled: training jobs were shut down before it started");
            }
        }
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("training jobs still running at shutdown; they will be marked failed at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ running

    /** A submitted job's settings (id assigned on submission). */
    private static final class Plan {
        final JobKind kind;
        final String endpoint;
        final String algorithm;
        /** A classifier job's work (drop-off); null for a recommender job. */
        final DropoffJobRequest dropoff;
        final AlgorithmSpec<?, ?> spec;
        final RecommenderTrainer<?> trainer;
        final Map<String, String> params;
        final String requestedBy;
        final String description;
        final List<String> tags;
        final GatePolicy gate;
        long id;

        Plan(JobKind kind, String endpoint, AlgorithmSpec<?, ?> spec, RecommenderTrainer<?> trainer,
             Map<String, String> params, String requestedBy, String description, List<String> tags, GatePolicy gate) {
            this.kind = kind;
            this.endpoint = endpoint;
            this.algorithm = spec.name();
            this.dropoff = null;
            this.spec = spec;
            this.trainer = trainer;
            this.params = Map.copyOf(params);
            this.requestedBy = requestedBy;
            this.description = description == null ? "" : description;
            this.tags = tags;
            this.gate = gate;
        }

        Plan(DropoffJobRequest r) {
            this.kind = r.kind();
            this.endpoint = r.endpoint();
            this.algorithm = "dropoff-" + r.algorithm();
            this.dropoff = r;
            this.spec = null;
            this.trainer = null;
            this.params = Map.copyOf(r.params());
            this.requestedBy = r.requestedBy();
            this.description = r.description() == null ? "" : r.description();
            this.tags = r.kind() == JobKind.RETRAIN ? List.of("retrain") : List.of();
            this.gate = null;
        }
    }

    private final class Task implements Runnable {
        final Plan plan;

        Task(Plan plan) {
            this.plan = plan;
        }

        @Override
        public void run() {
            runJob(plan);
        }
    }

    private JobInfo submit(Plan plan) {
        long now = System.currentTimeMillis();
        plan.id = db.inTransaction(h -> {
            long id = Ids.next(h, Ids.JOBS);
            h.createUpdate("INSERT INTO training_jobs (id, kind, endpoint, algorithm, params, status, progress_task,"
                            + " progress_done, progress_total, requested_by, description, created_at_ms)"
                            + " VALUES (:id, :kind, :endpoint, :algorithm, :params, 'queued', '', 0, 0, :by, :d, :now)")
                    .bind("id", id).bind("kind", plan.kind.id()).bind("endpoint", plan.endpoint)
                    .bind("algorithm", plan.algorithm).bind("params", Json.write(new LinkedHashMap<>(plan.params)))
                    .bind("by", plan.requestedBy).bind("d", plan.description).bind("now", now).execute();
            return id;
        });
        try {
            executor.execute(new Task(plan));
        } catch (RejectedExecutionException e) {
            db.inTransaction(h -> h.createUpdate("DELETE FROM training_jobs WHERE id = :id").bind("id", plan.id).execute());
            throw new ConflictException(executor.isShutdown() ? "training jobs are shut down"
                    : "the training queue is full (" + options.queueCapacity() + " jobs waiting); try again later");
        }
        LOG.info("job {} queued: {} {} for {} by {}", plan.id, plan.kind.id(), plan.algorithm, plan.endpoint,
                plan.requestedBy);
        return job(plan.id);
    }

    private void runJob(Plan plan) {
        long id = plan.id;
        JobContext ctx = new JobContext(id);
        int started = db.withHandle(h -> h.createUpdate("UPDATE training_jobs SET status = 'running', started_at_ms = :now"
                + " WHERE id = :id AND status = 'queued'").bind("now", System.currentTimeMillis()).bind("id", id).execute());
        if (started == 0) {
            return; // cancelled meanwhile
        }
        Path dir = null;
        try {
            if (plan.dropoff != null) {
                runDropoff(plan, ctx);
                return;
            }
            ctx.log(plan.kind.id() + " " + plan.spec.name() + " for '" + plan.endpoint + "' with "
                    + (plan.params.isEmpty() ? "default params" : "params " + plan.params));
            Interactions all = data.ratings();
            ctx.log("data: " + all.size() + " ratings, " + all.users().size() + " viewers, " + all.items().size()
                    + " films; fingerprint " + all.fingerprint().substring(0, 12));
            HoldoutJudge judge = new HoldoutJudge(plan.gate, ctx);
            Fold fold = judge.fold(all);
            ctx.log("holdout " + judge.split().describe() + ": training on " + fold.train().size() + ", testing on "
                    + fold.test().size() + " ratings");
            long t0 = System.nanoTime();
            RecommenderModel model = plan.trainer.train(fold.train(), ctx);
            ctx.log(String.format(Locale.ROOT, "trained in %.1f s", (System.nanoTime() - t0) / 1e9));
            Map<String, Double> metrics = judge.evaluate(model, fold);
            ctx.log("holdout metrics: " + format(metrics));
            dir = workDir().resolve("marquee-job-" + id + "-" + System.nanoTime());
            model.save(dir);
            ModelVersion v = registry.register(new NewVersion(plan.endpoint, dir, plan.requestedBy,
                    plan.description.isEmpty() ? plan.kind.id() + " job " + id : plan.description, plan.tags, metrics));
            db.withHandle(h -> h.createUpdate("UPDATE training_jobs SET version_id = :v WHERE id = :id")
                    .bind("v", v.id()).bind("id", id).execute());
            ctx.log("registered " + v.label() + " in testing");
            if (plan.kind == JobKind.RETRAIN) {
                GateDecision d = gate(plan, ctx, v, model, fold, judge);
                db.withHandle(h -> h.createUpdate("UPDATE training_jobs SET decision_id = :d WHERE id = :id")
                        .bind("d", d.id()).bind("id", id).execute());
            }
            finish(id, JobStatus.SUCCEEDED, null);
            LOG.info("job {} succeeded: {}", id, v.label());
        } catch (RuntimeException | Error e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("job {} failed: {}", id, message);
            LOG.debug("job {} failure", id, e);
            try {
                ctx.log("failed: " + message);
            } catch (RuntimeException ignored) {
                // the database may be the problem; the status update below may still work
            }
            finish(id, JobStatus.FAILED, message);
        } finally {
            deleteTree(dir);
        }
    }

    /** A drop-off job: read the data set, train, register, and for a retrain let the classifier gate decide. */
    private void runDropoff(Plan plan, JobContext ctx) {
        long id = plan.id;
        DropoffJobRequest r = plan.dropoff;
        ctx.log(plan.kind.id() + " " + plan.algorithm + " for '" + plan.endpoint + "' with "
                + (plan.params.isEmpty() ? "default params" : "params " + plan.params));
        Path dir = workDir().resolve("marquee-job-" + id + "-" + System.nanoTime());
        try {
            io.marquee.core.data.Dataset ds = io.marquee.core.store.DatabaseReader.load(db);
            ctx.log("data: " + ds.watches().size() + " watch events, " + ds.viewers().size() + " viewers, "
                    + ds.catalogue().size() + " films");
            long t0 = System.nanoTime();
            ClassifierTraining.Trained t = ClassifierTraining.dropoff(ds, r.dropoffParams(), plan.endpoint,
                    plan.requestedBy, plan.description.isEmpty() ? plan.kind.id() + " job " + id : plan.description,
                    plan.tags, dir);
            ctx.log(String.format(Locale.ROOT, "trained in %.1f s; holdout metrics: %s", (System.nanoTime() - t0) / 1e9,
                    format(t.candidate().version().metrics())));
            ModelVersion v;
            Long decision = null;
            if (plan.kind == JobKind.RETRAIN) {
                ClassifierGate.Outcome o = new ClassifierGate(registry, r.gate()).registerAndDecide(t.candidate(), id,
                        ctx::log);
                v = o.version();
                decision = o.decision().id();
            } else {
                v = registry.register(t.candidate().version());
                ctx.log("registered " + v.label() + " in testing");
            }
            Long d = decision;
            db.withHandle(h -> h.createUpdate("UPDATE training_jobs SET version_id = :v, decision_id = :d WHERE id = :id")
                    .bind("v", v.id()).bind("d", d).bind("id", id).execute());
            finish(id, JobStatus.SUCCEEDED, null);
            LOG.info("job {} succeeded: {}", id, v.label());
        } finally {
            deleteTree(dir);
        }
    }

    private GateDecision gate(Plan plan, JobContext ctx, ModelVersion candidate, RecommenderModel model, Fold fold,
                              HoldoutJudge judge) {
        String actor = "job " + plan.id + " (" + plan.requestedBy + ")";
        double margin = plan.gate.margin();
        Optional<ModelVersion> production = registry.production(plan.endpoint);
        if (production.isEmpty()) {
            String reason = "validation gate: no production version yet, promoted without comparison";
            boolean promoted = promote(candidate, null, actor, reason, ctx);
            String metric = defaultMetric(plan);
            return recordDecision(plan, candidate, null, metric, higherIsBetter(metric), candidate.metrics().get(metric),
                    null, margin, null, promoted, promoted ? reason : reason + " failed (production changed meanwhile)");
        }
        ModelVersion champion = production.get();
        RecommenderModel championModel;
        try {
            championModel = ModelLoaders.RECOMMENDER.load(registry.openArtifact(champion));
        } catch (RuntimeException e) {
            String metric = defaultMetric(plan);
            String reason = "validation gate: production " + champion.label() + " could not be loaded ("
                    + e.getMessage() + "); not promoted, promote by hand after checking";
            ctx.log(reason);
            return recordDecision(plan, candidate, champion.id(), metric, higherIsBetter(metric),
                    candidate.metrics().get(metric), null, margin, null, false, reason);
        }
        HoldoutJudge.Comparison c = judge.compare(model, championModel, fold);
        if (c.champion() != null) {
            registry.recordMetrics(champion.id(), Map.of(c.metric(), c.champion()), MetricPoint.CHAMPION, plan.id);
        }
        Double improvement = c.improvement();
        String figures = c.candidate() == null || c.champion() == null ? "" : String.format(Locale.ROOT,
                "%s %.4f vs production %s %.4f on %d of %d test ratings: %+.1f%%", c.metric(), c.candidate(),
                "v" + champion.version(), c.champion(), c.compared(), c.testSize(), 100 * improvement);
        boolean passes = improvement != null && improvement > 0 && improvement >= margin;
        String reason;
        if (c.problem() != null) {
            reason = "validation gate: cannot compare (" + c.problem() + "); not promoted";
        } else if (passes) {
            reason = "validation gate: " + figures + String.format(Locale.ROOT, ", beats the %.1f%% margin", 100 * margin);
        } else {
            reason = "validation gate: " + figures + String.format(Locale.ROOT, ", short of the %.1f%% margin; kept "
                    + champion.label(), 100 * margin);
        }
        ctx.log(reason);
        boolean promoted = passes && promote(candidate, champion.id(), actor, reason, ctx);
        if (passes && !promoted) {
            reason += "; promotion refused because production changed meanwhile";
        }
        return recordDecision(plan, candidate, champion.id(), c.metric(), c.higherIsBetter(), c.candidate(),
                c.champion(), margin, improvement, promoted, reason);
    }

    /** The gate's metric when production cannot be consulted: the policy's, else by the candidate's kind. */
    private static String defaultMetric(Plan plan) {
        return plan.gate.metric() != null ? plan.gate.metric()
                : plan.spec.predictsRatings() ? GatePolicy.RATING_METRIC : GatePolicy.RANKING_METRIC;
    }

    private static boolean higherIsBetter(String metric) {
        return Metrics.parseOne(metric).kind() != Metric.Kind.RATING;
    }

    private boolean promote(ModelVersion candidate, Long expectedProduction, String actor, String reason, JobContext ctx) {
        try {
            registry.transition(candidate.id(), Stage.STAGING, actor, reason);
            registry.promoteReplacing(candidate.id(), expectedProduction, actor, reason);
            ctx.log("promoted " + candidate.label() + " to production");
            return true;
        } catch (ConflictException e) {
            ctx.log("not promoted: " + e.getMessage());
            return false;
        }
    }

    private GateDecision recordDecision(Plan plan, ModelVersion candidate, Long championId, String metric,
                                        boolean higherIsBetter, Double candidateValue, Double championValue,
                                        double margin, Double improvement, boolean promoted, String reason) {
        long now = System.currentTimeMillis();
        long id = db.inTransaction(h -> {
            Ids.lock(h, Ids.REGISTRY);
            long next = Ids.next(h, Ids.REGISTRY);
            h.createUpdate("INSERT INTO gate_decisions (" + DECISION_COLUMNS + ") VALUES (:id, :e, :job, :cand, :champ,"
                            + " :metric, :higher, :cv, :pv, :margin, :imp, :promoted, :reason, :now)")
                    .bind("id", next).bind("e", plan.endpoint).bind("job", plan.id).bind("cand", candidate.id())
                    .bind("champ", championId).bind("metric", metric).bind("higher", higherIsBetter)
                    .bind("cv", candidateValue).bind("pv", championValue).bind("margin", margin)
                    .bind("imp", improvement != null && Double.isFinite(improvement) ? improvement : null)
                    .bind("promoted", promoted).bind("reason", reason).bind("now", now).execute();
            return next;
        });
        return decision(id);
    }

    /** Progress and log of one running job, written to the database. */
    private final class JobContext implements Progress {
        private final long id;
        private int seq;
        private String task = "";
        private long done;
        private long total;
        private long lastWrite;

        JobContext(long id) {
            this.id = id;
        }

        void log(String line) {
            LOG.info("job {}: {}", id, line);
            int s = seq++;
            db.withHandle(h -> h.createUpdate("INSERT INTO training_job_logs (job_id, seq, logged_at_ms, line)"
                            + " VALUES (:id, :seq, :now, :line)").bind("id", id).bind("seq", s)
                    .bind("now", System.currentTimeMillis()).bind("line", line).execute());
        }

        @Override
        public void start(String task, long total) {
            this.task = task == null ? "" : task;
            this.total = Math.max(0, total);
            this.done = 0;
            write(true);
        }

        @Override
        public void advance(long steps) {
            done += steps;
            write(total > 0 && done >= total);
        }

        @Override
        public void finish() {
            if (total > 0) {
                done = total;
            }
            write(true);
        }

        private void write(boolean force) {
            long now = System.currentTimeMillis();
            if (!force && now - lastWrite < PROGRESS_WRITE_MS) {
                return;
            }
            lastWrite = now;
            String t = task;
            long d = done;
            long n = total;
            try {
                db.withHandle(h -> h.createUpdate("UPDATE training_jobs SET progress_task = :t, progress_done = :d,"
                        + " progress_total = :n WHERE id = :id").bind("t", t).bind("d", d).bind("n", n).bind("id", id)
                        .execute());
            } catch (RuntimeException e) {
                LOG.warn("job {}: cannot record progress: {}", id, e.toString()); // progress is not worth failing for
            }
        }
    }

    private void finish(long id, JobStatus status, String error) {
        db.withHandle(h -> h.createUpdate("UPDATE training_jobs SET status = :s, finished_at_ms = :now, error = :error"
                        + " WHERE id = :id AND status IN ('queued', 'running')")
                .bind("s", status.id()).bind("now", System.currentTimeMillis()).bind("error", error).bind("id", id)
                .execute());
    }

    private void recoverInterrupted() {
        db.inTransaction(h -> {
            Ids.lock(h, Ids.JOBS); // write lock first: read-then-write must not race another process
            List<long[]> stale = h.createQuery("SELECT id, CASE WHEN status = 'running' THEN 1 ELSE 0 END"
                    + " FROM training_jobs WHERE status IN ('queued', 'running')")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getInt(2)}).list();
            long now = System.currentTimeMillis();
            for (long[] s : stale) {
                String why = "interrupted: Marquee stopped while the job was " + (s[1] == 1 ? "running" : "queued");
                h.createUpdate("UPDATE training_jobs SET status = 'failed', finished_at_ms = :now, error = :e"
                        + " WHERE id = :id").bind("now", now).bind("e", why).bind("id", s[0]).execute();
                int seq = h.createQuery("SELECT COALESCE(MAX(seq), -1) + 1 FROM training_job_logs WHERE job_id = :id")
                        .bind("id", s[0]).mapTo(Integer.class).one();
                insertLog(h, s[0], seq, now, why + " (marked failed at startup)");
            }
            if (!stale.isEmpty()) {
                LOG.warn("marked {} interrupted training job(s) as failed", stale.size());
            }
            return null;
        });
    }

    private static void insertLog(Handle h, long id, int seq, long now, String line) {
        h.createUpdate("INSERT INTO training_job_logs (job_id, seq, logged_at_ms, line) VALUES (:id, :seq, :now, :line)")
                .bind("id", id).bind("seq", seq).bind("now", now).bind("line", line).execute();
    }

    private Path workDir() {
        Path d = options.workDir() != null ? options.workDir() : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new io.marquee.core.error.StorageException("cannot create work directory " + d + ": " + e.getMessage(), e);
        }
        return d;
    }

    private static String format(Map<String, Double> metrics) {
        List<String> parts = new ArrayList<>();
        metrics.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s=%.4f", k, v)));
        return parts.isEmpty() ? "(none)" : String.join(", ", parts);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static JobInfo jobRow(ResultSet rs, List<JobLogLine> log) throws SQLException {
        Map<String, String> params = new LinkedHashMap<>();
        Json.object(rs.getString("params")).forEach((k, v) -> params.put(k, String.valueOf(v)));
        return new JobInfo(rs.getLong("id"), JobKind.fromDb(rs.getString("kind")), rs.getString("endpoint"),
                rs.getString("algorithm"), params, JobStatus.fromDb(rs.getString("status")),
                new JobProgress(rs.getString("progress_task"), rs.getLong("progress_done"), rs.getLong("progress_total")),
                rs.getString("requested_by"), rs.getString("description"), Instant.ofEpochMilli(rs.getLong("created_at_ms")),
                instant(rs, "started_at_ms"), instant(rs, "finished_at_ms"), longOrNull(rs, "version_id"),
                longOrNull(rs, "decision_id"), rs.getString("error"), log);
    }

    private static GateDecision decisionRow(ResultSet rs) throws SQLException {
        return new GateDecision(rs.getLong("id"), rs.getString("endpoint"), longOrNull(rs, "job_id"),
                rs.getLong("candidate_version_id"), longOrNull(rs, "champion_version_id"), rs.getString("metric"),
                rs.getBoolean("higher_is_better"), doubleOrNull(rs, "candidate_value"), doubleOrNull(rs, "champion_value"),
                rs.getDouble("margin"), doubleOrNull(rs, "improvement"), rs.getBoolean("promoted"), rs.getString("reason"),
                Instant.ofEpochMilli(rs.getLong("decided_at_ms")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
