package io.marquee.registry.jobs;

import io.marquee.core.error.InvalidInputException;
import io.marquee.predict.classify.Algo;
import io.marquee.predict.dropoff.DropoffParams;
import io.marquee.registry.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request to train the drop-off predictor on the database's watch events ({@code POST /train}
 * or {@code POST /retrain} with endpoint {@code dropoff}). A train job registers the model in
 * testing; a retrain job lets the {@link ClassifierGate} decide whether it replaces production.
 *
 * @param kind        train or retrain
 * @param endpoint    the endpoint to register under (normally {@code dropoff})
 * @param params      settings on top of {@link DropoffParams#defaults()}: {@code algo}
 *                    (gbdt, rf, extratrees, tree, logreg), {@code dropThreshold}, {@code seed}; any other
 *                    name is a classifier parameter override (e.g. {@code rounds=100}); may be null
 * @param requestedBy who asks
 * @param description free text for the version, may be null
 * @param gate        the gate's rule for a retrain; null for {@link ClassifierGate.Policy#defaults()}
 */
public record DropoffJobRequest(JobKind kind, String endpoint, Map<String, String> params, String requestedBy,
                                String description, ClassifierGate.Policy gate) {
    public DropoffJobRequest {
        Objects.requireNonNull(kind, "kind");
        Names.endpoint(endpoint);
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        requestedBy = Names.actor(requestedBy);
        description = Names.description(description);
        gate = gate == null ? ClassifierGate.Policy.defaults() : gate;
        dropoffParams(params); // bad settings are refused now, not when the job runs
    }

    /** The algorithm name recorded with the job. */
    public String algorithm() {
        return dropoffParams(params).algo().id();
    }

    /** The drop-off settings these params describe. */
    public DropoffParams dropoffParams() {
        return dropoffParams(params);
    }

    static DropoffParams dropoffParams(Map<String, String> params) {
        DropoffParams p = DropoffParams.defaults();
        Map<String, String> overrides = new LinkedHashMap<>();
        Algo algo = p.algo();
        Double threshold = null;
        Long seed = null;
        for (Map.Entry<String, String> e : params.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().trim();
            switch (e.getKey()) {
                case "algo" -> algo = Algo.of(v);
                case "dropThreshold" -> threshold = number("params.dropThreshold", v);
                case "seed" -> {
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException ex) {
                        throw InvalidInputException.of("params.seed", "'" + v + "'", "an integer");
                    }
                }
                default -> overrides.put(e.getKey(), v);
            }
        }
        p = p.withAlgo(algo, overrides);
        if (threshold != null) {
            p = p.withDropThreshold(threshold);
        }
        if (seed != null) {
            p = p.withSeed(seed);
        }
        return p;
    }

    private static double number(String field, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "'" + v + "'", "a number");
        }
    }
}
