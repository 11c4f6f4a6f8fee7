-- The special customs supervision areas; rows come from contract's reference/zones.csv through the
-- repeatable Java migration R__Seed_zones, re-run whenever that file changes.
CREATE TABLE zones (
    code       CHAR(4)      PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    type       VARCHAR(40)  NOT NULL,
    province   VARCHAR(40)  NOT NULL,
    synthetic  BOOLEAN      NOT NULL
);

CREATE INDEX zones_province ON zones (province);
