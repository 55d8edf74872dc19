-- What the leader knows that every query replica serves too, also while no controller
-- leads: one JSON document per (scope, doc_key), replaced whole by the leader's fenced
-- writes. Scopes: 'channel' (doc_key namespace/name) holds an AlertChannel with its
-- readiness, redacted settings and delivery counts; 'config' (doc_key 'running') the
-- leader's running configuration with every secret redacted.
CREATE TABLE leader_documents (
    scope      VARCHAR(64) NOT NULL,
    doc_key    VARCHAR(512) NOT NULL,
    document   TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (scope, doc_key)
);
