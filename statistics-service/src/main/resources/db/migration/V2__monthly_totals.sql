-- Narrow monthly totals, one table per breakdown, holding only what its queries group by. A query reads
-- the whole months of its range here and only the days at its cut ends from the daily tables, so a year
-- is a few thousand rows instead of the ~500,000 daily ones. Ingest writes them in the same transaction
-- as the daily tables, with the same signed deltas. A month is keyed by its first day; every primary key
-- leads with it, so a range of months is one index range scan.
CREATE TABLE national_monthly_totals (
    month         DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    direction     VARCHAR(6)     NOT NULL,
    via_zone      BOOLEAN        NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC(20, 2) NOT NULL,
    value_usd     NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (month, direction, via_zone)
);

CREATE TABLE partner_monthly_totals (
    month            DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    direction        VARCHAR(6)     NOT NULL,
    partner_country  CHAR(2)        NOT NULL,
    declarations     BIGINT         NOT NULL,
    value_cny        NUMERIC(20, 2) NOT NULL,
    value_usd        NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (month, direction, partner_country)
);

CREATE TABLE trade_mode_monthly_totals (
    month         DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    direction     VARCHAR(6)     NOT NULL,
    trade_mode    CHAR(4)        NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC(20, 2) NOT NULL,
    value_usd     NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (month, direction, trade_mode)
);

-- Counted per goods item, like commodity_daily_totals.
CREATE TABLE commodity_monthly_totals (
    month       DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    direction   VARCHAR(6)     NOT NULL,
    hs_chapter  CHAR(2)        NOT NULL,
    items       BIGINT         NOT NULL,
    value_cny   NUMERIC(20, 2) NOT NULL,
    value_usd   NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (month, direction, hs_chapter)
);

-- Every batch updates totals rows in place; free room on their pages lets PostgreSQL make HOT updates.
-- (Pages already written get the room only when rewritten, e.g. by VACUUM FULL.)
ALTER TABLE trade_daily_totals SET (fillfactor = 80);
ALTER TABLE commodity_daily_totals SET (fillfactor = 80);
ALTER TABLE national_monthly_totals SET (fillfactor = 80);
ALTER TABLE partner_monthly_totals SET (fillfactor = 80);
ALTER TABLE trade_mode_monthly_totals SET (fillfactor = 80);
ALTER TABLE commodity_monthly_totals SET (fillfactor = 80);

-- An upgraded database answers as before: the monthly rows are the daily ones summed by month. Flyway
-- runs this before the consumer starts, so no batch lands between the two.
INSERT INTO national_monthly_totals (month, direction, via_zone, declarations, value_cny, value_usd)
SELECT date_trunc('month', day)::date, direction, via_zone, sum(declarations), sum(value_cny), sum(value_usd)
FROM trade_daily_totals
GROUP BY 1, 2, 3;

INSERT INTO partner_monthly_totals (month, direction, partner_country, declarations, value_cny, value_usd)
SELECT date_trunc('month', day)::date, direction, partner_country, sum(declarations), sum(value_cny), sum(value_usd)
FROM trade_daily_totals
GROUP BY 1, 2, 3;

INSERT INTO trade_mode_monthly_totals (month, direction, trade_mode, declarations, value_cny, value_usd)
SELECT date_trunc('month', day)::date, direction, trade_mode, sum(declarations), sum(value_cny), sum(value_usd)
FROM trade_daily_totals
GROUP BY 1, 2, 3;

INSERT INTO commodity_monthly_totals (month, direction, hs_chapter, items, value_cny, value_usd)
SELECT date_trunc('month', day)::date, direction, hs_chapter, sum(items), sum(value_cny), sum(value_usd)
FROM commodity_daily_totals
GROUP BY 1, 2, 3;
