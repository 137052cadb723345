package io.marquee.core.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for import fingerprints (the JDK's {@link MessageDigest}; no library needed). */
final class Hashing {
    private static final int BUFFER = 1 << 16;

    private Hashing() {
    }

    /** A fresh SHA-256 digest (every JDK ships it). */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Feeds everything {@code in} holds into {@code digest}; does not close the stream. */
    static void update(MessageDigest digest, InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
    }

    /** Feeds the UTF-8 bytes of {@code text} into {@code digest}. */
    static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of the digest's result. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
