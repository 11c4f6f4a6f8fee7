package dev.customs.zone.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.totals.TradeSeries;
import dev.customs.totals.TradeTotals;

import java.math.BigDecimal;
import java.time.YearMonth;

public record ZoneSeriesPointView(YearMonth month, @JsonUnwrapped TradeTotals totals, BigDecimal yoyTotalCny,
                                  BigDecimal momTotalCny) {

    static ZoneSeriesPointView of(TradeSeries.Point p) {
        return new ZoneSeriesPointView(p.month(), p.totals(), p.yoyTotalCny(), p.momTotalCny());
    }
}
