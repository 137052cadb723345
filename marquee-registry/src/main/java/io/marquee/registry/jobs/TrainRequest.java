package io.marquee.registry.jobs;

import io.marquee.registry.Names;
import io.marquee.recommend.Algorithms;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request to train a recommender and register it in testing ({@code POST /train}).
 *
 * @param endpoint    endpoint to register under
 * @param algorithm   algorithm name (one of {@link Algorithms#names()})
 * @param params      overrides of the algorithm's default params ({@code name → value}); may be null
 * @param requestedBy who asks
 * @param description free text for the version, may be null
 * @param tags        labels for the version, may be null
 */
public record TrainRequest(String endpoint, String algorithm, Map<String, String> params, String requestedBy,
                           String description, List<String> tags) {
    public TrainRequest {
        Names.endpoint(endpoint);
        Algorithms.get(algorithm); // an unknown name lists the known ones
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        requestedBy = Names.actor(requestedBy);
        description = Names.description(description);
        tags = Names.tags(tags);
    }
}
