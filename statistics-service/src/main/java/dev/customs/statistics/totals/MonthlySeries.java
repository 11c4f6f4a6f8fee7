package dev.customs.statistics.totals;

import dev.customs.contract.rest.DateRange;
import dev.customs.contract.rest.ProblemException;
import dev.customs.contract.rest.TradeTotals;
import dev.customs.statistics.config.StatisticsApiConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** National trade month by month, with growth on the same period a year earlier. */
@ApplicationScoped
public class MonthlySeries {

    /** @param yoyTotalCny total CNY against the same month a year earlier, minus 1; null when that was zero */
    public record Point(YearMonth month, TradeTotals totals, BigDecimal yoyTotalCny) {
    }

    private final DailyTotalsQueries queries;
    private final StatisticsApiConfig config;

    public MonthlySeries(DailyTotalsQueries queries, StatisticsApiConfig config) {
        this.queries = queries;
        this.config = config;
    }

    /**
     * Every month from {@code from} (or the first month with data) to {@code to} (or the last), zeros
     * included, so a chart has no gaps.
     */
    public List<Point> monthly(DateRange range) {
        SortedMap<YearMonth, TradeTotals> current = queries.byMonth(range.fromOrMin(), range.toOrMax());
        YearMonth first = range.from() != null ? YearMonth.from(range.from()) : current.isEmpty() ? null : current.firstKey();
        YearMonth last = range.to() != null ? YearMonth.from(range.to()) : current.isEmpty() ? null : current.lastKey();
        if (first == null && last == null) {
            return List.of();
        }
        first = first == null ? last : first;
        last = last == null ? first : last;
        long months = first.until(last, ChronoUnit.MONTHS) + 1;
        if (months > config.maxSeriesMonths()) {
            throw ProblemException.badParameter("from", "the series would have " + months
                    + " months; at most " + config.maxSeriesMonths() + ", narrow from and to");
        }
        // The same days a year earlier, so a partial first or last month compares like with like.
        Map<YearMonth, TradeTotals> yearEarlier = queries.byMonth(range.fromOrMin().minusYears(1),
                range.toOrMax().minusYears(1));
        List<Point> series = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            TradeTotals now = current.getOrDefault(month, TradeTotals.EMPTY);
            TradeTotals before = yearEarlier.getOrDefault(month.minusYears(1), TradeTotals.EMPTY);
            series.add(new Point(month, now, TotalsMath.growth(now.totalCny(), before.totalCny())));
        }
        return series;
    }
}
