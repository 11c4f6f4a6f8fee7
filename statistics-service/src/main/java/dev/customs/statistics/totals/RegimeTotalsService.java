package dev.customs.statistics.totals;

import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.StatisticalRegime;
import dev.customs.contract.reference.TradeMode;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** National trade by statistical regime (each supervision mode mapped to its regime, as GAC groups them). */
@ApplicationScoped
public class RegimeTotalsService {

    public record RegimeTotal(StatisticalRegime regime, TradeTotals totals) {
    }

    private final ReferenceData reference = ReferenceData.standard();
    private final DailyTotalsQueries queries;

    public RegimeTotalsService(DailyTotalsQueries queries) {
        this.queries = queries;
    }

    /** Every regime in the order GAC lists them, zeros for regimes without trade. */
    public List<RegimeTotal> totalsByRegime(DateRange range) {
        Map<StatisticalRegime, List<TradeTotals>> parts = new EnumMap<>(StatisticalRegime.class);
        for (StatisticalRegime regime : StatisticalRegime.values()) {
            parts.put(regime, new ArrayList<>());
        }
        queries.byTradeMode(range).forEach((code, totals) -> {
            StatisticalRegime regime = reference.tradeMode(code).map(TradeMode::regime).orElseThrow(() ->
                    new IllegalStateException("unknown supervision mode " + code));
            parts.get(regime).add(totals);
        });
        return parts.entrySet().stream().map(e -> new RegimeTotal(e.getKey(), TotalsMath.sum(e.getValue()))).toList();
    }
}
