package dev.customs.statistics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.contract.reference.StatisticalRegime;
import dev.customs.statistics.totals.RegimeTotalsService.RegimeTotal;
import dev.customs.totals.TradeTotals;

public record RegimeView(StatisticalRegime regime, @JsonUnwrapped TradeTotals totals) {

    static RegimeView of(RegimeTotal r) {
        return new RegimeView(r.regime(), r.totals());
    }
}
