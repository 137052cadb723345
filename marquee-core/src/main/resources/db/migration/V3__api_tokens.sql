-- API tokens of the HTTP server (marquee-server). Only the sha256 of a token is stored: the token
-- itself is shown once, when it is created. Portable SQL for SQLite and PostgreSQL; times are
-- epoch milliseconds like the registry's tables.

CREATE TABLE api_tokens (
    token_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
    prefix        VARCHAR(16)  NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    description   VARCHAR(256),
    created_by    VARCHAR(128) NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    revoked_at_ms BIGINT
);
