package io.marquee.server.metrics;

import io.javalin.http.Context;
import io.marquee.server.http.Inputs;
import io.marquee.server.recs.RecommendationService;

/** {@code GET /metrics} (live accuracy), {@code GET /metrics/history}, {@code GET /prometheus}. */
public final class MetricsController {
    private final QualityService quality;
    private final HttpMetrics metrics;

    public MetricsController(QualityService quality, HttpMetrics metrics) {
        this.quality = quality;
        this.metrics = metrics;
    }

    public void live(Context ctx) {
        ctx.json(quality.live(endpoint(ctx), Inputs.queryInstant(ctx, "since")));
    }

    public void history(Context ctx) {
        String metric = ctx.queryParam("metric");
        ctx.json(quality.history(endpoint(ctx), metric == null || metric.isBlank() ? "rmse" : metric));
    }

    public void prometheus(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private static String endpoint(Context ctx) {
        String e = ctx.queryParam("endpoint");
        return e == null || e.isBlank() ? RecommendationService.ENDPOINT : e;
    }
}
