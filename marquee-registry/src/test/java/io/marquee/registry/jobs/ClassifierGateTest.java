package io.marquee.registry.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.progress.Progress;
import io.marquee.core.store.Database;
import io.marquee.core.synth.GeneratorParams;
import io.marquee.core.synth.SyntheticGenerator;
import io.marquee.predict.classify.Algo;
import io.marquee.predict.tabular.LabelledTable;
import io.marquee.predict.tabular.TrainOptions;
import io.marquee.registry.ArtifactStore;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.RegistryOptions;
import io.marquee.registry.Stage;
import io.marquee.registry.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classifier validation gate: promotes a retrained classifier only when it beats production on the same holdout. */
class ClassifierGateTest {
    @TempDir
    Path tmp;
    Database db;
    ModelRegistry registry;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite(tmp);
        registry = new ModelRegistry(db, ArtifactStore.at(tmp.resolve("artifacts")), RegistryOptions.defaults(),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * A churn-like CSV: {@code signal} drives the outcome (P(Yes) = sigmoid(3·signal)), {@code noise}
     * does not. A model that reads only {@code noise} is near chance; one that reads {@code signal} is not.
     */
    Path csv(String name, int rows, long seed, boolean withSignal) throws IOException {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(withSignal ? "signal,noise,plan,Churn\n" : "noise,plan,Churn\n");
        for (int i = 0; i < rows; i++) {
            double s = r.nextGaussian();
            double n = r.nextGaussian();
            String plan = r.nextBoolean() ? "basic" : "premium";
            boolean yes = r.nextDouble() < 1 / (1 + Math.exp(-3 * s));
            b.append(withSignal ? String.format(java.util.Locale.ROOT, "%.4f,", s) : "")
                    .append(String.format(java.util.Locale.ROOT, "%.4f,%s,%s%n", n, plan, yes ? "Yes" : "No"));
        }
        Path p = tmp.resolve(name);
        Files.writeString(p, b);
        return p;
    }

    ClassifierGate.Outcome trainAndGate(Path csv, ClassifierGate.Policy policy) {
        return trainAndGate(csv, policy, TrainOptions.defaults(Algo.LOGREG));
    }

    ClassifierGate.Outcome trainAndGate(Path csv, ClassifierGate.Policy policy, TrainOptions options) {
        LabelledTable data = LabelledTable.read(csv, "Churn", "Yes");
        ClassifierTraining.Trained t = ClassifierTraining.tabular(data, options, 0.25,
                csv.getFileName().toString(), "churn", "test", "gate test", null, tmp.resolve("m-" + System.nanoTime()));
        return new ClassifierGate(registry, policy).registerAndDecide(t.candidate(), null, s -> { });
    }

    @Test
    void the_metrics_are_parsed_by_name_and_a_bad_one_is_refused_naming_it() {
        assertThat(ClassifierGate.Metric.parse("roc_auc")).isEqualTo(ClassifierGate.Metric.ROC_AUC);
        assertThat(ClassifierGate.Metric.parse("log-loss")).isEqualTo(ClassifierGate.Metric.LOG_LOSS);
        assertThatThrownBy(() -> ClassifierGate.Metric.parse("rmse")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("metric").hasMessageContaining("'rmse'");
        assertThatThrownBy(() -> new ClassifierGate.Policy(ClassifierGate.Metric.ROC_AUC, 1.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("margin");
    }

    @Test
    void the_relative_improvement_follows_the_metric_direction() {
        // AUC 0.80 vs 0.75: +6.7 %; log-loss 0.45 vs 0.50: lower is better, +10 %
        assertThat(ClassifierGate.improvement(ClassifierGate.Metric.ROC_AUC, 0.80, 0.75)).isCloseTo(0.05 / 0.75,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ClassifierGate.improvement(ClassifierGate.Metric.LOG_LOSS, 0.45, 0.50)).isCloseTo(0.10,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ClassifierGate.improvement(ClassifierGate.Metric.LOG_LOSS, 0.55, 0.50)).isNegative();
    }

    @Test
    void a_first_model_is_promoted_without_comparison() throws IOException {
        ClassifierGate.Outcome o = trainAndGate(csv("a.csv", 600, 1, true), ClassifierGate.Policy.defaults());
        assertThat(o.decision().promoted()).isTrue();
        assertThat(o.decision().championVersionId()).isNull();
        assertThat(o.decision().reason()).contains("no production version yet");
        assertThat(registry.production("churn")).map(ModelVersion::id).contains(o.version().id());
        assertThat(o.version().metrics()).containsKeys("roc_auc", "log_loss", "brier", "accuracy");
    }

    @Test
    void a_better_candidate_replaces_production_and_a_worse_one_does_not() throws IOException {
        // production reads only noise; the candidate reads the signal: far better on the same holdout
        ClassifierGate.Outcome weak = trainAndGate(csv("weak.csv", 600, 2, false), ClassifierGate.Policy.defaults());
        Path strongCsv = csv("strong.csv", 600, 2, true);
        ClassifierGate.Outcome strong = trainAndGate(strongCsv, ClassifierGate.Policy.defaults());
        GateDecision d = strong.decision();
        assertThat(d.championVersionId()).isEqualTo(weak.version().id());
        assertThat(d.metric()).isEqualTo("roc_auc");
        assertThat(d.candidateValue()).isGreaterThan(0.8);
        assertThat(d.championValue()).isBetween(0.3, 0.7);
        assertThat(d.improvement()).isGreaterThan(0.05);
        assertThat(d.promoted()).isTrue();
        assertThat(registry.production("churn")).map(ModelVersion::id).contains(strong.version().id());
        assertThat(registry.version(weak.version().id()).stage()).isEqualTo(Stage.ARCHIVED);

        // the same data and seed again: an identical model, no improvement, production kept
        ClassifierGate.Outcome same = trainAndGate(strongCsv, ClassifierGate.Policy.defaults());
        assertThat(same.decision().candidateValue()).isEqualTo(same.decision().championValue());
        assertThat(same.decision().promoted()).isFalse();
        assertThat(same.decision().reason()).contains("short of the 5.0% margin");
        assertThat(same.version().stage()).isEqualTo(Stage.TESTING);
        assertThat(registry.production("churn")).map(ModelVersion::id).contains(strong.version().id());

        // the decisions are stored beside the recommender gate's
        try (TrainingJobs jobs = new TrainingJobs(registry, TrainingData.of(db), JobsOptions.defaults())) {
            assertThat(jobs.decisions("churn")).extracting(GateDecision::promoted).containsExactly(true, true, false);
        }
    }

    @Test
    void on_log_loss_a_worse_candidate_is_kept_out_of_production_even_with_no_margin() throws IOException {
        ClassifierGate.Policy logLoss = new ClassifierGate.Policy(ClassifierGate.Metric.LOG_LOSS, 0.0);
        Path data = csv("strong.csv", 800, 3, true);
        ClassifierGate.Outcome logistic = trainAndGate(data, logLoss);
        // a one-split stump on the same rows: two probabilities only, a worse log-loss than the logistic model
        ClassifierGate.Outcome stump = trainAndGate(data, logLoss, TrainOptions.defaults(Algo.TREE)
                .withOverrides(Map.of("maxDepth", "1")));
        GateDecision d = stump.decision();
        assertThat(d.metric()).isEqualTo("log_loss");
        assertThat(d.higherIsBetter()).isFalse();
        assertThat(d.candidateValue()).isGreaterThan(d.championValue());
        assertThat(d.improvement()).isNegative();
        assertThat(d.promoted()).isFalse();
        assertThat(registry.production("churn")).map(ModelVersion::id).contains(logistic.version().id());
    }

    @Test
    void a_candidate_whose_holdout_production_cannot_read_is_not_promoted() throws IOException {
        ClassifierGate.Policy logLoss = new ClassifierGate.Policy(ClassifierGate.Metric.LOG_LOSS, 0.0);
        ClassifierGate.Outcome strong = trainAndGate(csv("strong.csv", 600, 3, true), logLoss);
        Path weakCsv = csv("weak.csv", 600, 3, false);
        // the weak model has no signal column: production (which needs it) cannot score its holdout
        ClassifierGate.Outcome weak = trainAndGate(weakCsv, logLoss);
        assertThat(weak.decision().promoted()).isFalse();
        assertThat(weak.decision().reason()).contains("cannot be judged").contains("signal");
        assertThat(registry.production("churn")).map(ModelVersion::id).contains(strong.version().id());
    }

    @Test
    void a_production_model_of_another_target_is_not_compared_and_not_replaced() throws IOException {
        ClassifierGate.Outcome first = trainAndGate(csv("a.csv", 400, 4, true), ClassifierGate.Policy.defaults());
        LabelledTable other = LabelledTable.read(csv("b.csv", 400, 5, true), "Churn", "No");
        ClassifierTraining.Trained t = ClassifierTraining.tabular(other, TrainOptions.defaults(Algo.LOGREG), 0.25,
                "b.csv", "churn", "test", null, null, tmp.resolve("other"));
        ClassifierGate.Outcome o = new ClassifierGate(registry, ClassifierGate.Policy.defaults())
                .registerAndDecide(t.candidate(), null, s -> { });
        assertThat(o.decision().promoted()).isFalse();
        assertThat(o.decision().reason()).contains("production's target");
        assertThat(registry.production("churn")).map(ModelVersion::id).contains(first.version().id());
    }

    @Test
    void a_dropoff_retrain_job_is_gated_identical_retrains_are_not_promoted() {
        SyntheticGenerator.generateInto(db, GeneratorParams.defaults().withUsers(300).withMovies(120).withSeed(7),
                Progress.NONE);
        try (TrainingJobs jobs = new TrainingJobs(registry, TrainingData.of(db), new JobsOptions(1, 4,
                GatePolicy.defaults(), tmp.resolve("work")))) {
            Map<String, String> small = Map.of("algo", "gbdt", "rounds", "40");
            JobInfo first = jobs.await(jobs.submitDropoff(new DropoffJobRequest(JobKind.RETRAIN, "dropoff", small,
                    "alice", null, null)).id(), Duration.ofSeconds(120));
            assertThat(first.status()).as(first.error()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(first.algorithm()).isEqualTo("dropoff-gbdt");
            assertThat(first.log()).extracting(JobLogLine::line).anyMatch(l -> l.contains("holdout metrics: roc_auc="));
            assertThat(registry.production("dropoff")).map(ModelVersion::id).contains(first.versionId());

            JobInfo again = jobs.await(jobs.submitDropoff(new DropoffJobRequest(JobKind.RETRAIN, "dropoff", small,
                    "alice", null, null)).id(), Duration.ofSeconds(120));
            assertThat(again.status()).as(again.error()).isEqualTo(JobStatus.SUCCEEDED);
            GateDecision d = jobs.decision(again.decisionId());
            assertThat(d.jobId()).isEqualTo(again.id());
            assertThat(d.candidateValue()).isEqualTo(d.championValue()); // same data, same seed: same model
            assertThat(d.promoted()).isFalse();
            assertThat(registry.production("dropoff")).map(ModelVersion::id).contains(first.versionId());

            JobInfo trained = jobs.await(jobs.submitDropoff(new DropoffJobRequest(JobKind.TRAIN, "dropoff",
                    Map.of("algo", "logreg"), "alice", null, null)).id(), Duration.ofSeconds(120));
            assertThat(trained.status()).as(trained.error()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(trained.decisionId()).isNull();
            assertThat(registry.version(trained.versionId()).stage()).isEqualTo(Stage.TESTING);
        }
    }

    @Test
    void bad_dropoff_settings_are_refused_when_submitted() {
        assertThatThrownBy(() -> new DropoffJobRequest(JobKind.TRAIN, "dropoff", Map.of("algo", "svm"), "a", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'svm'");
        assertThatThrownBy(() -> new DropoffJobRequest(JobKind.TRAIN, "dropoff", Map.of("dropThreshold", "2"), "a",
                null, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("dropThreshold");
        assertThatThrownBy(() -> new DropoffJobRequest(JobKind.TRAIN, "dropoff", Map.of("nonsense", "2"), "a",
                null, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("nonsense");
        assertThat(List.of(new DropoffJobRequest(JobKind.TRAIN, "dropoff", null, "a", null, null).algorithm()))
                .containsExactly("logreg"); // the drop-off task's default (DropoffParams.defaults())
    }
}
