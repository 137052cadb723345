package io.marquee.registry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import io.marquee.registry.ArtifactStore;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.RegistryOptions;
import io.marquee.registry.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs, progress, logs and gate decisions stored on a real PostgreSQL server. */
class PostgresTrainingJobsTest {
    @TempDir
    Path tmp;

    @Test
    void jobs_and_gate_decisions_are_stored_and_read_back_on_postgresql() {
        try (Database db = TestDatabases.postgres()) {
            SyntheticGenerator.generateInto(db, GeneratorParams.defaults().withUsers(200).withMovies(80).withSeed(3),
                    Progress.NONE);
            ModelRegistry registry = new ModelRegistry(db, ArtifactStore.at(tmp.resolve("artifacts")),
                    RegistryOptions.defaults(), Clock.systemUTC());
            try (TrainingJobs jobs = new TrainingJobs(registry, TrainingData.of(db), JobsOptions.defaults())) {
                JobInfo first = jobs.await(jobs.submitRetrain(new RetrainRequest("recommender", "mean", null, "pg",
                        null, null)).id(), Duration.ofSeconds(30));
                assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo(JobStatus.SUCCEEDED);
                JobInfo second = jobs.await(jobs.submitRetrain(new RetrainRequest("recommender", "baseline", null, "pg",
                        null, null)).id(), Duration.ofSeconds(30));
                assertThat(second.status()).as(String.valueOf(second.error())).isEqualTo(JobStatus.SUCCEEDED);
                GateDecision d = jobs.decision(second.decisionId());
                assertThat(d.championVersionId()).isEqualTo(first.versionId());
                assertThat(d.championValue()).isNotNull();
                assertThat(d.higherIsBetter()).isFalse();
                assertThat(jobs.decisions("recommender")).hasSize(2);
                assertThat(second.log()).isNotEmpty();
                assertThat(registry.production("recommender")).isPresent();
            }
        }
    }
}
