package io.marquee.server.auth;

import io.marquee.core.error.InvalidInputException;
import java.util.Locale;

/** What a token may do: a reader serves and reads; an admin also changes the registry and trains. */
public enum Role {
    READER, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may call a route that needs {@code needed}. */
    public boolean allows(Role needed) {
        return this == ADMIN || needed == READER;
    }

    public static Role parse(String text) {
        if (text != null) {
            for (Role r : values()) {
                if (r.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw InvalidInputException.of("role", text == null ? null : "'" + text + "'", "one of reader, admin");
    }
}
