-- Marquee core schema. The same script runs on SQLite and PostgreSQL, so it keeps to the SQL
-- both understand: BIGINT/INTEGER/REAL/DOUBLE PRECISION/BOOLEAN/VARCHAR/TEXT, no vendor identity
-- columns (ids are assigned by the application), and timestamps as epoch seconds (BIGINT).

CREATE TABLE genres (
    id   INTEGER     NOT NULL PRIMARY KEY,
    name VARCHAR(64) NOT NULL UNIQUE
);

CREATE TABLE movies (
    id              BIGINT       NOT NULL PRIMARY KEY,
    title           VARCHAR(512) NOT NULL,
    year            INTEGER,
    runtime_minutes INTEGER
);

CREATE TABLE movie_genres (
    movie_id BIGINT  NOT NULL REFERENCES movies (id),
    genre_id INTEGER NOT NULL REFERENCES genres (id),
    PRIMARY KEY (movie_id, genre_id)
);

CREATE TABLE users (
    id         BIGINT      NOT NULL PRIMARY KEY,
    age        INTEGER,
    gender     VARCHAR(32),
    occupation VARCHAR(64),
    region     VARCHAR(64)
);

CREATE TABLE survey_responses (
    user_id  BIGINT       NOT NULL REFERENCES users (id),
    question VARCHAR(64)  NOT NULL,
    answer   VARCHAR(512) NOT NULL,
    PRIMARY KEY (user_id, question)
);

CREATE TABLE ratings (
    user_id  BIGINT NOT NULL REFERENCES users (id),
    movie_id BIGINT NOT NULL REFERENCES movies (id),
    value    REAL   NOT NULL,
    rated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, movie_id)
);
-- No index on ratings(movie_id): algorithms read the columnar dataset, not SQL, and the extra
-- B-tree cut bulk-import speed by about a third (docs/benchmarks.md).

CREATE TABLE watch_events (
    id              BIGINT      NOT NULL PRIMARY KEY,
    user_id         BIGINT      NOT NULL REFERENCES users (id),
    movie_id        BIGINT      NOT NULL REFERENCES movies (id),
    started_at      BIGINT      NOT NULL,
    watched_minutes REAL        NOT NULL,
    runtime_minutes INTEGER     NOT NULL,
    device          VARCHAR(32) NOT NULL,
    completed       BOOLEAN     NOT NULL
);
CREATE INDEX watch_events_user ON watch_events (user_id, started_at);

-- The synthetic generator's true drop-off probability per watch event (absent for real data).
CREATE TABLE dropoff_truth (
    watch_event_id BIGINT           NOT NULL PRIMARY KEY REFERENCES watch_events (id),
    probability    DOUBLE PRECISION NOT NULL
);

-- One row per import or generation run: what was loaded, from where, and a fingerprint of the
-- source that makes a second import of the same data detectable.
CREATE TABLE imports (
    id          BIGINT       NOT NULL PRIMARY KEY,
    kind        VARCHAR(64)  NOT NULL,
    source      VARCHAR(1024) NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL UNIQUE,
    imported_at BIGINT       NOT NULL,
    row_counts  TEXT         NOT NULL
);
