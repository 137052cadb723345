package io.marquee.server.dropoff;

import io.marquee.server.dropoff.DropoffDtos.FilmDropoff;
import io.marquee.server.recs.RecsDtos.RecommendationsResponse;
import io.marquee.server.recs.RecsDtos.RecommendedFilm;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /recommendations/{userId}?with_dropoff=true}: the recommendations with, per film, the
 * completion likelihood (1 − the drop-off model's probability), the probability itself and the
 * request id of that drop-off prediction (for feedback {@code watched: true|false}). The figures are
 * null for a viewer the drop-off data does not know (one who only rated through the API).
 */
public record WithDropoff(UUID requestId, long userId, String endpoint, long modelId, int modelVersion,
                          String algorithm, boolean personal, long dropoffModelId, int dropoffModelVersion,
                          List<Item> items) {
    /** A recommended film with its drop-off figures. */
    public record Item(long movieId, String title, float score, Double completionLikelihood, Double dropoffProbability,
                       String dropoffLabel, UUID dropoffRequestId) {
    }

    /** Adds the drop-off figures of the production drop-off model (503 when there is none). */
    public static WithDropoff of(RecommendationsResponse r, DropoffService dropoff) {
        long[] films = new long[r.items().size()];
        for (int k = 0; k < films.length; k++) {
            films[k] = r.items().get(k).movieId();
        }
        DropoffService.Completion c = dropoff.completion(r.userId(), films);
        List<Item> items = new ArrayList<>(films.length);
        for (RecommendedFilm f : r.items()) {
            FilmDropoff d = c.films() == null ? null : c.films().get(f.movieId());
            items.add(new Item(f.movieId(), f.title(), f.score(), d == null ? null : d.completionLikelihood(),
                    d == null ? null : d.probability(), d == null ? null : d.label(), d == null ? null : d.requestId()));
        }
        return new WithDropoff(r.requestId(), r.userId(), r.endpoint(), r.modelId(), r.modelVersion(), r.algorithm(),
                r.personal(), c.modelId(), c.modelVersion(), items);
    }
}
