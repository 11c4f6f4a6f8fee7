package dev.customs.statistics.totals;

import dev.customs.contract.event.Direction;
import dev.customs.contract.rest.DateRange;
import dev.customs.contract.rest.TradeTotals;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sums the pre-aggregated daily rows over a date range, grouped by one key, in SQL. Groups whose
 * contributions were all withdrawn (amended elsewhere or cancelled) are left out rather than shown as zeros.
 * Every answer is sorted by key.
 */
@ApplicationScoped
public class DailyTotalsQueries {

    // %1$s: the key expression(s); %2$s: the entity; %3$s: its count column. Never user input.
    private static final String SUM_BY_KEY = """
            select %1$s, t.id.direction, sum(t.%3$s), sum(t.valueCny), sum(t.valueUsd)
            from %2$s t
            where t.id.day between :from and :to
            group by %1$s, t.id.direction
            having sum(t.%3$s) <> 0""";

    private static final String TRADE = "TradeDailyTotal";
    private static final String TRADE_COUNT = "declarations";
    private static final String COMMODITY = "CommodityDailyTotal";
    private static final String COMMODITY_COUNT = "items";

    /** Keyed by whether the trade was an area's first-line trade. */
    public SortedMap<Boolean, TradeTotals> byViaZone(DateRange range) {
        return sumBy(TRADE, TRADE_COUNT, "t.id.viaZone", range.fromOrMin(), range.toOrMax(), row -> (Boolean) row[0]);
    }

    public SortedMap<String, TradeTotals> byPartner(DateRange range) {
        return sumBy(TRADE, TRADE_COUNT, "t.id.partnerCountry", range.fromOrMin(), range.toOrMax(), row -> (String) row[0]);
    }

    public SortedMap<String, TradeTotals> byTradeMode(DateRange range) {
        return sumBy(TRADE, TRADE_COUNT, "t.id.tradeMode", range.fromOrMin(), range.toOrMax(), row -> (String) row[0]);
    }

    /** By two-digit HS chapter; the count in each {@link TradeTotals} is of goods items, not declarations. */
    public SortedMap<String, TradeTotals> byChapter(DateRange range) {
        return sumBy(COMMODITY, COMMODITY_COUNT, "t.id.hsChapter", range.fromOrMin(), range.toOrMax(),
                row -> (String) row[0]);
    }

    /** Takes dates rather than a range so a caller can ask for the same period a year earlier. */
    public SortedMap<YearMonth, TradeTotals> byMonth(LocalDate from, LocalDate to) {
        return sumBy(TRADE, TRADE_COUNT, "year(t.id.day), month(t.id.day)", from, to,
                row -> YearMonth.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue()));
    }

    private static <K> SortedMap<K, TradeTotals> sumBy(String entity, String countColumn, String key, LocalDate from,
                                                 LocalDate to, Function<Object[], K> keyOf) {
        List<Object[]> rows = Panache.getEntityManager()
                .createQuery(SUM_BY_KEY.formatted(key, entity, countColumn), Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        SortedMap<K, TradeTotals> sums = new TreeMap<>();
        for (Object[] row : rows) {
            int n = row.length;
            Direction direction = (Direction) row[n - 4];
            long count = ((Number) row[n - 3]).longValue();
            BigDecimal cny = (BigDecimal) row[n - 2];
            BigDecimal usd = (BigDecimal) row[n - 1];
            sums.compute(keyOf.apply(row), (k, sum) -> (sum == null ? TradeTotals.EMPTY : sum).plus(direction, count, cny, usd));
        }
        return sums;
    }
}
