package dev.customs.statistics.totals;

import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Map;

/** National imports and exports over a date range, and how much of them passed through special areas. */
@ApplicationScoped
public class NationalTotalsService {

    /**
     * @param syntheticDeclarations how many of the declarations in {@code totals} are synthetic
     * @param zoneShare             the areas' first-line trade as a fraction of national trade, in CNY
     * @param zoneExportShare       the areas' first-line exports as a fraction of national exports, in CNY
     * @param zoneImportShare       the areas' first-line imports as a fraction of national imports, in CNY
     */
    public record NationalTotals(DateRange range, TradeTotals totals, long syntheticDeclarations, BigDecimal zoneShare,
                                 BigDecimal zoneExportShare, BigDecimal zoneImportShare) {
    }

    private final DailyTotalsQueries queries;

    public NationalTotalsService(DailyTotalsQueries queries) {
        this.queries = queries;
    }

    public NationalTotals totals(DateRange range) {
        DailyTotalsQueries.ViaZoneTotals sums = queries.byViaZone(range);
        Map<Boolean, TradeTotals> byViaZone = sums.byViaZone();
        TradeTotals national = TotalsMath.sum(byViaZone.values());
        TradeTotals viaZone = byViaZone.getOrDefault(true, TradeTotals.EMPTY);
        return new NationalTotals(range, national, sums.syntheticDeclarations(),
                TotalsMath.share(viaZone.totalCny(), national.totalCny()),
                TotalsMath.share(viaZone.exportCny(), national.exportCny()),
                TotalsMath.share(viaZone.importCny(), national.importCny()));
    }
}
