package dev.customs.statistics.totals;

import dev.customs.statistics.config.StatisticsApiConfig;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeSeries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** National trade month by month, with growth on the same days a year and a month earlier. */
@ApplicationScoped
public class MonthlySeries {

    private final DailyTotalsQueries queries;
    private final StatisticsApiConfig config;

    public MonthlySeries(DailyTotalsQueries queries, StatisticsApiConfig config) {
        this.queries = queries;
        this.config = config;
    }

    public List<TradeSeries.Point> monthly(DateRange range) {
        return TradeSeries.monthly(range, queries::byMonth, config.maxSeriesMonths());
    }
}
