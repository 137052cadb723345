package io.marquee.server.auth;

/** Who may call a route. */
public enum Access {
    /** No token needed (health, OpenAPI, Swagger UI). */
    OPEN,
    /** Any valid token. */
    READER,
    /** An admin token. */
    ADMIN;

    public Role role() {
        return this == ADMIN ? Role.ADMIN : Role.READER;
    }
}
