-- The current state of every declaration. The request as filed and the converted state (event JSON)
-- are both kept: the first answers clients in their own currency, the second is what was published.
CREATE TABLE declarations (
    declaration_id     CHAR(18)       PRIMARY KEY,
    revision           BIGINT         NOT NULL,
    status             VARCHAR(10)    NOT NULL,
    declaration_date   DATE           NOT NULL,
    direction          VARCHAR(6)     NOT NULL,
    zone_code          CHAR(4),
    counts_nationally  BOOLEAN        NOT NULL,
    total_value_cny    NUMERIC(20, 2) NOT NULL,
    total_value_usd    NUMERIC(20, 2) NOT NULL,
    -- SHA-256 of the first submission, so a re-sent POST is recognised without comparing documents.
    submission_hash    CHAR(64)       NOT NULL,
    request            TEXT           NOT NULL,
    state              TEXT           NOT NULL,
    created_at         TIMESTAMPTZ    NOT NULL,
    updated_at         TIMESTAMPTZ    NOT NULL
);

CREATE INDEX declarations_date ON declarations (declaration_date);
CREATE INDEX declarations_zone_date ON declarations (zone_code, declaration_date);

-- Serial part of generated declaration numbers.
CREATE SEQUENCE declaration_serial;

-- Transactional outbox: written with the declaration, deleted once the broker has acknowledged it.
CREATE SEQUENCE outbox_id INCREMENT BY 50;
CREATE TABLE outbox (
    id              BIGINT      PRIMARY KEY,
    declaration_id  CHAR(18)    NOT NULL,
    payload         BYTEA       NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL
);
