package io.marquee.server.recs;

import io.javalin.http.Context;
import io.marquee.server.dropoff.DropoffService;
import io.marquee.server.dropoff.WithDropoff;
import io.marquee.server.http.Inputs;
import io.marquee.server.http.Json;
import io.marquee.server.recs.RecsDtos.FeedbackRequest;
import io.marquee.server.recs.RecsDtos.PredictRequest;
import io.marquee.server.recs.RecsDtos.RatingRequest;

/**
 * Serving routes: recommendations, predictions, explanations, ratings, feedback. The served
 * responses arrive serialised once (the same JSON is in the request log) and are written as is.
 */
public final class RecsController {
    private final RecommendationService service;
    private final DropoffService dropoff;

    public RecsController(RecommendationService service, DropoffService dropoff) {
        this.service = service;
        this.dropoff = dropoff;
    }

    public void recommend(Context ctx) {
        long user = Inputs.pathLong(ctx, "userId");
        int n = Inputs.queryInt(ctx, "n", 10, 1, 100);
        if (Inputs.queryBoolean(ctx, "with_dropoff", false)) {
            // the recommendation and each film's drop-off prediction are logged as their own rows
            ctx.json(WithDropoff.of(service.recommend(user, n), dropoff));
        } else {
            Json.respond(ctx, service.recommendRendered(user, n));
        }
    }

    public void predict(Context ctx) {
        PredictRequest body = Inputs.body(ctx, PredictRequest.class, false);
        Json.respond(ctx, service.predictRendered(Inputs.require("user_id", body.userId()),
                Inputs.require("movie_id", body.movieId())));
    }

    public void explain(Context ctx) {
        Json.respond(ctx, service.explainRendered(Inputs.pathLong(ctx, "userId"), Inputs.pathLong(ctx, "movieId")));
    }

    public void rate(Context ctx) {
        RatingRequest body = Inputs.body(ctx, RatingRequest.class, false);
        ctx.status(201).json(service.rate(Inputs.require("user_id", body.userId()),
                Inputs.require("movie_id", body.movieId()), Inputs.require("rating", body.rating())));
    }

    public void feedback(Context ctx) {
        FeedbackRequest b = Inputs.body(ctx, FeedbackRequest.class, false);
        ctx.status(201).json(service.feedback(Inputs.require("request_id", b.requestId()), b.movieId(),
                b.actualRating(), b.watched(), b.label()));
    }
}
