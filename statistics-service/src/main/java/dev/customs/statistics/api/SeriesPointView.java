package dev.customs.statistics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.totals.TradeSeries;
import dev.customs.totals.TradeTotals;

import java.math.BigDecimal;
import java.time.YearMonth;

public record SeriesPointView(YearMonth month, @JsonUnwrapped TradeTotals totals, BigDecimal yoyTotalCny,
                              BigDecimal momTotalCny) {

    static SeriesPointView of(TradeSeries.Point p) {
        return new SeriesPointView(p.month(), p.totals(), p.yoyTotalCny(), p.momTotalCny());
    }
}
