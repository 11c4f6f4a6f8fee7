-- Per-area totals at the finest grain the API asks for: one row per area, declaration date, flow,
-- supervision mode and direction. Queries sum rows over a date range; ingest upserts deltas.
CREATE TABLE zone_daily_totals (
    zone_code     CHAR(4)        NOT NULL,
    day           DATE           NOT NULL,
    zone_flow     VARCHAR(12)    NOT NULL,
    trade_mode    CHAR(4)        NOT NULL,
    direction     VARCHAR(6)     NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC(20, 2) NOT NULL,
    value_usd     NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (zone_code, day, zone_flow, trade_mode, direction)
);

-- Rankings and rollups read all areas for a date range.
CREATE INDEX zone_daily_totals_day ON zone_daily_totals (day);
