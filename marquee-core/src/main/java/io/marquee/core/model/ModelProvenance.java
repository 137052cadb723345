package io.marquee.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a model came from: the algorithm, its parameters and seed, a fingerprint of the training
 * data, when it was trained and by which code version.
 */
public record ModelProvenance(String algorithm, Map<String, Object> params, long seed, String dataFingerprint,
                              Instant trainedAt, String codeVersion) {
    public ModelProvenance {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Provenance for a model trained now by this build of Marquee. */
    public static ModelProvenance of(String algorithm, Params params, String dataFingerprint) {
        return new ModelProvenance(algorithm, params.toMap(), params.seed(), dataFingerprint, Instant.now(),
                currentCodeVersion());
    }

    /** The Marquee version on the class path (from the jar manifest), or {@code dev}. */
    public static String currentCodeVersion() {
        String v = ModelProvenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
