package dev.customs.statistics.totals;

import dev.customs.contract.reference.GacTradeMode;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.TradeMode;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * National trade by supervision mode, in code order, only for modes with trade; each with the GAC statistical
 * trade mode it is counted in. Modes outside trade statistics never reach national totals, so they are not listed.
 */
@ApplicationScoped
public class TradeModeTotalsService {

    public record TradeModeTotal(String tradeMode, String name, GacTradeMode gacTradeMode, TradeTotals totals) {
    }

    private final ReferenceData reference = ReferenceData.standard();
    private final DailyTotalsQueries queries;

    public TradeModeTotalsService(DailyTotalsQueries queries) {
        this.queries = queries;
    }

    public List<TradeModeTotal> totalsByTradeMode(DateRange range) {
        return queries.byTradeMode(range).entrySet().stream()
                .map(e -> {
                    TradeMode mode = reference.tradeMode(e.getKey()).orElseThrow(() ->
                            new IllegalStateException("unknown supervision mode " + e.getKey()));
                    return new TradeModeTotal(mode.code(), mode.name(), mode.gacTradeMode(), e.getValue());
                })
                .toList();
    }
}
