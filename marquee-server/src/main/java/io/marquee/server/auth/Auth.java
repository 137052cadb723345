package io.marquee.server.auth;

import io.javalin.http.Context;
import io.marquee.server.http.HttpException;

/** Checks the bearer token of a request against the access a route needs. */
public final class Auth {
    /** Request attribute holding the {@link Principal}. */
    public static final String PRINCIPAL = "marquee.principal";

    private final TokenStore tokens;

    public Auth(TokenStore tokens) {
        this.tokens = tokens;
    }

    /** Throws a 401 (no or unknown token) or 403 (role too low); stores the principal on the context. */
    public void check(Context ctx, Access access) {
        if (access == Access.OPEN) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new HttpException(401, "unauthorized", "this route needs an API token: send 'Authorization: Bearer <token>'");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HttpException(401, "unauthorized", "the Authorization header must use the Bearer scheme");
        }
        Principal p = tokens.authenticate(header.substring(7).trim())
                .orElseThrow(() -> new HttpException(401, "unauthorized", "the API token is unknown or revoked"));
        if (!p.role().allows(access.role())) {
            throw new HttpException(403, "forbidden", "this route needs the " + access.role().id()
                    + " role; the token " + p.prefix() + " has " + p.role().id());
        }
        ctx.attribute(PRINCIPAL, p);
    }

    /** The actor name of the caller (for registry history). */
    public static String actor(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        return p == null ? "anonymous" : p.actor();
    }
}
