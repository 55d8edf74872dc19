-- CronJob Guardian schema, SQLite dialect. Times are BIGINT unix milliseconds and
-- JSON is TEXT, exactly as in the PostgreSQL dialect, so both back-ends behave the same.

-- The single control row: the fencing epoch and the last outbox sequence handed out.
CREATE TABLE control (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    epoch         BIGINT NOT NULL CHECK (epoch >= 0),
    last_sequence BIGINT NOT NULL CHECK (last_sequence >= 0)
);
INSERT INTO control (id, epoch, last_sequence) VALUES (1, 0, 0);

CREATE TABLE cronjobs (
    namespace     TEXT NOT NULL,
    name          TEXT NOT NULL,
    uid           TEXT NOT NULL,
    schedule      TEXT NOT NULL,
    time_zone     TEXT,
    suspended     BOOLEAN NOT NULL,
    first_seen_at BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    deleted_at    BIGINT,
    PRIMARY KEY (namespace, name)
);

CREATE TABLE monitors (
    namespace  TEXT NOT NULL,
    name       TEXT NOT NULL,
    generation BIGINT NOT NULL,
    spec       TEXT NOT NULL,
    status     TEXT,
    PRIMARY KEY (namespace, name)
);

CREATE TABLE executions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    job_uid      TEXT NOT NULL UNIQUE,
    job_name     TEXT NOT NULL,
    namespace    TEXT NOT NULL,
    cronjob      TEXT NOT NULL,
    cronjob_uid  TEXT,
    started_at   BIGINT NOT NULL,
    completed_at BIGINT,
    duration_ms  BIGINT,
    outcome      TEXT NOT NULL CHECK (outcome IN ('running', 'success', 'failed')),
    exit_code    INTEGER,
    reason       TEXT,
    logs         TEXT,
    events       TEXT NOT NULL DEFAULT '[]',
    retries      INTEGER NOT NULL DEFAULT 0 CHECK (retries >= 0),
    manual       BOOLEAN NOT NULL DEFAULT FALSE
);
-- Only the indexes the reads use: every index costs ingest throughput. Listing by
-- cronjob (newest first), with or without a status filter; get_execution by job name
-- scans one cronjob's history through the first index.
CREATE INDEX executions_by_cronjob ON executions (namespace, cronjob, started_at DESC, id DESC);
CREATE INDEX executions_by_cronjob_outcome
    ON executions (namespace, cronjob, outcome, started_at DESC, id DESC);

CREATE TABLE alerts (
    key               TEXT PRIMARY KEY,
    kind              TEXT NOT NULL,
    severity          TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    state             TEXT NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
    namespace         TEXT NOT NULL,
    cronjob           TEXT NOT NULL,
    monitor_namespace TEXT,
    monitor_name      TEXT,
    title             TEXT NOT NULL,
    message           TEXT NOT NULL,
    since             BIGINT NOT NULL,
    last_notified     BIGINT,
    resolved_at       BIGINT,
    exit_code         INTEGER,
    reason            TEXT,
    suggested_fix     TEXT
);
CREATE INDEX alerts_by_cronjob ON alerts (namespace, cronjob, since DESC);
CREATE INDEX alerts_by_state ON alerts (state, since DESC);

-- The transactional outbox: one row per committed change, sequence gap-free in commit order.
CREATE TABLE events (
    sequence INTEGER PRIMARY KEY CHECK (sequence > 0),
    epoch    BIGINT NOT NULL,
    at       BIGINT NOT NULL,
    payload  TEXT NOT NULL
);

-- Leader-election lease rows (compare-and-swap on version).
CREATE TABLE leases (
    name              TEXT PRIMARY KEY,
    holder            TEXT,
    lease_duration_ms BIGINT NOT NULL,
    acquired_at       BIGINT NOT NULL,
    renewed_at        BIGINT NOT NULL,
    transitions       INTEGER NOT NULL,
    version           BIGINT NOT NULL
);
