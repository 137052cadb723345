package io.marquee.server.auth;

import io.marquee.core.error.InvalidInputException;
import io.marquee.core.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer API tokens in the {@code api_tokens} table (migration V3). A token is {@code mq_} plus 32
 * random bytes (base64url); only its sha256 is stored, so a database leak reveals no token.
 * Valid tokens are cached in memory for {@link #RECHECK_MS} after a database check, keyed by hash,
 * so the hot path rarely touches the database; a token revoked by another process (the CLI) stops
 * working within that time, one revoked through this store at once.
 */
public final class TokenStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "mq_";

    private final Database db;
    private final Clock clock;
    /** How long a cached token is trusted before the database is asked again (revocation by another process). */
    static final long RECHECK_MS = 30_000;

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Principal principal, long checkedAtMs) {
    }

    public TokenStore(Database db) {
        this(db, Clock.systemUTC());
    }

    public TokenStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a token; the returned text is the only copy. */
    public CreatedToken create(Role role, String description, String createdBy) {
        if (description != null && description.length() > 256) {
            throw InvalidInputException.of("description", description.length() + " characters", "at most 256 characters");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String prefix = token.substring(0, 11);
        Instant now = clock.instant();
        db.inTransaction(h -> h.createUpdate("INSERT INTO api_tokens (token_hash, prefix, role, description, created_by,"
                        + " created_at_ms) VALUES (:hash, :prefix, :role, :description, :by, :at)")
                .bind("hash", sha256(token)).bind("prefix", prefix).bind("role", role.id())
                .bind("description", description).bind("by", createdBy == null ? "cli" : createdBy)
                .bind("at", now.toEpochMilli()).execute());
        return new CreatedToken(token, prefix, role, description, now);
    }

    /** The principal of a presented token, if it is valid and not revoked. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 256) {
            return Optional.empty();
        }
        String hash = sha256(token.trim());
        Cached cached = cache.get(hash);
        long now = clock.millis();
        if (cached != null && now - cached.checkedAtMs() < RECHECK_MS) {
            return Optional.of(cached.principal());
        }
        Optional<Principal> found = db.withHandle(h -> h.createQuery("SELECT prefix, role, description FROM api_tokens"
                        + " WHERE token_hash = :hash AND revoked_at_ms IS NULL")
                .bind("hash", hash)
                .map((rs, c) -> new Principal(rs.getString(1), Role.parse(rs.getString(2)), rs.getString(3)))
                .findOne());
        if (found.isPresent()) {
            cache.put(hash, new Cached(found.get(), now));
        } else {
            cache.remove(hash);
        }
        return found;
    }

    /** Revokes every token with this prefix; returns how many. */
    public int revoke(String prefix) {
        int n = db.inTransaction(h -> h.createUpdate("UPDATE api_tokens SET revoked_at_ms = :at WHERE prefix = :p"
                + " AND revoked_at_ms IS NULL").bind("at", clock.millis()).bind("p", prefix).execute());
        cache.values().removeIf(c -> c.principal().prefix().equals(prefix));
        return n;
    }

    /** Tokens (without secrets), newest first. */
    public List<TokenInfo> list() {
        return db.withHandle(h -> h.createQuery("SELECT prefix, role, description, created_by, created_at_ms,"
                        + " revoked_at_ms FROM api_tokens ORDER BY created_at_ms DESC")
                .map((rs, c) -> {
                    long revoked = rs.getLong(6);
                    boolean wasNull = rs.wasNull();
                    return new TokenInfo(rs.getString(1), Role.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), wasNull ? null : Instant.ofEpochMilli(revoked));
                }).list());
    }

    /** A token's listing entry. */
    public record TokenInfo(String prefix, Role role, String description, String createdBy, Instant createdAt,
                            Instant revokedAt) {
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
