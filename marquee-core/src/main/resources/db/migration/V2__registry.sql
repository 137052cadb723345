-- Marquee model registry: endpoints, model versions and their lifecycle stages, aliases, the
-- audit history of every stage and alias change, training jobs, validation-gate decisions,
-- metric history, the request log and feedback. Documented in docs/registry.md.
--
-- Portable SQL only (SQLite and PostgreSQL): no identity columns (ids are assigned by the
-- application from registry_sequences), times as epoch MILLISECONDS in BIGINT columns named
-- *_ms (the history must order changes made within the same second), JSON kept as TEXT.

-- Id allocation. Every registry write transaction first bumps the 'registry' row: on PostgreSQL
-- that row lock serialises registry writers, on SQLite the UPDATE takes the database write lock
-- at the start of the transaction, so read-then-write logic (next version number, exactly one
-- production version) never races.
CREATE TABLE registry_sequences (
    name       VARCHAR(32) NOT NULL PRIMARY KEY,
    next_value BIGINT      NOT NULL
);
INSERT INTO registry_sequences (name, next_value) VALUES ('registry', 1);
INSERT INTO registry_sequences (name, next_value) VALUES ('jobs', 1);

-- A named serving slot: 'recommender', 'dropoff', 'segments', ...
CREATE TABLE registry_endpoints (
    name          VARCHAR(64) NOT NULL PRIMARY KEY,
    description   TEXT,
    created_at_ms BIGINT      NOT NULL
);

-- One trained model registered under an endpoint. version counts 1, 2, 3, ... per endpoint.
CREATE TABLE model_versions (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    endpoint            VARCHAR(64)  NOT NULL REFERENCES registry_endpoints (name),
    version             INTEGER      NOT NULL,
    algorithm           VARCHAR(64)  NOT NULL,
    params              TEXT         NOT NULL, -- JSON object
    metrics             TEXT         NOT NULL, -- JSON object: metric id -> number
    data_fingerprint    VARCHAR(128) NOT NULL,
    artifact_hash       VARCHAR(64)  NOT NULL, -- sha256 of the artifact's manifest.json
    stage               VARCHAR(16)  NOT NULL,
    stage_changed_at_ms BIGINT       NOT NULL,
    created_at_ms       BIGINT       NOT NULL,
    created_by          VARCHAR(128) NOT NULL,
    description         TEXT,
    tags                TEXT         NOT NULL, -- JSON array of strings
    CONSTRAINT model_versions_endpoint_version UNIQUE (endpoint, version),
    CONSTRAINT model_versions_stage CHECK (stage IN ('testing', 'staging', 'production', 'archived'))
);
-- At most one production version per endpoint, guaranteed by the database itself
-- (partial unique indexes: SQLite >= 3.8, PostgreSQL).
CREATE UNIQUE INDEX model_versions_one_production ON model_versions (endpoint) WHERE stage = 'production';
CREATE INDEX model_versions_endpoint_stage ON model_versions (endpoint, stage);
CREATE INDEX model_versions_artifact ON model_versions (artifact_hash);

-- Named movable pointers per endpoint, e.g. 'champion'.
CREATE TABLE model_aliases (
    endpoint      VARCHAR(64)  NOT NULL REFERENCES registry_endpoints (name),
    alias         VARCHAR(64)  NOT NULL,
    version_id    BIGINT       NOT NULL REFERENCES model_versions (id),
    updated_at_ms BIGINT       NOT NULL,
    updated_by    VARCHAR(128) NOT NULL,
    PRIMARY KEY (endpoint, alias)
);

-- Audit history: every registration, stage change, rollback, alias change and deletion.
-- No foreign key to model_versions: the history outlives deleted (pruned) versions.
CREATE TABLE registry_history (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    endpoint            VARCHAR(64)  NOT NULL,
    action              VARCHAR(16)  NOT NULL, -- register, stage, rollback, alias_set, alias_removed, delete
    version_id          BIGINT,                -- the version concerned (for alias events: the new target)
    version             INTEGER,
    from_stage          VARCHAR(16),
    to_stage            VARCHAR(16),           -- NULL when the version was deleted
    alias               VARCHAR(64),
    previous_version_id BIGINT,                -- alias events: the old target; production entries: the version replaced
    changed_at_ms       BIGINT       NOT NULL,
    changed_by          VARCHAR(128) NOT NULL,
    reason              TEXT
);
CREATE INDEX registry_history_endpoint ON registry_history (endpoint, changed_at_ms);

