package io.marquee.registry.jobs;

import io.marquee.registry.Names;
import io.marquee.recommend.Algorithms;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request to retrain an endpoint's model on the current data and let the validation gate decide
 * whether it replaces production ({@code POST /retrain}).
 *
 * @param endpoint    the endpoint
 * @param algorithm   algorithm name; null keeps production's
 * @param params      params overrides; null keeps production's params (when the algorithm is production's)
 * @param requestedBy who asks
 * @param description free text for the version, may be null
 * @param gate        gate policy; null uses the jobs' default
 */
public record RetrainRequest(String endpoint, String algorithm, Map<String, String> params, String requestedBy,
                             String description, GatePolicy gate) {
    public RetrainRequest {
        Names.endpoint(endpoint);
        if (algorithm != null) {
            Algorithms.get(algorithm);
        }
        params = params == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        requestedBy = Names.actor(requestedBy);
        description = Names.description(description);
    }
}
