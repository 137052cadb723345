package io.marquee.server.auth;

import java.time.Instant;

/** A new token: {@code token} is shown once and never stored (only its sha256 is). */
public record CreatedToken(String token, String prefix, Role role, String description, Instant createdAt) {
}
