package dev.customs.statistics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.statistics.totals.DimensionTotalsService;
import dev.customs.totals.TradeTotals;

import java.math.BigDecimal;

/** One code of a further breakdown; share is of national trade (total CNY), 4 decimals. */
public record DimensionView(String code, String name, BigDecimal share, @JsonUnwrapped TradeTotals totals) {

    static DimensionView of(DimensionTotalsService.Row row) {
        return new DimensionView(row.code(), row.name(), row.share(), row.totals());
    }
}
