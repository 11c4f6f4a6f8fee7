-- Further breakdowns GAC publishes, each a narrow monthly table and a narrow daily table written by ingest in
-- the same transaction as the others, with the same signed deltas; queries read whole months from the monthly
-- table and cut days from the daily one, as for the other breakdowns.
--   enterprise_type / domestic_region: the declarant's type and its province's NBS region, looked up in the
--     enterprise register (contract reference enterprises.csv, provinces.csv) when the state is counted;
--     'UNKNOWN' for a declarant the register does not hold, so no batch ever fails on a code.
--   customs_district: the first two digits of the 4-digit customs office code (customs-districts.csv).
--   transport_mode: the declaration's transport mode code.
--   product_group: counted per goods item, like commodity totals; an item may be in both groups.
-- These rows start empty: declarations consumed before this migration are not in them until the totals are
-- rebuilt from the topic (rebuild-totals.sh), which fills every *_totals table alike.

CREATE TABLE enterprise_type_monthly_totals (
    month         DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    direction     VARCHAR(6)     NOT NULL,
    enterprise_type VARCHAR(16)    NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC        NOT NULL,
    value_usd     NUMERIC        NOT NULL,
    PRIMARY KEY (month, direction, enterprise_type)
);

CREATE TABLE enterprise_type_daily_totals (
    day           DATE           NOT NULL,
    direction     VARCHAR(6)     NOT NULL,
    enterprise_type VARCHAR(16)    NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC        NOT NULL,
    value_usd     NUMERIC        NOT NULL,
    PRIMARY KEY (day, direction, enterprise_type)
);

CREATE TABLE domestic_region_monthly_totals (
    month         DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    direction     VARCHAR(6)     NOT NULL,
    domestic_region VARCHAR(16)    NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC        NOT NULL,
    value_usd     NUMERIC        NOT NULL,
    PRIMARY KEY (month, direction, domestic_region)
);

CREATE TABLE domestic_region_daily_totals (
    day           DATE           NOT NULL,
    direction     VARCHAR(6)     NOT NULL,
    domestic_region VARCHAR(16)    NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC        NOT NULL,
    value_usd     NUMERIC        NOT NULL,
    PRIMARY KEY (day, direction, domestic_region)
);

CREATE TABLE customs_district_monthly_totals (
    month         DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    direction     VARCHAR(6)     NOT NULL,
    customs_district VARCHAR(16)    NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC        NOT NULL,
    value_usd     NUMERIC        NOT NULL,
    PRIMARY KEY (month, direction, customs_district)
);

CREATE TABLE customs_district_daily_totals (
    day           DATE           NOT NULL,
    direction     VARCHAR(6)     NOT NULL,
    customs_district VARCHAR(16)    NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC        NOT NULL,
    value_usd     NUMERIC        NOT NULL,
    PRIMARY KEY (day, direction, customs_district)
);

CREATE TABLE transport_mode_monthly_totals (
    month         DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    direction     VARCHAR(6)     NOT NULL,
    transport_mode VARCHAR(16)    NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC        NOT NULL,
    value_usd     NUMERIC        NOT NULL,
    PRIMARY KEY (month, direction, transport_mode)
);

CREATE TABLE transport_mode_daily_totals (
    day           DATE           NOT NULL,
    direction     VARCHAR(6)     NOT NULL,
    transport_mode VARCHAR(16)    NOT NULL,
    declarations  BIGINT         NOT NULL,
    value_cny     NUMERIC        NOT NULL,
    value_usd     NUMERIC        NOT NULL,
    PRIMARY KEY (day, direction, transport_mode)
);

CREATE TABLE product_group_monthly_totals (
    month         DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    direction     VARCHAR(6)     NOT NULL,
    product_group VARCHAR(24)    NOT NULL,
    items         BIGINT         NOT NULL,
    value_cny     NUMERIC        NOT NULL,
    value_usd     NUMERIC        NOT NULL,
    PRIMARY KEY (month, direction, product_group)
);

CREATE TABLE product_group_daily_totals (
    day           DATE           NOT NULL,
    direction     VARCHAR(6)     NOT NULL,
    product_group VARCHAR(24)    NOT NULL,
    items         BIGINT         NOT NULL,
    value_cny     NUMERIC        NOT NULL,
    value_usd     NUMERIC        NOT NULL,
    PRIMARY KEY (day, direction, product_group)
);

-- Updated in place by every batch, like the other totals tables.
ALTER TABLE enterprise_type_monthly_totals SET (fillfactor = 80);
ALTER TABLE enterprise_type_daily_totals SET (fillfactor = 80);
ALTER TABLE domestic_region_monthly_totals SET (fillfactor = 80);
ALTER TABLE domestic_region_daily_totals SET (fillfactor = 80);
ALTER TABLE customs_district_monthly_totals SET (fillfactor = 80);
ALTER TABLE customs_district_daily_totals SET (fillfactor = 80);
ALTER TABLE transport_mode_monthly_totals SET (fillfactor = 80);
ALTER TABLE transport_mode_daily_totals SET (fillfactor = 80);
ALTER TABLE product_group_monthly_totals SET (fillfactor = 80);
ALTER TABLE product_group_daily_totals SET (fillfactor = 80);
