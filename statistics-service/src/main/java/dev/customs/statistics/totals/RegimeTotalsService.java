package dev.customs.statistics.totals;

import dev.customs.contract.reference.GacTradeMode;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.StatisticalRegime;
import dev.customs.contract.reference.TradeMode;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * National trade by GAC statistical trade mode and by its press-level roll-up (general trade, processing
 * trade, bonded logistics, other): each supervision mode counted in the GAC trade mode trade-modes.csv gives it.
 */
@ApplicationScoped
public class RegimeTotalsService {

    public record RegimeTotal(StatisticalRegime regime, TradeTotals totals) {
    }

    public record GacTradeModeTotal(GacTradeMode gacTradeMode, TradeTotals totals) {
    }

    private final ReferenceData reference = ReferenceData.standard();
    private final DailyTotalsQueries queries;

    public RegimeTotalsService(DailyTotalsQueries queries) {
        this.queries = queries;
    }

    /** Every roll-up in the order GAC's releases list them, zeros for those without trade. */
    public List<RegimeTotal> totalsByRegime(DateRange range) {
        Map<StatisticalRegime, List<TradeTotals>> parts = new EnumMap<>(StatisticalRegime.class);
        for (StatisticalRegime regime : StatisticalRegime.values()) {
            parts.put(regime, new ArrayList<>());
        }
        queries.byTradeMode(range).forEach((code, totals) -> parts.get(mode(code).regime()).add(totals));
        return parts.entrySet().stream().map(e -> new RegimeTotal(e.getKey(), TotalsMath.sum(e.getValue()))).toList();
    }

    /** Every GAC statistical trade mode in code order, zeros for those without trade. */
    public List<GacTradeModeTotal> totalsByGacTradeMode(DateRange range) {
        Map<String, List<TradeTotals>> parts = new LinkedHashMap<>();
        for (GacTradeMode mode : reference.gacTradeModes()) {
            parts.put(mode.code(), new ArrayList<>());
        }
        queries.byTradeMode(range).forEach((code, totals) -> parts.get(mode(code).gacTradeMode().code()).add(totals));
        return reference.gacTradeModes().stream()
                .map(mode -> new GacTradeModeTotal(mode, TotalsMath.sum(parts.get(mode.code())))).toList();
    }

    private TradeMode mode(String code) {
        return reference.tradeMode(code).orElseThrow(() -> new IllegalStateException("unknown supervision mode " + code));
    }
}
