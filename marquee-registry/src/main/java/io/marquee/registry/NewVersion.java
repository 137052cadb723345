package io.marquee.registry;

import io.marquee.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ModelRegistry#register} needs. The algorithm, params and data fingerprint come from
 * the model's own provenance (its {@code manifest.json}), so they cannot disagree with the artifact.
 *
 * @param endpoint    serving slot ({@code [a-z][a-z0-9_-]*}); created on first use
 * @param modelDir    a saved model directory ({@link io.marquee.core.model.ModelArchive} format); it is copied
 * @param createdBy   who registers it
 * @param description free text (at most 4,000 characters), may be null
 * @param tags        free labels (each 1–64 characters), may be null
 * @param metrics     metric id → finite value (e.g. holdout {@code rmse}), may be null
 */
public record NewVersion(String endpoint, Path modelDir, String createdBy, String description, List<String> tags,
                         Map<String, Double> metrics) {
    public NewVersion {
        Names.endpoint(endpoint);
        Objects.requireNonNull(modelDir, "modelDir");
        createdBy = Names.actor(createdBy);
        description = Names.description(description);
        tags = Names.tags(tags);
        metrics = checkMetrics(metrics);
    }

    /** A registration with no description, tags or metrics. */
    public static NewVersion of(String endpoint, Path modelDir, String createdBy) {
        return new NewVersion(endpoint, modelDir, createdBy, null, null, null);
    }

    /** Checks metric names (1–64 characters) and values (finite); returns an ordered, unmodifiable copy. */
    static Map<String, Double> checkMetrics(Map<String, Double> metrics) {
        if (metrics == null) {
            return Map.of();
        }
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            if (m.getKey() == null || m.getKey().isBlank() || m.getKey().length() > 64) {
                throw InvalidInputException.of("metric name", m.getKey(), "1 to 64 characters");
            }
            if (m.getValue() == null || !Double.isFinite(m.getValue())) {
                throw InvalidInputException.of("metric " + m.getKey(), m.getValue(), "a finite number");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
