-- Totals money columns without a precision limit. NUMERIC(20,2) holds 10^18: enough valid declarations
-- on one key (each may be worth up to CNY 10^15) would overflow a row, and a write that overflows fails
-- for every retry, stopping the consumer. Unconstrained NUMERIC has no such ceiling; ingest still writes
-- every amount with two fractional digits (KeyedAmounts), so sums keep the cent scale the API shows.
-- Dropping a numeric's precision without changing its values rewrites no table and no index.
ALTER TABLE trade_daily_totals ALTER COLUMN value_cny TYPE NUMERIC, ALTER COLUMN value_usd TYPE NUMERIC;
ALTER TABLE commodity_daily_totals ALTER COLUMN value_cny TYPE NUMERIC, ALTER COLUMN value_usd TYPE NUMERIC;
ALTER TABLE national_monthly_totals ALTER COLUMN value_cny TYPE NUMERIC, ALTER COLUMN value_usd TYPE NUMERIC;
ALTER TABLE partner_monthly_totals ALTER COLUMN value_cny TYPE NUMERIC, ALTER COLUMN value_usd TYPE NUMERIC;
ALTER TABLE trade_mode_monthly_totals ALTER COLUMN value_cny TYPE NUMERIC, ALTER COLUMN value_usd TYPE NUMERIC;
ALTER TABLE commodity_monthly_totals ALTER COLUMN value_cny TYPE NUMERIC, ALTER COLUMN value_usd TYPE NUMERIC;
ALTER TABLE national_daily_totals ALTER COLUMN value_cny TYPE NUMERIC, ALTER COLUMN value_usd TYPE NUMERIC;
