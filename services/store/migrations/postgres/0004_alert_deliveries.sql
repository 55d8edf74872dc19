-- The alert delivery outbox: one row per notice and target channel, written in the same
-- fenced transaction as the alert transition it announces. The dispatcher marks a row
-- `sending` (with its epoch) before each attempt, so a new leader finds uncertain
-- attempts and re-sends them with the same delivery id (webhook Idempotency-Key,
-- PagerDuty dedup_key); `sent` and `failed` rows are never sent again.
CREATE TABLE alert_deliveries (
    id                TEXT COLLATE "C" PRIMARY KEY,
    alert_key         TEXT COLLATE "C" NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('notify', 'resolve')),
    channel_namespace TEXT COLLATE "C" NOT NULL,
    channel_name      TEXT COLLATE "C" NOT NULL,
    notification      TEXT NOT NULL,
    state             TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    attempt_epoch     BIGINT,
    created_at        BIGINT NOT NULL,
    next_attempt_at   BIGINT NOT NULL,
    last_attempt_at   BIGINT,
    finished_at       BIGINT,
    last_error        TEXT
);
-- The dispatcher's scan: unfinished rows by when they are due.
CREATE INDEX alert_deliveries_due ON alert_deliveries (state, next_attempt_at);
CREATE INDEX alert_deliveries_by_alert ON alert_deliveries (alert_key, created_at);
