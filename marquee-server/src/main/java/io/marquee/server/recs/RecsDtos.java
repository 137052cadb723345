package io.marquee.server.recs;

import io.marquee.recommend.explain.Explanation;
import java.util.List;
import java.util.UUID;

/** Request and response records of the serving routes (JSON in snake_case). */
public final class RecsDtos {
    private RecsDtos() {
    }

    /** A recommended film. */
    public record RecommendedFilm(long movieId, String title, float score) {
    }

    /** {@code GET /recommendations/{userId}}. {@code personal} is false for the popularity fallback. */
    public record RecommendationsResponse(UUID requestId, long userId, String endpoint, long modelId, int modelVersion,
                                          String algorithm, boolean personal, List<RecommendedFilm> items) {
    }

    public record PredictRequest(Long userId, Long movieId) {
    }

    public record PredictResponse(UUID requestId, long userId, long movieId, float rating, String endpoint, long modelId,
                                  int modelVersion, String algorithm) {
    }

    public record ExplainResponse(UUID requestId, long userId, long movieId, String endpoint, long modelId,
                                  int modelVersion, String summary, Explanation explanation) {
    }

    public record RatingRequest(Long userId, Long movieId, Float rating) {
    }

    /** {@code updated}: the viewer's recommendations were re-solved from the new rating (factor models). */
    public record RatingResponse(long userId, long movieId, float rating, boolean updated, int ratingsByUser) {
    }

    public record FeedbackRequest(UUID requestId, Long movieId, Double actualRating, Boolean watched, String label) {
    }

    public record FeedbackResponse(UUID requestId, Long movieId, Double actualRating, Boolean watched, String label,
                                   java.time.Instant at) {
    }
}
