-- Who filed. Each declaration keeps the enterprise it is for (a declarant lists only its own enterprises'
-- declarations, by index), whether the platform's simulator generated it, and who filed its current revision;
-- declaration_revisions keeps who filed every revision and when, the audit trail.
ALTER TABLE declarations ADD COLUMN declarant_code VARCHAR(18);
UPDATE declarations SET declarant_code = CAST(state AS jsonb) ->> 'declarantCode';
ALTER TABLE declarations ALTER COLUMN declarant_code SET NOT NULL;
ALTER TABLE declarations ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE declarations ADD COLUMN filed_by VARCHAR(255);
ALTER TABLE declarations ADD COLUMN filed_by_client VARCHAR(255);
CREATE INDEX declarations_declarant_date ON declarations (declarant_code, declaration_date);

CREATE TABLE declaration_revisions (
    declaration_id   CHAR(18)     NOT NULL REFERENCES declarations,
    revision         BIGINT       NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    filed_by         VARCHAR(255) NOT NULL,
    filed_by_client  VARCHAR(255),
    filed_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (declaration_id, revision)
);
