-- CronJob Guardian schema, MySQL 8.0+ / MariaDB 10.6+ dialect (InnoDB). Times are BIGINT
-- unix milliseconds and JSON is text, exactly as in the other dialects.
--
-- Text that is a key or orders a listing uses utf8mb4_bin: byte order and case-sensitive
-- equality, as PostgreSQL's "C" collation and SQLite compare. InnoDB caps an index key
-- at 3072 bytes (4 per utf8mb4 character), so key columns are VARCHAR(255) (Kubernetes
-- names are at most 253 characters) and single-column keys VARCHAR(768); a longer value
-- is refused as a constraint violation. Free text is MEDIUMTEXT/LONGTEXT.
-- `key` is a reserved word in MySQL: the store quotes it (see src/mysql.rs).

-- The single control row: the fencing epoch and the last outbox sequence handed out.
-- Every fenced transaction locks it (SELECT … FOR UPDATE), which serialises writers.
CREATE TABLE control (
    id            SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
    epoch         BIGINT NOT NULL CHECK (epoch >= 0),
    last_sequence BIGINT NOT NULL CHECK (last_sequence >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO control (id, epoch, last_sequence) VALUES (1, 0, 0);

CREATE TABLE cronjobs (
    namespace     VARCHAR(255) NOT NULL,
    name          VARCHAR(255) NOT NULL,
    uid           VARCHAR(1024) NOT NULL,
    schedule      VARCHAR(1024) NOT NULL,
    time_zone     VARCHAR(1024),
    suspended     BOOLEAN NOT NULL,
    first_seen_at BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    deleted_at    BIGINT,
    PRIMARY KEY (namespace, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE monitors (
    namespace  VARCHAR(255) NOT NULL,
    name       VARCHAR(255) NOT NULL,
    generation BIGINT NOT NULL,
    spec       LONGTEXT NOT NULL,
    status     LONGTEXT,
    PRIMARY KEY (namespace, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- `id` is AUTO_INCREMENT: a row id only (the REST execution id). It may have gaps;
-- nothing orders by it except as a tie-breaker. The outbox never uses it.
CREATE TABLE executions (
    id           BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_uid      VARCHAR(255) NOT NULL,
    job_name     VARCHAR(1024) NOT NULL,
    namespace    VARCHAR(255) NOT NULL,
    cronjob      VARCHAR(255) NOT NULL,
    cronjob_uid  VARCHAR(1024),
    started_at   BIGINT NOT NULL,
    completed_at BIGINT,
    duration_ms  BIGINT,
    outcome      VARCHAR(16) NOT NULL CHECK (outcome IN ('running', 'success', 'failed')),
    exit_code    INTEGER,
    reason       MEDIUMTEXT,
    logs         LONGTEXT,
    events       LONGTEXT NOT NULL,
    retries      INTEGER NOT NULL DEFAULT 0 CHECK (retries >= 0),
    manual       BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE KEY executions_job_uid (job_uid),
    -- Only the indexes the reads use, as in the other dialects.
    KEY executions_by_cronjob (namespace, cronjob, started_at DESC, id DESC),
    KEY executions_by_cronjob_outcome (namespace, cronjob, outcome, started_at DESC, id DESC)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE alerts (
    `key`             VARCHAR(768) NOT NULL PRIMARY KEY,
    kind              VARCHAR(255) NOT NULL,
    severity          VARCHAR(16) NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    state             VARCHAR(16) NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
    namespace         VARCHAR(255) NOT NULL,
    cronjob           VARCHAR(255) NOT NULL,
    monitor_namespace VARCHAR(1024),
    monitor_name      VARCHAR(1024),
    title             MEDIUMTEXT NOT NULL,
    message           MEDIUMTEXT NOT NULL,
    since             BIGINT NOT NULL,
    last_notified     BIGINT,
    resolved_at       BIGINT,
    exit_code         INTEGER,
    reason            MEDIUMTEXT,
    suggested_fix     MEDIUMTEXT,
    KEY alerts_by_cronjob (namespace, cronjob, since DESC),
    KEY alerts_by_state (state, since DESC)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The transactional outbox: one row per committed change, sequence gap-free in commit
-- order. The sequence is allocated from control.last_sequence under the control row's
-- lock, never by AUTO_INCREMENT (which leaves gaps on rollback and is not commit-ordered).
CREATE TABLE events (
    sequence BIGINT NOT NULL PRIMARY KEY CHECK (sequence > 0),
    epoch    BIGINT NOT NULL,
    at       BIGINT NOT NULL,
    payload  LONGTEXT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Leader-election lease rows (compare-and-swap on version).
CREATE TABLE leases (
    name              VARCHAR(255) NOT NULL PRIMARY KEY,
    holder            VARCHAR(1024),
    lease_duration_ms BIGINT NOT NULL,
    acquired_at       BIGINT NOT NULL,
    renewed_at        BIGINT NOT NULL,
    transitions       INTEGER NOT NULL,
    version           BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
