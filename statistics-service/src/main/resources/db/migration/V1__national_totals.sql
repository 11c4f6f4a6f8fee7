-- National totals at the finest grain the API asks for. Only first-line and non-area trade counts
-- nationally; second-line and intra-zone moves never reach these tables. Queries sum rows over a date
-- range; ingest upserts deltas.
CREATE TABLE trade_daily_totals (
    day              DATE           NOT NULL,
    direction        VARCHAR(6)     NOT NULL,
    partner_country  CHAR(2)        NOT NULL,
    trade_mode       CHAR(4)        NOT NULL,
    -- First-line trade of a special area: the numerator of the zone share.
    via_zone         BOOLEAN        NOT NULL,
    declarations     BIGINT         NOT NULL,
    value_cny        NUMERIC(20, 2) NOT NULL,
    value_usd        NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (day, direction, partner_country, trade_mode, via_zone)
);

-- One count per goods item, so a declaration spanning several chapters counts once in each.
CREATE TABLE commodity_daily_totals (
    day         DATE           NOT NULL,
    direction   VARCHAR(6)     NOT NULL,
    hs_chapter  CHAR(2)        NOT NULL,
    items       BIGINT         NOT NULL,
    value_cny   NUMERIC(20, 2) NOT NULL,
    value_usd   NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (day, direction, hs_chapter)
);

-- Every query reads a date range; both primary keys lead with day, so their indexes serve those scans
-- and a separate index on day would only slow the upserts.
