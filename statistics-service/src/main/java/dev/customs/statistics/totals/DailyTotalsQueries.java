package dev.customs.statistics.totals;

import dev.customs.totals.DateRange;
import dev.customs.totals.MonthSplit;
import dev.customs.totals.MonthSplitQuery;
import dev.customs.totals.TradeTotals;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sums the pre-aggregated totals over a date range, grouped by one key, in SQL: the range's whole months
 * from the narrow monthly table of that breakdown, the days at its cut ends from the daily table (see
 * {@link MonthSplit}). Groups whose contributions were all withdrawn (amended elsewhere or cancelled) are
 * left out rather than shown as zeros. Every answer is sorted by key.
 */
@ApplicationScoped
public class DailyTotalsQueries {

    // %1$s: the key expression; %2$s: the table; %3$s: its count column; %4$s: its date column. Never user input.
    static final String PART = """
            SELECT %1$s AS k, direction, %3$s AS n, value_cny AS cny, value_usd AS usd
            FROM %2$s WHERE %4$s BETWEEN ? AND ?""";
    // HAVING sees both sources' sums together: a group is left out only when it nets to nothing over the range.
    static final String SUM_BY_KEY = """
            SELECT k, direction, sum(n), sum(cny), sum(usd)
            FROM (%s) parts
            GROUP BY k, direction
            HAVING sum(n) <> 0""";

    /** Every breakdown groups by one key column. */
    static final int KEY_COLUMNS = 1;

    private static final String TRADE_DAILY = "trade_daily_totals";
    private static final String NATIONAL_DAILY = "national_daily_totals";
    private static final String COMMODITY_DAILY = "commodity_daily_totals";
    private static final String DECLARATIONS = "declarations";
    private static final String ITEMS = "items";
    private static final String DAY = "day";
    private static final String MONTH = "month";

    // Also sums the synthetic declarations, last, after what MonthSplitQuery.Sum reads.
    private static final MonthSplitQuery BY_VIA_ZONE = new MonthSplitQuery("""
            SELECT k, direction, sum(n), sum(cny), sum(usd), sum(synthetic)
            FROM (%s) parts
            GROUP BY k, direction
            HAVING sum(n) <> 0""", """
            SELECT via_zone AS k, direction, declarations AS n, value_cny AS cny, value_usd AS usd,
                   synthetic_declarations AS synthetic
            FROM national_monthly_totals WHERE month BETWEEN ? AND ?""", """
            SELECT via_zone AS k, direction, declarations AS n, value_cny AS cny, value_usd AS usd,
                   synthetic_declarations AS synthetic
            FROM national_daily_totals WHERE day BETWEEN ? AND ?""");
    private static final int VIA_ZONE_SYNTHETIC_COLUMN = 6;
    private static final MonthSplitQuery BY_PARTNER =
            sumBy("partner_country", "partner_monthly_totals", "partner_country", TRADE_DAILY, DECLARATIONS);
    private static final MonthSplitQuery BY_TRADE_MODE =
            sumBy("trade_mode", "trade_mode_monthly_totals", "trade_mode", TRADE_DAILY, DECLARATIONS);
    private static final MonthSplitQuery BY_CHAPTER =
            sumBy("hs_chapter", "commodity_monthly_totals", "hs_chapter", COMMODITY_DAILY, ITEMS);
    // Months in both sources are their first day, so the sums of one month meet in one group.
    private static final MonthSplitQuery BY_MONTH =
            sumBy(MONTH, "national_monthly_totals", "date_trunc('month', day)::date", NATIONAL_DAILY, DECLARATIONS);

    private final AgroalDataSource dataSource;

    public DailyTotalsQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * National totals keyed by whether the trade was an area's first-line trade, and how many of all their
     * declarations are synthetic.
     */
    public record ViaZoneTotals(SortedMap<Boolean, TradeTotals> byViaZone, long syntheticDeclarations) {
    }

    private record ViaZoneSum(MonthSplitQuery.Sum<Boolean> sum, long synthetic) {
    }

    public ViaZoneTotals byViaZone(DateRange range) {
        SortedMap<Boolean, TradeTotals> byViaZone = new TreeMap<>();
        long synthetic = 0;
        for (ViaZoneSum row : BY_VIA_ZONE.rows(dataSource, MonthSplit.of(range), row -> new ViaZoneSum(
                MonthSplitQuery.Sum.read(row, KEY_COLUMNS, r -> r.getBoolean(1)), row.getLong(VIA_ZONE_SYNTHETIC_COLUMN)))) {
            MonthSplitQuery.Sum<Boolean> sum = row.sum();
            byViaZone.compute(sum.key(), (k, totals) -> (totals == null ? TradeTotals.EMPTY : totals)
                    .plus(sum.direction(), sum.count(), sum.cny(), sum.usd()));
            synthetic += row.synthetic();
        }
        return new ViaZoneTotals(byViaZone, synthetic);
    }

    public SortedMap<String, TradeTotals> byPartner(DateRange range) {
        return sum(BY_PARTNER, MonthSplit.of(range), row -> row.getString(1));
    }

    public SortedMap<String, TradeTotals> byTradeMode(DateRange range) {
        return sum(BY_TRADE_MODE, MonthSplit.of(range), row -> row.getString(1));
    }

    /** By two-digit HS chapter; the count in each {@link TradeTotals} is of goods items, not declarations. */
    public SortedMap<String, TradeTotals> byChapter(DateRange range) {
        return sum(BY_CHAPTER, MonthSplit.of(range), row -> row.getString(1));
    }

    /** Takes dates rather than a range so a caller can ask for the same period a year earlier. */
    public SortedMap<YearMonth, TradeTotals> byMonth(LocalDate from, LocalDate to) {
        return sum(BY_MONTH, MonthSplit.of(from, to), row -> YearMonth.from(row.getObject(1, LocalDate.class)));
    }

    private static MonthSplitQuery sumBy(String monthlyKey, String monthlyTable, String dailyKey, String dailyTable,
                                         String countColumn) {
        return new MonthSplitQuery(SUM_BY_KEY,
                PART.formatted(monthlyKey, monthlyTable, countColumn, MONTH),
                PART.formatted(dailyKey, dailyTable, countColumn, DAY));
    }

    private <K> SortedMap<K, TradeTotals> sum(MonthSplitQuery query, MonthSplit split,
                                              MonthSplitQuery.KeyReader<K> keyOf) {
        SortedMap<K, TradeTotals> sums = new TreeMap<>();
        for (MonthSplitQuery.Sum<K> row : query.sums(dataSource, split, KEY_COLUMNS, keyOf)) {
            sums.compute(row.key(), (k, sum) -> (sum == null ? TradeTotals.EMPTY : sum)
                    .plus(row.direction(), row.count(), row.cny(), row.usd()));
        }
        return sums;
    }
}
