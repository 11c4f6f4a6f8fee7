package dev.customs.statistics.totals;

import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Map;

/** National imports and exports over a date range, and how much of them passed through special areas. */
@ApplicationScoped
public class NationalTotalsService {

    /** @param zoneShare the areas' first-line trade as a fraction of national trade, in CNY */
    public record NationalTotals(DateRange range, TradeTotals totals, BigDecimal zoneShare) {
    }

    private final DailyTotalsQueries queries;

    public NationalTotalsService(DailyTotalsQueries queries) {
        this.queries = queries;
    }

    public NationalTotals totals(DateRange range) {
        Map<Boolean, TradeTotals> byViaZone = queries.byViaZone(range);
        TradeTotals national = TotalsMath.sum(byViaZone.values());
        TradeTotals viaZone = byViaZone.getOrDefault(true, TradeTotals.EMPTY);
        return new NationalTotals(range, national, TotalsMath.share(viaZone.totalCny(), national.totalCny()));
    }
}
