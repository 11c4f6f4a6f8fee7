-- National totals by day alone. Ranges cut inside a month read their cut days from the daily tables; for
-- national totals and the series that meant grouping about 1,400 rows of trade_daily_totals a day (every
-- partner and trade mode) down to four. This table holds just those four. Ingest writes it in the same
-- transaction as the others, with the same signed deltas.
CREATE TABLE national_daily_totals (
    day           DATE           NOT NULL,
    direction     VARCHAR(6)     NOT NULL,
    via_zone      BOOLEAN        NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC(20, 2) NOT NULL,
    value_usd     NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (day, direction, via_zone)
);

ALTER TABLE national_daily_totals SET (fillfactor = 80);

-- An upgraded database answers as before. Flyway runs this before the consumer starts.
INSERT INTO national_daily_totals (day, direction, via_zone, declarations, value_cny, value_usd)
SELECT day, direction, via_zone, sum(declarations), sum(value_cny), sum(value_usd)
FROM trade_daily_totals
GROUP BY 1, 2, 3;
