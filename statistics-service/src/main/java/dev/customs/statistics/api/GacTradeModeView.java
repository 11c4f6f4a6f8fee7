package dev.customs.statistics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.contract.reference.StatisticalRegime;
import dev.customs.statistics.totals.RegimeTotalsService.GacTradeModeTotal;
import dev.customs.totals.TradeTotals;

/** One GAC statistical trade mode with its press-level roll-up. */
public record GacTradeModeView(String gacTradeMode, String name, StatisticalRegime regime,
                               @JsonUnwrapped TradeTotals totals) {

    static GacTradeModeView of(GacTradeModeTotal m) {
        return new GacTradeModeView(m.gacTradeMode().code(), m.gacTradeMode().name(), m.gacTradeMode().rollup(),
                m.totals());
    }
}
