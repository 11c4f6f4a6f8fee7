package dev.customs.statistics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.contract.reference.StatisticalRegime;
import dev.customs.statistics.totals.TradeModeTotalsService.TradeModeTotal;
import dev.customs.totals.TradeTotals;

public record TradeModeView(String tradeMode, String name, StatisticalRegime regime,
                            @JsonUnwrapped TradeTotals totals) {

    static TradeModeView of(TradeModeTotal m) {
        return new TradeModeView(m.tradeMode(), m.name(), m.regime(), m.totals());
    }
}
