-- The alert delivery outbox: one row per notice and target channel, written in the same
-- fenced transaction as the alert transition it announces. The dispatcher marks a row
-- `sending` (with its epoch) before each attempt, so a new leader finds uncertain
-- attempts and re-sends them with the same delivery id (webhook Idempotency-Key,
-- PagerDuty dedup_key); `sent` and `failed` rows are never sent again.
CREATE TABLE alert_deliveries (
    id                VARCHAR(768) NOT NULL PRIMARY KEY,
    alert_key         VARCHAR(760) NOT NULL,
    kind              VARCHAR(16) NOT NULL CHECK (kind IN ('notify', 'resolve')),
    channel_namespace VARCHAR(255) NOT NULL,
    channel_name      VARCHAR(255) NOT NULL,
    notification      LONGTEXT NOT NULL,
    state             VARCHAR(16) NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    attempt_epoch     BIGINT,
    created_at        BIGINT NOT NULL,
    next_attempt_at   BIGINT NOT NULL,
    last_attempt_at   BIGINT,
    finished_at       BIGINT,
    last_error        MEDIUMTEXT,
    -- The dispatcher's scan: unfinished rows by when they are due.
    KEY alert_deliveries_due (state, next_attempt_at),
    KEY alert_deliveries_by_alert (alert_key, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
