-- Shared by every consumer of customs.declarations (ingest-core). One row per declaration: the newest
-- revision applied to this service's totals and the state it contributed, so an amendment or a
-- cancellation can withdraw exactly what was added. Written in the same transaction as the totals.
-- Repeatable: Flyway re-runs this file whenever it changes, so every statement must be safe to repeat.
CREATE TABLE IF NOT EXISTS applied_declarations (
    declaration_id  CHAR(18)    PRIMARY KEY,
    revision        BIGINT      NOT NULL,
    event_id        UUID        NOT NULL,
    cancelled       BOOLEAN     NOT NULL,
    -- The applied state in ingest-core's compact binary form (LedgerStateCodec); null once cancelled
    -- (nothing left to withdraw). Encoding the state as JSON and PostgreSQL parsing it into JSONB cost more
    -- than the rest of the row.
    state_bytes     BYTEA,
    applied_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
