package io.marquee.server.metrics;

import io.marquee.registry.MetricPoint;
import io.marquee.registry.ModelRegistry;
import io.marquee.registry.jobs.GateDecision;
import io.marquee.registry.jobs.TrainingJobs;
import io.marquee.registry.requests.ClassifierAccuracy;
import io.marquee.registry.requests.ClassifierFeedback;
import io.marquee.registry.requests.LiveAccuracy;
import io.marquee.registry.requests.RequestLog;
import java.time.Instant;
import java.util.List;

/** Model quality for charts: live accuracy from feedback, holdout metric history and gate verdicts. */
public final class QualityService {
    private final ModelRegistry registry;
    private final TrainingJobs jobs;
    private final RequestLog requests;

    public QualityService(ModelRegistry registry, TrainingJobs jobs, RequestLog requests) {
        this.registry = registry;
        this.jobs = jobs;
        this.requests = requests;
    }

    /**
     * Live figures of an endpoint: per version and operation from the request log and feedback, and
     * for classifiers (drop-off, tabular endpoints) accuracy, Brier score and ROC-AUC of the outcomes.
     */
    public record LiveMetrics(String endpoint, Instant since, List<LiveAccuracy> versions,
                              List<ClassifierAccuracy> classifiers) {
    }

    public record MetricHistory(String endpoint, String metric, List<MetricPoint> points, List<GateDecision> decisions) {
    }

    public LiveMetrics live(String endpoint, Instant since) {
        return new LiveMetrics(endpoint, since, requests.liveAccuracy(endpoint, since),
                ClassifierFeedback.live(registry.database(), endpoint, since));
    }

    public MetricHistory history(String endpoint, String metric) {
        registry.endpoint(endpoint); // unknown endpoint: 404
        return new MetricHistory(endpoint, metric, registry.metricHistory(endpoint, metric), jobs.decisions(endpoint));
    }
}
