-- The authoritative exchange-rate table, CNY per unit of a currency for a month (stored as its first day).
-- Seeded at startup from the contract's exchange-rates.csv where rows are missing; operators load newly
-- published months through PUT /api/exchange-rates/{month}.
CREATE TABLE exchange_rates (
    month         DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    currency      CHAR(3)        NOT NULL,
    cny_per_unit  NUMERIC(18, 6) NOT NULL CHECK (cny_per_unit > 0),
    source        VARCHAR(100)   NOT NULL,
    loaded_at     TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (month, currency)
);

-- Which month's rates converted a declaration, and whether they were carried forward past the table.
-- Declarations filed before this migration were all converted at their own month's published rates.
ALTER TABLE declarations ADD COLUMN rate_month DATE;
ALTER TABLE declarations ADD COLUMN provisional_rate BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE declarations SET rate_month = date_trunc('month', declaration_date)::date;
