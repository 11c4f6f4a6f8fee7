package dev.customs.zone.totals;

import dev.customs.totals.DateRange;
import dev.customs.totals.TradeSeries;
import dev.customs.zone.config.ZoneApiConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** One area's trade month by month, with total CNY growth on the same days a year and a month earlier. */
@ApplicationScoped
public class ZoneSeries {

    private final ZoneTotalsService totals;
    private final ZoneApiConfig config;

    public ZoneSeries(ZoneTotalsService totals, ZoneApiConfig config) {
        this.totals = totals;
        this.config = config;
    }

    public List<TradeSeries.Point> monthly(String zoneCode, DateRange range) {
        return TradeSeries.monthly(range, (from, to) -> totals.byMonth(zoneCode, from, to), config.maxSeriesMonths());
    }
}
