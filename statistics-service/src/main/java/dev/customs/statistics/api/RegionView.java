package dev.customs.statistics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.statistics.totals.RegionTotalsService.RegionTotal;
import dev.customs.totals.TradeTotals;

public record RegionView(String code, String name, boolean continent, @JsonUnwrapped TradeTotals totals) {

    static RegionView of(RegionTotal r) {
        return new RegionView(r.code(), r.name(), r.continent(), r.totals());
    }
}
