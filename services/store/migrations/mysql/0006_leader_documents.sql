-- What the leader knows that every query replica serves too, also while no controller
-- leads: one JSON document per (scope, doc_key), replaced whole by the leader's fenced
-- writes (the same table as on PostgreSQL and SQLite; keys fit InnoDB's 3072-byte index).
CREATE TABLE leader_documents (
    scope      VARCHAR(64) NOT NULL,
    doc_key    VARCHAR(512) NOT NULL,
    document   MEDIUMTEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (scope, doc_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
