-- Outbox rows that Kafka refuses for good (too large, invalid record): moved here, out of the relay's way,
-- with the reason, for an operator to inspect and re-queue or drop.
CREATE TABLE outbox_parked (
    id              BIGINT      PRIMARY KEY,
    declaration_id  CHAR(18)    NOT NULL,
    payload         BYTEA       NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    parked_at       TIMESTAMPTZ NOT NULL,
    failure         TEXT        NOT NULL
);
