-- National totals leave out supervision modes that do not count in trade statistics (trade-modes.csv,
-- column statistics: EXCLUDED or SINGLE_ITEM). Declarations stored before that rule are brought in line, so
-- that the summary of the store agrees with the consumers' national totals. Only the modes whose flows cross
-- the border need it (2600, 3100, 4561, 1371, and 1200 and 5300 as earlier declared on the first line).
UPDATE declarations
   SET counts_nationally = false
 WHERE counts_nationally
   AND (state::jsonb ->> 'tradeMode') IN ('2600', '3100', '4561', '1371', '1200', '5300');
