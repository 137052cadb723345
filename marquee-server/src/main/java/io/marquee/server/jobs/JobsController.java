package io.marquee.server.jobs;

import io.javalin.http.Context;
import io.marquee.registry.jobs.DropoffJobRequest;
import io.marquee.registry.jobs.JobKind;
import io.marquee.registry.jobs.RetrainRequest;
import io.marquee.registry.jobs.TrainRequest;
import io.marquee.registry.jobs.TrainingJobs;
import io.marquee.server.auth.Auth;
import io.marquee.server.dropoff.DropoffService;
import io.marquee.server.http.Inputs;
import io.marquee.server.recs.RecommendationService;
import java.util.List;
import java.util.Map;

/** Training routes: start a training or retraining job, read a job's status. */
public final class JobsController {
    private final TrainingJobs jobs;

    public JobsController(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    public record TrainBody(String endpoint, String algorithm, Map<String, String> params, String description,
                            List<String> tags) {
    }

    public record RetrainBody(String endpoint, String algorithm, Map<String, String> params, String description) {
    }

    public void train(Context ctx) {
        TrainBody b = Inputs.body(ctx, TrainBody.class, false);
        if (DropoffService.ENDPOINT.equals(b.endpoint())) {
            ctx.status(202).json(jobs.submitDropoff(new DropoffJobRequest(JobKind.TRAIN, b.endpoint(),
                    withAlgo(b.params(), b.algorithm()), Auth.actor(ctx), b.description(), null)));
            return;
        }
        ctx.status(202).json(jobs.submitTrain(new TrainRequest(endpoint(b.endpoint()),
                Inputs.require("algorithm", b.algorithm()), b.params(), Auth.actor(ctx), b.description(), b.tags())));
    }

    public void retrain(Context ctx) {
        RetrainBody b = Inputs.body(ctx, RetrainBody.class, true);
        if (b == null) {
            b = new RetrainBody(null, null, null, null);
        }
        if (DropoffService.ENDPOINT.equals(b.endpoint())) {
            ctx.status(202).json(jobs.submitDropoff(new DropoffJobRequest(JobKind.RETRAIN, b.endpoint(),
                    withAlgo(b.params(), b.algorithm()), Auth.actor(ctx), b.description(), null)));
            return;
        }
        ctx.status(202).json(jobs.submitRetrain(new RetrainRequest(endpoint(b.endpoint()), b.algorithm(), b.params(),
                Auth.actor(ctx), b.description(), null)));
    }

    public void job(Context ctx) {
        ctx.json(jobs.job(Inputs.pathLong(ctx, "id")));
    }

    /** Drop-off params with the algorithm (gbdt, rf, …) as {@code algo}. */
    private static Map<String, String> withAlgo(Map<String, String> params, String algorithm) {
        Map<String, String> m = new java.util.LinkedHashMap<>(params == null ? Map.of() : params);
        if (algorithm != null && !algorithm.isBlank()) {
            m.put("algo", algorithm);
        }
        return m;
    }

    private static String endpoint(String e) {
        return e == null || e.isBlank() ? RecommendationService.ENDPOINT : e;
    }
}
