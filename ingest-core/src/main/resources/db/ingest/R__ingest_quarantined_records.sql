-- Shared by every consumer of customs.declarations (ingest-core). Records that had to be dead-lettered
-- while the dead-letter topic could not take them (broker refused, authorization, timeout): written in the
-- same transaction as the batch's valid events, so the batch is committed once and no bad record is lost.
-- A human (or a later retry) moves them to the dead-letter topic. Key and value are kept as they came if
-- they fit the dead-letter bounds, else a prefix with the original size and SHA-256 (as in the dead letter).
-- Repeatable: Flyway re-runs this file whenever it changes, so every statement must be safe to repeat.
CREATE TABLE IF NOT EXISTS quarantined_records (
    id                 BIGSERIAL   PRIMARY KEY,
    source_topic       TEXT        NOT NULL,
    source_partition   INTEGER     NOT NULL,
    source_offset      BIGINT      NOT NULL,
    kind               TEXT        NOT NULL,
    reason             TEXT        NOT NULL,
    record_key         BYTEA,
    record_value       BYTEA,
    key_size           INTEGER,
    value_size         INTEGER,
    key_sha256         TEXT,
    value_sha256       TEXT,
    truncated          BOOLEAN     NOT NULL DEFAULT false,
    quarantined_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- A redelivered batch quarantines the same records again: the second write changes nothing.
    UNIQUE (source_topic, source_partition, source_offset)
);
