package io.marquee.registry.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.ConflictException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import io.marquee.registry.ArtifactStore;
import io.marquee.registry.MetricPoint;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.RegistryOptions;
import io.marquee.registry.Stage;
import io.marquee.registry.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingJobsTest {
    static final String REC = "recommender";
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    Database db;
    ModelRegistry registry;
    TrainingJobs jobs;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite(tmp);
        SyntheticGenerator.generateInto(db, GeneratorParams.defaults().withUsers(300).withMovies(120).withSeed(7),
                Progress.NONE);
        registry = new ModelRegistry(db, ArtifactStore.at(tmp.resolve("artifacts")), RegistryOptions.defaults(),
                Clock.systemUTC());
        jobs = new TrainingJobs(registry, TrainingData.of(db), new JobsOptions(1, 4, GatePolicy.defaults(),
                tmp.resolve("work")));
    }

    @AfterEach
    void close() {
        jobs.close();
        db.close();
    }

    JobInfo run(JobInfo submitted) {
        JobInfo done = jobs.await(submitted.id(), WAIT);
        assertThat(done.status()).as("job %s: %s", done.id(), done.error()).isEqualTo(JobStatus.SUCCEEDED);
        return done;
    }

    @Test
    void a_training_job_reports_progress_and_logs_and_registers_its_model_in_testing() {
        JobInfo submitted = jobs.submitTrain(new TrainRequest(REC, "mf", Map.of("n_factors", "8", "epochs", "6"),
                "alice", "small mf", List.of("nightly")));
        assertThat(submitted.status()).isIn(JobStatus.QUEUED, JobStatus.RUNNING);
        JobInfo done = run(submitted);
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.progress().done()).isEqualTo(done.progress().total());
        assertThat(done.log()).extracting(JobLogLine::line).anyMatch(l -> l.startsWith("holdout metrics: rmse="))
                .anyMatch(l -> l.startsWith("registered recommender v1"));
        assertThat(done.error()).isNull();

        ModelVersion v = registry.version(done.versionId());
        assertThat(v.stage()).isEqualTo(Stage.TESTING);
        assertThat(v.algorithm()).isEqualTo("mf");
        assertThat(v.params()).containsEntry("n_factors", 8).containsEntry("epochs", 6);
        assertThat(v.metrics()).containsKeys("rmse", "mae", "ndcg@10");
        assertThat(v.description()).isEqualTo("small mf");
        assertThat(v.tags()).containsExactly("nightly");
        assertThat(registry.metricHistory(REC, "rmse")).extracting(MetricPoint::versionId).containsExactly(v.id());
        assertThat(jobs.jobs(REC, 10)).extracting(JobInfo::id).containsExactly(done.id());
    }

    @Test
    void progress_of_a_running_job_is_visible_as_epoch_i_of_n() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TrainingJobs slow = new TrainingJobs(registry, () -> {
            await(release);
            return io.marquee.core.store.DatabaseReader.load(db).ratings();
        }, new JobsOptions(1, 4, GatePolicy.defaults(), tmp.resolve("work")));
        try {
            JobInfo j = slow.submitTrain(new TrainRequest(REC, "mf", Map.of("n_factors", "2", "epochs", "10000"), "a",
                    null, null));
            awaitRunning(slow, j.id()); // blocked in reading the data
            release.countDown();
            JobProgress seen = null;
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                JobProgress p = slow.job(j.id()).progress();
                if (p.task().startsWith("mf:") && p.done() > 0 && p.done() < p.total()) {
                    seen = p;
                    break;
                }
                Thread.sleep(5);
            }
            assertThat(seen).as("an intermediate 'epoch i of n'").isNotNull();
            assertThat(seen.total()).isEqualTo(10_000);
            assertThat(slow.await(j.id(), WAIT).status()).isEqualTo(JobStatus.SUCCEEDED);
        } finally {
            slow.close();
        }
    }

    @Test
    void a_failing_job_is_marked_failed_with_its_error_and_bad_requests_are_refused_at_once() {
        TrainingJobs broken = new TrainingJobs(registry, () -> {
            throw new IllegalStateException("ratings unavailable");
        }, JobsOptions.defaults());
        try {
            JobInfo j = broken.await(broken.submitTrain(new TrainRequest(REC, "baseline", null, "a", null, null)).id(),
                    WAIT);
            assertThat(j.status()).isEqualTo(JobStatus.FAILED);
            assertThat(j.error()).contains("ratings unavailable");
            assertThat(j.log()).extracting(JobLogLine::line).anyMatch(l -> l.contains("failed: ratings unavailable"));
            assertThat(j.versionId()).isNull();
        } finally {
            broken.close();
        }
        assertThatThrownBy(() -> jobs.submitTrain(new TrainRequest(REC, "mf", Map.of("epochs", "-1"), "a", null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new TrainRequest(REC, "nope", null, "a", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> jobs.submitRetrain(new RetrainRequest(REC, null, null, "a", null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no production version");
    }

    @Test
    void the_queue_is_bounded_and_jobs_left_unfinished_by_a_crash_are_failed_at_startup() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TrainingJobs blocked = new TrainingJobs(registry, () -> {
            await(release);
            throw new IllegalStateException("stop");
        }, new JobsOptions(1, 1, GatePolicy.defaults(), null));
        JobInfo running = blocked.submitTrain(new TrainRequest(REC, "mean", null, "a", null, null));
        awaitRunning(blocked, running.id()); // the worker holds it; the next one waits in the queue
        JobInfo queued = blocked.submitTrain(new TrainRequest(REC, "mean", null, "a", null, null));
        assertThatThrownBy(() -> blocked.submitTrain(new TrainRequest(REC, "mean", null, "a", null, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("queue is full");

        // a new process starts while these two are unfinished (as after kill -9)
        TrainingJobs restarted = new TrainingJobs(registry, TrainingData.of(db), JobsOptions.defaults());
        for (JobInfo j : List.of(running, queued)) {
            JobInfo after = restarted.job(j.id());
            assertThat(after.status()).isEqualTo(JobStatus.FAILED);
            assertThat(after.error()).startsWith("interrupted");
        }
        release.countDown();
        blocked.close();
        restarted.close();
        assertThat(restarted.job(running.id()).error()).startsWith("interrupted"); // a late finish does not overwrite
    }

    @Test
    void the_validation_gate_promotes_a_model_that_beats_production_by_the_margin() {
        JobInfo first = run(jobs.submitRetrain(new RetrainRequest(REC, "mean", null, "alice", null, null)));
        GateDecision initial = jobs.decision(first.decisionId());
        assertThat(initial.promoted()).isTrue();
        assertThat(initial.championVersionId()).isNull();
        ModelVersion mean = registry.production(REC).orElseThrow();

        JobInfo second = run(jobs.submitRetrain(new RetrainRequest(REC, "baseline", null, "alice", null, null)));
        GateDecision d = jobs.decision(second.decisionId());
        assertThat(d.metric()).isEqualTo("rmse");
        assertThat(d.higherIsBetter()).isFalse();
        assertThat(d.championVersionId()).isEqualTo(mean.id());
        assertThat(d.candidateValue()).isLessThan(d.championValue());
        assertThat(d.improvement()).isGreaterThanOrEqualTo(0.05);
        assertThat(d.promoted()).isTrue();
        assertThat(d.reason()).contains("beats the 5.0% margin");
        ModelVersion now = registry.production(REC).orElseThrow();
        assertThat(now.id()).isEqualTo(second.versionId());
        assertThat(registry.version(mean.id()).stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(registry.metricHistory(REC, "rmse")).extracting(MetricPoint::source)
                .contains(MetricPoint.REGISTRATION, MetricPoint.CHAMPION);
        assertThat(jobs.decisions(REC)).hasSize(2);
    }

    @Test
    void the_validation_gate_refuses_a_worse_model_and_a_retrain_that_is_no_better() {
        run(jobs.submitRetrain(new RetrainRequest(REC, "baseline", null, "alice", null, null)));
        ModelVersion production = registry.production(REC).orElseThrow();

        JobInfo worse = run(jobs.submitRetrain(new RetrainRequest(REC, "mean", null, "bob", null, null)));
        GateDecision d = jobs.decision(worse.decisionId());
        assertThat(d.promoted()).isFalse();
        assertThat(d.candidateValue()).isGreaterThan(d.championValue());
        assertThat(d.improvement()).isNegative();
        assertThat(d.reason()).contains("short of the 5.0% margin");
        assertThat(registry.version(worse.versionId()).stage()).isEqualTo(Stage.TESTING); // registered, not promoted

        // same algorithm and params as production (the default): no better, so not promoted either
        JobInfo same = run(jobs.submitRetrain(new RetrainRequest(REC, null, null, "bob", null, null)));
        assertThat(same.algorithm()).isEqualTo("baseline");
        assertThat(jobs.decision(same.decisionId()).promoted()).isFalse();
        assertThat(registry.production(REC).orElseThrow().id()).isEqualTo(production.id());
    }

    private static void awaitRunning(TrainingJobs jobs, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (jobs.job(id).status() != JobStatus.RUNNING && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(jobs.job(id).status()).isEqualTo(JobStatus.RUNNING);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
