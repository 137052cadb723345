package io.marquee.server.health;

import io.javalin.http.Context;
import io.marquee.recommend.RecommenderModel;
import io.marquee.registry.serving.ModelServer;
import io.marquee.registry.serving.Served;
import java.time.Instant;

/** {@code GET /api/v1/health}: open; says whether a recommender model is loaded. */
public final class HealthController {
    private final ModelServer<RecommenderModel> server;

    public HealthController(ModelServer<RecommenderModel> server) {
        this.server = server;
    }

    /** @param status {@code ok}, or {@code degraded} when no model is being served */
    public record Health(String status, String recommender, Instant time) {
    }

    public void health(Context ctx) {
        Served<RecommenderModel> s = server.currentIfLoaded().orElse(null);
        ctx.json(new Health(s == null ? "degraded" : "ok", s == null ? null : s.version().label(), Instant.now()));
    }
}
