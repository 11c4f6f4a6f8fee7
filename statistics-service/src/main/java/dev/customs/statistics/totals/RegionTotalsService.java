package dev.customs.statistics.totals;

import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.RegionGroup;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Trade with each region group. The continents add up to the national total; the other groups overlap them
 * and each other (Vietnam is in Asia, ASEAN, RCEP and Belt and Road).
 */
@ApplicationScoped
public class RegionTotalsService {

    public record RegionTotal(String code, String name, boolean continent, TradeTotals totals) {
    }

    private final ReferenceData reference = ReferenceData.standard();
    private final DailyTotalsQueries queries;

    public RegionTotalsService(DailyTotalsQueries queries) {
        this.queries = queries;
    }

    /** Every group, in code order; a group without trade in the range has zeros. */
    public List<RegionTotal> totalsByRegion(DateRange range) {
        Map<String, TradeTotals> byPartner = queries.byPartner(range);
        return reference.regionGroups().stream()
                .map(group -> new RegionTotal(group.code(), group.name(), group.continent(), TotalsMath.sum(
                        byPartner.entrySet().stream()
                                .filter(partner -> isIn(partner.getKey(), group))
                                .map(Map.Entry::getValue)
                                .toList())))
                .toList();
    }

    private boolean isIn(String partnerCountry, RegionGroup group) {
        return reference.country(partnerCountry).map(c -> c.isIn(group.code())).orElse(false);
    }
}
