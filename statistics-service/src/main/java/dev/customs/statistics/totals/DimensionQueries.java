package dev.customs.statistics.totals;

import dev.customs.totals.DateRange;
import dev.customs.totals.MonthSplit;
import dev.customs.totals.MonthSplitQuery;
import dev.customs.totals.TradeTotals;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sums a further breakdown's totals over a date range by its key, as {@link DailyTotalsQueries} does for the
 * others: whole months from its monthly table, cut days from its daily table, in one statement.
 */
@ApplicationScoped
public class DimensionQueries {

    // %1$s: the key column; %2$s: the table; %3$s: its count column; %4$s: its date column. Never user input.
    private static final String PART = """
            SELECT %1$s AS k, direction, %3$s AS n, value_cny AS cny, value_usd AS usd
            FROM %2$s WHERE %4$s BETWEEN ? AND ?""";
    private static final String SUM_BY_KEY = """
            SELECT k, direction, sum(n), sum(cny), sum(usd)
            FROM (%s) parts
            GROUP BY k, direction
            HAVING sum(n) <> 0""";
    private static final int KEY_COLUMNS = 1;

    private final Map<Dimension, MonthSplitQuery> queries = new EnumMap<>(Dimension.class);
    private final AgroalDataSource dataSource;

    public DimensionQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        for (Dimension dimension : Dimension.values()) {
            String key = dimension.column();
            queries.put(dimension, new MonthSplitQuery(SUM_BY_KEY,
                    PART.formatted(key, key + "_monthly_totals", dimension.countColumn(), "month"),
                    PART.formatted(key, key + "_daily_totals", dimension.countColumn(), "day")));
        }
    }

    public SortedMap<String, TradeTotals> byCode(Dimension dimension, DateRange range) {
        return sum(dimension, MonthSplit.of(range));
    }

    /** Takes dates rather than a range so a caller can ask for the same period a year earlier. */
    public SortedMap<String, TradeTotals> byCode(Dimension dimension, LocalDate from, LocalDate to) {
        return sum(dimension, MonthSplit.of(from, to));
    }

    private SortedMap<String, TradeTotals> sum(Dimension dimension, MonthSplit split) {
        SortedMap<String, TradeTotals> sums = new TreeMap<>();
        for (MonthSplitQuery.Sum<String> row : queries.get(dimension).sums(dataSource, split, KEY_COLUMNS,
                r -> r.getString(1))) {
            sums.compute(row.key(), (k, sum) -> (sum == null ? TradeTotals.EMPTY : sum)
                    .plus(row.direction(), row.count(), row.cny(), row.usd()));
        }
        return sums;
    }
}
