-- Idempotency-Key of unnumbered POSTs: stored in the filing's transaction, so a retried request files once.
CREATE TABLE idempotency_keys (
    idempotency_key  VARCHAR(255) PRIMARY KEY,
    request_hash     CHAR(64)     NOT NULL,
    declaration_id   CHAR(18)     NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL
);
-- Keys are kept for a retention period (idempotency.retention) and purged by age.
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
