package io.marquee.server;

import io.marquee.server.auth.Access;
import io.marquee.server.docs.DocsController;
import io.marquee.server.dropoff.DropoffController;
import io.marquee.server.health.HealthController;
import io.marquee.server.jobs.JobsController;
import io.marquee.server.metrics.MetricsController;
import io.marquee.server.metrics.QualityService;
import io.marquee.server.models.ModelsController;
import io.marquee.server.predict.PredictController;
import io.marquee.server.recs.RecsController;
import io.marquee.server.segments.SegmentsController;
import java.util.List;

/**
 * The route table: every route of the API, its access and its controller method, in one place.
 * The OpenAPI document ({@code openapi.json}) lists exactly these API routes (a test checks both ways).
 */
public final class Routes {
    /** Prefix of the API's routes. */
    public static final String API = "/api/v1";
    /** Swagger UI page (outside the API prefix; not in the OpenAPI document). */
    public static final String DOCS = "/api/docs";

    private Routes() {
    }

    public static List<Route> table(Services s) {
        HealthController health = new HealthController(s.recommender());
        RecsController recs = new RecsController(s.recs(), s.dropoff());
        DropoffController dropoff = new DropoffController(s.dropoff());
        PredictController predict = new PredictController(s.tabular(), s.maxUploadBytes());
        ModelsController models = new ModelsController(s.registry());
        JobsController jobs = new JobsController(s.jobs());
        MetricsController metrics = new MetricsController(
                new QualityService(s.registry(), s.jobs(), s.requests()), s.metrics());
        DocsController docs = new DocsController();
        SegmentsController segments = new SegmentsController(s.segments());
        return List.of(
                new Route("GET", API + "/health", Access.OPEN, health::health),
                new Route("GET", API + "/openapi.json", Access.OPEN, docs::openapi),
                new Route("GET", DOCS, Access.OPEN, docs::swagger),

                new Route("GET", API + "/recommendations/{userId}", Access.READER, recs::recommend),
                new Route("POST", API + "/predict", Access.READER, recs::predict),
                new Route("GET", API + "/explain/{userId}/{movieId}", Access.READER, recs::explain),
                new Route("POST", API + "/ratings", Access.READER, recs::rate),
                new Route("POST", API + "/feedback", Access.READER, recs::feedback),
                // the literal /dropoff/predict before the template /{endpoint}/predict: Javalin takes the first match
                new Route("POST", API + "/dropoff/predict", Access.READER, dropoff::predict),
                new Route("POST", API + "/batch-predict", Access.READER, predict::batch),
                new Route("POST", API + "/{endpoint}/predict", Access.READER, predict::predict),
                new Route("GET", API + "/segments", Access.READER, segments::list),
                new Route("GET", API + "/segments/{userId}", Access.READER, segments::ofViewer),

                new Route("GET", API + "/endpoints", Access.READER, models::endpoints),
                new Route("GET", API + "/endpoints/{name}/history", Access.READER, models::history),
                new Route("PUT", API + "/endpoints/{name}/aliases/{alias}", Access.ADMIN, models::alias),
                new Route("POST", API + "/endpoints/{name}/rollback", Access.ADMIN, models::rollback),
                new Route("GET", API + "/models", Access.READER, models::versions),
                new Route("GET", API + "/models/{id}", Access.READER, models::version),
                new Route("POST", API + "/models/{id}/stage", Access.ADMIN, models::stage),
                new Route("DELETE", API + "/models/{id}", Access.ADMIN, models::delete),

                new Route("POST", API + "/train", Access.ADMIN, jobs::train),
                new Route("POST", API + "/retrain", Access.ADMIN, jobs::retrain),
                new Route("GET", API + "/jobs/{id}", Access.READER, jobs::job),

                new Route("GET", API + "/metrics", Access.READER, metrics::live),
                new Route("GET", API + "/metrics/history", Access.READER, metrics::history),
                new Route("GET", API + "/prometheus", Access.READER, metrics::prometheus));
    }
}
