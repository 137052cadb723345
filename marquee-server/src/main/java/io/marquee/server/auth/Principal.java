package io.marquee.server.auth;

/**
 * The caller a bearer token stands for.
 *
 * @param prefix the token's public prefix (first characters; identifies it in logs and history)
 * @param role   what it may do
 */
public record Principal(String prefix, Role role, String description) {
    /** The actor name written to the registry's history. */
    public String actor() {
        return "token:" + prefix + (description == null || description.isBlank() ? "" : " (" + description + ")");
    }
}