-- Model-quality figures over time, for charts: holdout metrics of each registered version and the
-- champion's figure at each validation gate.
CREATE TABLE model_metric_history (
    id             BIGINT           NOT NULL PRIMARY KEY,
    endpoint       VARCHAR(64)      NOT NULL,
    version_id     BIGINT           NOT NULL,
    version        INTEGER          NOT NULL,
    metric         VARCHAR(64)      NOT NULL,
    metric_value   DOUBLE PRECISION NOT NULL,
    source         VARCHAR(32)      NOT NULL, -- holdout, champion
    job_id         BIGINT,
    recorded_at_ms BIGINT           NOT NULL
);
CREATE INDEX model_metric_history_endpoint ON model_metric_history (endpoint, recorded_at_ms);

-- Asynchronous training jobs; their status survives restarts.
CREATE TABLE training_jobs (
    id               BIGINT       NOT NULL PRIMARY KEY,
    kind             VARCHAR(16)  NOT NULL, -- train, retrain
    endpoint         VARCHAR(64)  NOT NULL,
    algorithm        VARCHAR(64)  NOT NULL,
    params           TEXT         NOT NULL, -- JSON object of name -> value overrides
    status           VARCHAR(16)  NOT NULL, -- queued, running, succeeded, failed
    progress_task    TEXT,
    progress_done    BIGINT       NOT NULL,
    progress_total   BIGINT       NOT NULL,
    requested_by     VARCHAR(128) NOT NULL,
    description      TEXT,
    created_at_ms    BIGINT       NOT NULL,
    started_at_ms    BIGINT,
    finished_at_ms   BIGINT,
    version_id       BIGINT,
    decision_id      BIGINT,
    error            TEXT,
    CONSTRAINT training_jobs_status CHECK (status IN ('queued', 'running', 'succeeded', 'failed'))
);
CREATE INDEX training_jobs_endpoint ON training_jobs (endpoint, created_at_ms);

CREATE TABLE training_job_logs (
    job_id    BIGINT  NOT NULL REFERENCES training_jobs (id),
    seq       INTEGER NOT NULL,
    logged_at_ms BIGINT NOT NULL,
    line      TEXT    NOT NULL,
    PRIMARY KEY (job_id, seq)
);

-- The validation gate's decision on a retrained candidate, with both figures.
CREATE TABLE gate_decisions (
    id                   BIGINT           NOT NULL PRIMARY KEY,
    endpoint             VARCHAR(64)      NOT NULL,
    job_id               BIGINT,
    candidate_version_id BIGINT           NOT NULL,
    champion_version_id  BIGINT,
    metric               VARCHAR(64)      NOT NULL,
    higher_is_better     BOOLEAN          NOT NULL,
    candidate_value      DOUBLE PRECISION,
    champion_value       DOUBLE PRECISION,
    margin               DOUBLE PRECISION NOT NULL,
    improvement          DOUBLE PRECISION,
    promoted             BOOLEAN          NOT NULL,
    reason               TEXT             NOT NULL,
    decided_at_ms        BIGINT           NOT NULL
);
CREATE INDEX gate_decisions_endpoint ON gate_decisions (endpoint, decided_at_ms);

-- Every served recommendation or prediction, written off the hot path in batches.
CREATE TABLE request_log (
    request_id     VARCHAR(36)      NOT NULL PRIMARY KEY,
    endpoint       VARCHAR(64)      NOT NULL,
    version_id     BIGINT,
    operation      VARCHAR(32)      NOT NULL, -- recommend, predict, dropoff, explain, ...
    input          TEXT             NOT NULL, -- JSON
    output         TEXT             NOT NULL, -- JSON
    predicted      DOUBLE PRECISION,          -- the single predicted number, when there is one (rating, probability)
    latency_us     BIGINT           NOT NULL,
    requested_at_ms BIGINT          NOT NULL
);
CREATE INDEX request_log_version ON request_log (version_id);
CREATE INDEX request_log_endpoint_time ON request_log (endpoint, requested_at_ms);

-- What actually happened after a request: one row per request (later feedback replaces earlier).
CREATE TABLE request_feedback (
    request_id     VARCHAR(36)      NOT NULL PRIMARY KEY,
    movie_id       BIGINT,
    actual_rating  DOUBLE PRECISION,
    watched        BOOLEAN,                   -- true: watched to the end; false: dropped
    label          VARCHAR(256),
    received_at_ms BIGINT           NOT NULL
);
