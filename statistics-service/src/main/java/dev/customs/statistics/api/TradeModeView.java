package dev.customs.statistics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.contract.reference.StatisticalRegime;
import dev.customs.statistics.totals.TradeModeTotalsService.TradeModeTotal;
import dev.customs.totals.TradeTotals;

/**
 * @param gacTradeMode     the GAC statistical trade mode the supervision mode is counted in (gac-trade-modes.csv)
 * @param gacTradeModeName its name
 * @param regime           the press-level roll-up of that GAC trade mode
 */
public record TradeModeView(String tradeMode, String name, String gacTradeMode, String gacTradeModeName,
                            StatisticalRegime regime, @JsonUnwrapped TradeTotals totals) {

    static TradeModeView of(TradeModeTotal m) {
        return new TradeModeView(m.tradeMode(), m.name(), m.gacTradeMode().code(), m.gacTradeMode().name(),
                m.gacTradeMode().rollup(), m.totals());
    }
}
