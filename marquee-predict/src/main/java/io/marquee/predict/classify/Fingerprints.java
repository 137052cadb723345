package io.marquee.predict.classify;

import io.marquee.predict.features.FloatMatrix;

/**
 * A fast 64-bit fingerprint of training data (features, labels, weights) for model provenance. Not
 * cryptographic: it tells runs on different data apart, cheaply enough for millions of rows.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** Hex fingerprint of a training set. */
    public static String of(FloatMatrix x, boolean[] y, float[] weights) {
        long h = 0x9E3779B97F4A7C15L ^ x.rows() * 31L ^ x.cols();
        for (float v : x.data()) {
            h = mix(h ^ Float.floatToIntBits(v));
        }
        for (boolean b : y) {
            h = mix(h ^ (b ? 1 : 2));
        }
        if (weights != null) {
            for (float w : weights) {
                h = mix(h ^ Float.floatToIntBits(w));
            }
        }
        for (String n : x.names()) {
            h = mix(h ^ n.hashCode());
        }
        return String.format("x64:%016x", h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        return z ^ (z >>> 29);
    }
}
