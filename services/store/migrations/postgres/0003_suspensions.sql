-- When each CronJob was last seen suspended and resumed, so a new leader continues the
-- suspension timers (alertIfSuspendedFor, pauseMonitoring) instead of restarting them.
CREATE TABLE suspensions (
    namespace       TEXT COLLATE "C" NOT NULL,
    cronjob         TEXT COLLATE "C" NOT NULL,
    suspended_since BIGINT,
    resumed_at      BIGINT,
    PRIMARY KEY (namespace, cronjob)
);
