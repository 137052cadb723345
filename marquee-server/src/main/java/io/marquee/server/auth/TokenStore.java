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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bearer API tokens in the {@code api_tokens} table (migration V3). A token is {@code mq_} plus 32
 * random bytes (base64url); only its sha256 is stored, so a database leak reveals no token.
 *
 * <p><b>Caching and revocation.</b> A valid token is cached in memory, keyed by its hash, so the
 * hot path does not touch the database. A cached entry is trusted only while nothing was revoked
 * since it was checked:
 * <ul>
 *   <li>a revocation through any {@code TokenStore} of this JVM (the API's, or the CLI's
 *       {@code token revoke} run in the same process) bumps a JVM-wide counter after its
 *       transaction commits; every entry checked before that is checked again, so the revoked
 *       token is refused from the next request on;</li>
 *   <li>a revocation by another process (the CLI against the server's database) is seen through
 *       the number of revoked rows in {@code api_tokens}, which a request reads at most once per
 *       {@link #revocationPollMs()} (1 s by default; a count over the small token table);
 *       when it changed, the cache is dropped. Such a token is refused at the latest by requests
 *       that start {@code revocationPollMs} after the revocation committed;</li>
 *   <li>whatever happens, an entry is checked again after {@link #RECHECK_MS}.</li>
 * </ul>
 */
public final class TokenStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "mq_";
    /** Revocations committed through any TokenStore of this JVM. */
    private static final AtomicLong LOCAL_REVOCATIONS = new AtomicLong();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** Longest time a cached token is trusted without a database check, whatever else happens. */
    static final long RECHECK_MS = 30_000;
    /** Default of {@link #revocationPollMs()}. */
    public static final long DEFAULT_REVOCATION_POLL_MS = 1_000;

    private final Database db;
    private final Clock clock;
    private final long revocationPollMs;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    /** Revoked rows in the database at the last poll, and when that was; -1 before the first. */
    private volatile long revokedRows = -1;
    private volatile long polledAtMs;
    /** Bumped whenever a poll saw the revoked-row count change. */
    private volatile long dbGeneration;

    private record Cached(Principal principal, long checkedAtMs, long localRevocations, long dbGeneration) {
    }

    public TokenStore(Database db) {
        this(db, Clock.systemUTC(), DEFAULT_REVOCATION_POLL_MS);
    }

    public TokenStore(Database db, Clock clock) {
        this(db, clock, DEFAULT_REVOCATION_POLL_MS);
    }

    /**
     * @param revocationPollMs how often, at most, the database's revoked-token count is read to
     *                         notice revocations made by other processes (at least 1 ms)
     */
    public TokenStore(Database db, Clock clock, long revocationPollMs) {
        if (revocationPollMs < 1) {
            throw InvalidInputException.of("revocationPollMs", revocationPollMs, "at least 1");
        }
        this.db = db;
        this.clock = clock;
        this.revocationPollMs = revocationPollMs;
    }

    /** How often, at most, revocations by other processes are looked for. */
    public long revocationPollMs() {
        return revocationPollMs;
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
        long now = clock.millis();
        pollRevocations(now);
        // read the generations before the database: a revocation committing after this read
        // bumps them, so what is cached below is checked again on the next request
        long local = LOCAL_REVOCATIONS.get();
        long dbGen = dbGeneration;
        Cached cached = cache.get(hash);
        if (cached != null && cached.localRevocations() == local && cached.dbGeneration() == dbGen
                && now - cached.checkedAtMs() < RECHECK_MS) {
            return Optional.of(cached.principal());
        }
        Optional<Principal> found = db.withHandle(h -> h.createQuery("SELECT prefix, role, description FROM api_tokens"
                        + " WHERE token_hash = :hash AND revoked_at_ms IS NULL")
                .bind("hash", hash)
                .map((rs, c) -> new Principal(rs.getString(1), Role.parse(rs.getString(2)), rs.getString(3)))
                .findOne());
        if (found.isPresent()) {
            cache.put(hash, new Cached(found.get(), now, local, dbGen));
        } else {
            cache.remove(hash);
        }
        return found;
    }

    /**
     * Reads the number of revoked tokens when the last read is {@link #revocationPollMs} old (one
     * caller at a time; the others go on with the cache) and drops the cache when it changed.
     */
    private void pollRevocations(long now) {
        if ((revokedRows >= 0 && now - polledAtMs < revocationPollMs) || !polling.compareAndSet(false, true)) {
            return;
        }
        try {
            long n = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_tokens WHERE revoked_at_ms IS NOT NULL")
                    .mapTo(Long.class).one());
            if (n != revokedRows) {
                if (revokedRows >= 0) {
                    dbGeneration++; // only this thread writes it (guarded by polling)
                }
                revokedRows = n;
            }
            polledAtMs = now;
        } finally {
            polling.set(false);
        }
    }

    /** Revokes every token with this prefix; returns how many. Effective in this JVM from the next request. */
    public int revoke(String prefix) {
        int n = db.inTransaction(h -> h.createUpdate("UPDATE api_tokens SET revoked_at_ms = :at WHERE prefix = :p"
                + " AND revoked_at_ms IS NULL").bind("at", clock.millis()).bind("p", prefix).execute());
        LOCAL_REVOCATIONS.incrementAndGet();
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
        // digest() resets the per-thread instance for its next use
        return HexFormat.of().formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
