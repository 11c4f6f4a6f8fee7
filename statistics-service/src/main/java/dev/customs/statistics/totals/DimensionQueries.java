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
 * others, with its statements: whole months from its monthly table, cut days from its daily table, in one statement.
 */
@ApplicationScoped
public class DimensionQueries {

    private final Map<Dimension, MonthSplitQuery> queries = new EnumMap<>(Dimension.class);
    private final AgroalDataSource dataSource;

    public DimensionQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        for (Dimension dimension : Dimension.values()) {
            String key = dimension.column();
            queries.put(dimension, new MonthSplitQuery(DailyTotalsQueries.SUM_BY_KEY,
                    DailyTotalsQueries.PART.formatted(key, key + "_monthly_totals", dimension.countColumn(), "month"),
                    DailyTotalsQueries.PART.formatted(key, key + "_daily_totals", dimension.countColumn(), "day")));
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
        for (MonthSplitQuery.Sum<String> row : queries.get(dimension).sums(dataSource, split, DailyTotalsQueries.KEY_COLUMNS,
                r -> r.getString(1))) {
            sums.compute(row.key(), (k, sum) -> (sum == null ? TradeTotals.EMPTY : sum)
                    .plus(row.direction(), row.count(), row.cny(), row.usd()));
        }
        return sums;
    }
}
