package io.marquee.registry.jobs;

import io.marquee.core.error.ConflictException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.store.Database;
import io.marquee.predict.metrics.Metrics;
import io.marquee.registry.Ids;
import io.marquee.registry.MetricPoint;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.ModelVersion;
import io.marquee.registry.NewVersion;
import io.marquee.registry.Stage;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The validation gate for classifiers (drop-off and tabular endpoints): registers a candidate and
 * promotes it only if it beats the endpoint's production model on the <em>same</em> holdout rows
 * by the relative margin, on ROC-AUC (higher is better) or log-loss (lower is better). The
 * decision is stored with both figures beside the recommender gate's decisions
 * ({@link TrainingJobs#decisions}).
 *
 * <p>The caller gives the holdout's labels, the candidate's probabilities on it and a function that
 * scores the same rows with production's artifact; when production cannot be loaded or cannot
 * score the rows (other columns, another label definition) the candidate is registered but not
 * promoted, and the decision says why. An endpoint without a production version gets the
 * candidate promoted without comparison, as for recommenders.
 */
public final class ClassifierGate {
    /** Metrics the gate can compare. */
    public enum Metric {
        /** Area under the ROC curve; higher is better. */
        ROC_AUC("roc_auc", true),
        /** Mean log-loss of the probabilities; lower is better. */
        LOG_LOSS("log_loss", false);

        private final String id;
        private final boolean higherIsBetter;

        Metric(String id, boolean higherIsBetter) {
            this.id = id;
            this.higherIsBetter = higherIsBetter;
        }

        public String id() {
            return id;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        /** The value of this metric for probabilities {@code p} of labels {@code y} (NaN when undefined). */
        public double of(double[] p, boolean[] y) {
            return this == ROC_AUC ? Metrics.rocAuc(p, y) : Metrics.logLoss(p, y);
        }

        /** Parses {@code roc_auc} or {@code log_loss} (also {@code auc}, {@code logloss}). */
        public static Metric parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            return switch (t) {
                case "roc_auc", "auc" -> ROC_AUC;
                case "log_loss", "logloss" -> LOG_LOSS;
                default -> throw InvalidInputException.of("metric", text == null ? null : "'" + text + "'",
                        "roc_auc or log_loss");
            };
        }
    }

    /**
     * The gate's rule.
     *
     * @param metric the metric compared
     * @param margin relative improvement over production the candidate needs, in [0, 1)
     */
    public record Policy(Metric metric, double margin) {
        public Policy {
            Objects.requireNonNull(metric, "metric");
            if (!(margin >= 0 && margin < 1)) {
                throw InvalidInputException.of("margin", margin, "at least 0 and below 1");
            }
        }

        /** ROC-AUC with the registry's default 5 % margin (seed 002's auto-activation threshold). */
        public static Policy defaults() {
            return new Policy(Metric.ROC_AUC, GatePolicy.defaults().margin());
        }
    }

    /**
     * A trained candidate and its holdout.
     *
     * @param version    what to register (its metrics are the candidate's holdout figures)
     * @param holdoutY   labels of the holdout rows
     * @param candidateP the candidate's probabilities on those rows
     * @param champion   scores the same rows with production's verified artifact; throws when it cannot
     */
    public record Candidate(NewVersion version, boolean[] holdoutY, double[] candidateP,
                            Function<ModelArchive.Contents, double[]> champion) {
        public Candidate {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(holdoutY, "holdoutY");
            Objects.requireNonNull(candidateP, "candidateP");
            Objects.requireNonNull(champion, "champion");
            if (holdoutY.length != candidateP.length) {
                throw InvalidInputException.of("candidate probabilities", candidateP.length,
                        "one per holdout row (" + holdoutY.length + ")");
            }
        }
    }

    /**
     * What happened: the registered version (as it is after the decision) and the decision.
     *
     * @param version  the candidate's version
     * @param decision the gate's decision
     */
    public record Outcome(ModelVersion version, GateDecision decision) {
    }

    private final ModelRegistry registry;
    private final Database db;
    private final Policy policy;

    public ClassifierGate(ModelRegistry registry, Policy policy) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.db = registry.database();
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Registers the candidate in testing, then decides: compare with production on the holdout and
     * promote (testing → staging → production) only when the candidate is better by the margin.
     *
     * @param jobId the training job, or null when run outside a job (the CLI)
     * @param log   receives the decision's lines (may be a no-op)
     */
    public Outcome registerAndDecide(Candidate c, Long jobId, Consumer<String> log) {
        Consumer<String> out = log == null ? s -> { } : log;
        String endpoint = c.version().endpoint();
        String actor = jobId == null ? c.version().createdBy() : "job " + jobId + " (" + c.version().createdBy() + ")";
        Optional<ModelVersion> production;
        try {
            production = registry.production(endpoint);
        } catch (NotFoundException newEndpoint) {
            production = Optional.empty();
        }
        ModelVersion candidate = registry.register(c.version());
        out.accept("registered " + candidate.label() + " in testing");
        Metric metric = policy.metric();
        double margin = policy.margin();
        double candidateValue = metric.of(c.candidateP(), c.holdoutY());
        Double cv = Double.isFinite(candidateValue) ? candidateValue : null;
        if (production.isEmpty()) {
            String reason = "validation gate: no production version yet, promoted without comparison";
            boolean promoted = promote(candidate, null, actor, reason, out);
            return outcome(record(endpoint, jobId, candidate, null, metric, cv, null, margin, null, promoted,
                    promoted ? reason : reason + " failed (production changed meanwhile)"), out);
        }
        ModelVersion champion = production.get();
        double[] championP;
        try {
            championP = c.champion().apply(registry.openArtifact(champion));
            if (championP == null || championP.length != c.holdoutY().length) {
                throw new IllegalStateException("it scored " + (championP == null ? 0 : championP.length)
                        + " of " + c.holdoutY().length + " holdout rows");
            }
        } catch (RuntimeException e) {
            String reason = "validation gate: production " + champion.label() + " cannot be judged on the holdout ("
                    + e.getMessage() + "); not promoted, promote by hand after checking";
            return outcome(record(endpoint, jobId, candidate, champion.id(), metric, cv, null, margin, null, false,
                    reason), out);
        }
        double championValue = metric.of(championP, c.holdoutY());
        Double pv = Double.isFinite(championValue) ? championValue : null;
        if (pv != null) {
            registry.recordMetrics(champion.id(), Map.of(metric.id(), pv), MetricPoint.CHAMPION, jobId);
        }
        Double improvement = improvement(metric, cv, pv);
        String reason;
        boolean passes = improvement != null && improvement > 0 && improvement >= margin;
        if (cv == null || pv == null) {
            reason = "validation gate: cannot compare (" + metric.id() + " is undefined on the holdout of "
                    + c.holdoutY().length + " rows, e.g. one class only); not promoted";
        } else {
            String figures = String.format(Locale.ROOT, "%s %.4f vs production v%d %.4f on the same %d holdout rows:"
                    + " %+.1f%%", metric.id(), cv, champion.version(), pv, c.holdoutY().length, 100 * improvement);
            reason = "validation gate: " + figures + (passes
                    ? String.format(Locale.ROOT, ", beats the %.1f%% margin", 100 * margin)
                    : String.format(Locale.ROOT, ", short of the %.1f%% margin; kept %s", 100 * margin, champion.label()));
        }
        boolean promoted = passes && promote(candidate, champion.id(), actor, reason, out);
        if (passes && !promoted) {
            reason += "; promotion refused because production changed meanwhile";
        }
        return outcome(record(endpoint, jobId, candidate, champion.id(), metric, cv, pv, margin, improvement, promoted,
                reason), out);
    }

    /** Relative improvement of the candidate over production (positive = better), or null. */
    static Double improvement(Metric metric, Double candidate, Double champion) {
        if (candidate == null || champion == null) {
            return null;
        }
        double gain = metric.higherIsBetter() ? candidate - champion : champion - candidate;
        return gain / Math.max(Math.abs(champion), 1e-12);
    }

    private Outcome outcome(GateDecision d, Consumer<String> out) {
        out.accept(d.reason());
        return new Outcome(registry.version(d.candidateVersionId()), d);
    }

    private boolean promote(ModelVersion candidate, Long expectedProduction, String actor, String reason,
                            Consumer<String> out) {
        try {
            registry.transition(candidate.id(), Stage.STAGING, actor, reason);
            registry.promoteReplacing(candidate.id(), expectedProduction, actor, reason);
            out.accept("promoted " + candidate.label() + " to production");
            return true;
        } catch (ConflictException e) {
            out.accept("not promoted: " + e.getMessage());
            return false;
        }
    }

    private GateDecision record(String endpoint, Long jobId, ModelVersion candidate, Long championId, Metric metric,
                                Double candidateValue, Double championValue, double margin, Double improvement,
                                boolean promoted, String reason) {
        long now = System.currentTimeMillis();
        Double imp = improvement != null && Double.isFinite(improvement) ? improvement : null;
        long id = db.inTransaction(h -> {
            Ids.lock(h, Ids.REGISTRY);
            long next = Ids.next(h, Ids.REGISTRY);
            h.createUpdate("INSERT INTO gate_decisions (id, endpoint, job_id, candidate_version_id, champion_version_id,"
                            + " metric, higher_is_better, candidate_value, champion_value, margin, improvement, promoted,"
                            + " reason, decided_at_ms) VALUES (:id, :e, :job, :cand, :champ, :metric, :higher, :cv, :pv,"
                            + " :margin, :imp, :promoted, :reason, :now)")
                    .bind("id", next).bind("e", endpoint).bind("job", jobId).bind("cand", candidate.id())
                    .bind("champ", championId).bind("metric", metric.id()).bind("higher", metric.higherIsBetter())
                    .bind("cv", candidateValue).bind("pv", championValue).bind("margin", margin).bind("imp", imp)
                    .bind("promoted", promoted).bind("reason", reason).bind("now", now).execute();
            return next;
        });
        return new GateDecision(id, endpoint, jobId, candidate.id(), championId, metric.id(), metric.higherIsBetter(),
                candidateValue, championValue, margin, imp, promoted, reason, Instant.ofEpochMilli(now));
    }

    /** Finite holdout figures of probabilities {@code p}: roc_auc, log_loss, brier and accuracy at {@code threshold}. */
    public static Map<String, Double> figures(double[] p, boolean[] y, double threshold) {
        java.util.LinkedHashMap<String, Double> m = new java.util.LinkedHashMap<>();
        put(m, "roc_auc", Metrics.rocAuc(p, y));
        put(m, "log_loss", Metrics.logLoss(p, y));
        put(m, "brier", Metrics.brier(p, y));
        put(m, "accuracy", Metrics.confusion(p, y, threshold).accuracy());
        m.put("holdout_rows", (double) y.length);
        return m;
    }

    private static void put(Map<String, Double> m, String k, double v) {
        if (Double.isFinite(v)) {
            m.put(k, v);
        }
    }
}
