package io.marquee.server.dropoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response records of {@code POST /dropoff/predict} (JSON in snake_case). */
public final class DropoffDtos {
    private DropoffDtos() {
    }

    /**
     * A drop-off question: a known viewer ({@code user_id}) or a new one ({@code survey}: question id →
     * answer; a multiple-choice answer as a list or as ids joined by {@code |}), one film
     * ({@code movie_id}) or several ({@code movie_ids}), optionally the device and when.
     */
    public record DropoffRequest(Long userId, Map<String, JsonNode> survey, Long movieId, List<Long> movieIds,
                                 String device, Instant at) {
    }

    /**
     * One film's prediction, in seed 001's shape ({@code probability}, {@code label}, {@code status},
     * {@code request_id}) plus the film and the completion likelihood (1 − probability).
     */
    public record FilmDropoff(long movieId, String title, double probability, double completionLikelihood,
                              String label, String status, UUID requestId) {
    }

    /** The answer: the model version and one prediction per film, in the order asked. */
    public record DropoffResponse(String endpoint, long modelId, int modelVersion, Long userId, boolean coldStart,
                                  List<FilmDropoff> predictions) {
    }
}
