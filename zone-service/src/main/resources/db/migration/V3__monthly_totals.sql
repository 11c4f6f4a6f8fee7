-- Monthly area totals. A query reads the whole months of its range here and only the days at its cut
-- ends from zone_daily_totals, so a year is a few rows per key instead of 365. Ingest writes them in the
-- same transaction as the daily rows, with the same signed deltas. A month is keyed by its first day.

-- One area's breakdowns and series: the key leads with the area, then the month.
CREATE TABLE zone_monthly_totals (
    zone_code     CHAR(4)        NOT NULL,
    month         DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    zone_flow     VARCHAR(12)    NOT NULL,
    trade_mode    CHAR(4)        NOT NULL,
    direction     VARCHAR(6)     NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC(20, 2) NOT NULL,
    value_usd     NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (zone_code, month, zone_flow, trade_mode, direction)
);

-- Every area at once (ranking, rollups, concentration): the key leads with the month.
CREATE TABLE area_monthly_totals (
    month         DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    zone_code     CHAR(4)        NOT NULL,
    direction     VARCHAR(6)     NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC(20, 2) NOT NULL,
    value_usd     NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (month, zone_code, direction)
);

-- Every batch updates totals rows in place; free room on their pages lets PostgreSQL make HOT updates.
-- (Pages already written get the room only when rewritten, e.g. by VACUUM FULL.)
ALTER TABLE zone_daily_totals SET (fillfactor = 80);
ALTER TABLE zone_monthly_totals SET (fillfactor = 80);
ALTER TABLE area_monthly_totals SET (fillfactor = 80);

-- An upgraded database answers as before: the monthly rows are the daily ones summed by month. Flyway
-- runs this before the consumer starts, so no batch lands between the two.
INSERT INTO zone_monthly_totals (zone_code, month, zone_flow, trade_mode, direction, declarations, value_cny, value_usd)
SELECT zone_code, date_trunc('month', day)::date, zone_flow, trade_mode, direction,
       sum(declarations), sum(value_cny), sum(value_usd)
FROM zone_daily_totals
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO area_monthly_totals (month, zone_code, direction, declarations, value_cny, value_usd)
SELECT date_trunc('month', day)::date, zone_code, direction, sum(declarations), sum(value_cny), sum(value_usd)
FROM zone_daily_totals
GROUP BY 1, 2, 3;
