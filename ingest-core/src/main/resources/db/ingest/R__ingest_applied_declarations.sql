-- Shared by every consumer of customs.declarations (ingest-core). One row per declaration: the newest
-- revision applied to this service's totals and the state it contributed, so an amendment or a
-- cancellation can withdraw exactly what was added. Written in the same transaction as the totals.
-- Repeatable: Flyway re-runs this file whenever it changes, so every statement must be safe to repeat.
CREATE TABLE IF NOT EXISTS applied_declarations (
    declaration_id  CHAR(18)    PRIMARY KEY,
    revision        BIGINT      NOT NULL,
    event_id        UUID        NOT NULL,
    cancelled       BOOLEAN     NOT NULL,
    -- Legacy: the applied state as event JSON, as rows written before state_bytes existed hold it. New
    -- writes leave it null; the consumer still reads it for a row whose state_bytes is null.
    state           JSONB,
    applied_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The applied state in ingest-core's compact binary form (LedgerStateCodec); null once cancelled (nothing
-- left to withdraw). Encoding the state as JSON and PostgreSQL parsing it into JSONB cost more than the
-- rest of the row. Added here rather than in the CREATE above so that databases created before it get it
-- too; ADD COLUMN of a nullable column without a default rewrites nothing, and IF NOT EXISTS makes the
-- re-run harmless. Existing rows keep their JSONB state and stay readable.
ALTER TABLE applied_declarations ADD COLUMN IF NOT EXISTS state_bytes BYTEA;
