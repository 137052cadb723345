package io.marquee.registry;

import io.marquee.core.error.InvalidInputException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One registered model version, as the registry holds it.
 *
 * @param id              registry-wide id (used in URLs: {@code /models/{id}})
 * @param endpoint        the serving slot it belongs to
 * @param version         1, 2, 3, … per endpoint, in order of registration (never reused)
 * @param algorithm       algorithm name from the model's provenance, e.g. {@code mf}
 * @param params          hyperparameters from the model's provenance
 * @param metrics         metric id → value, as registered (e.g. holdout {@code rmse})
 * @param dataFingerprint fingerprint of the training data, from the model's provenance
 * @param artifactHash    address of the model in the {@link ArtifactStore}
 * @param stage           current lifecycle stage
 * @param stageChangedAt  when the stage last changed (registration for a new version)
 * @param createdAt       when it was registered
 * @param createdBy       who registered it
 * @param description     free text, may be empty
 * @param tags            free labels
 * @param aliases         aliases that currently point at it, sorted
 */
public record ModelVersion(long id, String endpoint, int version, String algorithm, Map<String, Object> params,
                           Map<String, Double> metrics, String dataFingerprint, String artifactHash, Stage stage,
                           Instant stageChangedAt, Instant createdAt, String createdBy, String description,
                           List<String> tags, List<String> aliases) {
    public ModelVersion {
        if (id <= 0) {
            throw InvalidInputException.of("id", id, "positive");
        }
        if (version <= 0) {
            throw InvalidInputException.of("version", version, "positive");
        }
        Names.endpoint(endpoint);
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(artifactHash, "artifactHash");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
    }

    /** {@code recommender v3 (id 17)}, for messages. */
    public String label() {
        return endpoint + " v" + version + " (id " + id + ")";
    }
}
