-- Areas as administrators read them (GAC's area figures are first-line trade with abroad): rankings and
-- concentration by flow, and per-area partner and commodity breakdowns. Ingest writes every table here in
-- the same transaction, with the same signed deltas, as the totals of V1-V3.

-- Every area at once by flow (rankings, rollups, concentration on first-line trade): the key leads with
-- the month, as area_monthly_totals, which keeps answering all flows together.
CREATE TABLE area_flow_monthly_totals (
    month         DATE        NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    zone_code     CHAR(4)     NOT NULL,
    zone_flow     VARCHAR(12) NOT NULL,
    direction     VARCHAR(6)  NOT NULL,
    declarations  BIGINT      NOT NULL,
    value_cny     NUMERIC     NOT NULL,
    value_usd     NUMERIC     NOT NULL,
    PRIMARY KEY (month, zone_code, zone_flow, direction)
);

-- The cut days of a range are read from zone_daily_totals for one flow across all areas.
CREATE INDEX zone_daily_totals_day_flow ON zone_daily_totals (day, zone_flow);

-- An upgraded database answers as before: the flow rows are the monthly area rows summed without the mode.
INSERT INTO area_flow_monthly_totals (month, zone_code, zone_flow, direction, declarations, value_cny, value_usd)
SELECT month, zone_code, zone_flow, direction, sum(declarations), sum(value_cny), sum(value_usd)
FROM zone_monthly_totals
GROUP BY 1, 2, 3, 4;

-- One area's trade by partner country. First line only: on the second line the other side is the domestic
-- market and intra-zone moves stay inside the customs territory, so only first-line trade has a partner
-- abroad in GAC's sense. Declarations counted per partner.
CREATE TABLE zone_partner_daily_totals (
    zone_code       CHAR(4)    NOT NULL,
    day             DATE       NOT NULL,
    partner_country TEXT       NOT NULL,
    direction       VARCHAR(6) NOT NULL,
    declarations    BIGINT     NOT NULL,
    value_cny       NUMERIC    NOT NULL,
    value_usd       NUMERIC    NOT NULL,
    PRIMARY KEY (zone_code, day, partner_country, direction)
);

CREATE TABLE zone_partner_monthly_totals (
    zone_code       CHAR(4)    NOT NULL,
    month           DATE       NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    partner_country TEXT       NOT NULL,
    direction       VARCHAR(6) NOT NULL,
    declarations    BIGINT     NOT NULL,
    value_cny       NUMERIC    NOT NULL,
    value_usd       NUMERIC    NOT NULL,
    PRIMARY KEY (zone_code, month, partner_country, direction)
);

-- One area's goods by HS chapter (the first two digits of each item's code) and flow, so a caller can ask
-- for first-line goods (the default) or any flow. Items counted, as statistics-service counts them.
CREATE TABLE zone_chapter_daily_totals (
    zone_code   CHAR(4)     NOT NULL,
    day         DATE        NOT NULL,
    zone_flow   VARCHAR(12) NOT NULL,
    hs_chapter  CHAR(2)     NOT NULL,
    direction   VARCHAR(6)  NOT NULL,
    items       BIGINT      NOT NULL,
    value_cny   NUMERIC     NOT NULL,
    value_usd   NUMERIC     NOT NULL,
    PRIMARY KEY (zone_code, day, zone_flow, hs_chapter, direction)
);

CREATE TABLE zone_chapter_monthly_totals (
    zone_code   CHAR(4)     NOT NULL,
    month       DATE        NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    zone_flow   VARCHAR(12) NOT NULL,
    hs_chapter  CHAR(2)     NOT NULL,
    direction   VARCHAR(6)  NOT NULL,
    items       BIGINT      NOT NULL,
    value_cny   NUMERIC     NOT NULL,
    value_usd   NUMERIC     NOT NULL,
    PRIMARY KEY (zone_code, month, zone_flow, hs_chapter, direction)
);

ALTER TABLE area_flow_monthly_totals SET (fillfactor = 80);
ALTER TABLE zone_partner_daily_totals SET (fillfactor = 80);
ALTER TABLE zone_partner_monthly_totals SET (fillfactor = 80);
ALTER TABLE zone_chapter_daily_totals SET (fillfactor = 80);
ALTER TABLE zone_chapter_monthly_totals SET (fillfactor = 80);

-- Partner and chapter rows cannot be derived from the totals already kept (they carry neither); an upgraded
-- database gets them for declarations already applied by rebuilding the service's totals from the topic
-- (rebuild-totals.sh zone-service), which empties these tables with the others.

-- The register's supervising customs office and the source of each row (reference/zones.csv).
ALTER TABLE zones ADD COLUMN customs_office CHAR(4);
ALTER TABLE zones ADD COLUMN source VARCHAR(300);
