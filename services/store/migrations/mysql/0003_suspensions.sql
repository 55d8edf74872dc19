-- When each CronJob was last seen suspended and resumed, so a new leader continues the
-- suspension timers (alertIfSuspendedFor, pauseMonitoring) instead of restarting them.
CREATE TABLE suspensions (
    namespace       VARCHAR(255) NOT NULL,
    cronjob         VARCHAR(255) NOT NULL,
    suspended_since BIGINT,
    resumed_at      BIGINT,
    PRIMARY KEY (namespace, cronjob)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
