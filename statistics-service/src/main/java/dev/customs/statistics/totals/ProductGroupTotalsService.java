package dev.customs.statistics.totals;

import dev.customs.contract.reference.ProductGroup;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Trade in GAC's product groups (electromechanical, high-tech), counted per goods item; an item may be in
 * both groups, so the groups overlap and each share is of all national exports (or imports), not of the groups.
 */
@ApplicationScoped
public class ProductGroupTotalsService {

    /** The count in totals is of goods items. */
    public record GroupTotal(String code, String name, TradeTotals totals, BigDecimal shareOfExports,
                             BigDecimal shareOfImports) {
    }

    private final DimensionQueries queries;
    private final NationalTotalsService national;

    public ProductGroupTotalsService(DimensionQueries queries, NationalTotalsService national) {
        this.queries = queries;
        this.national = national;
    }

    /** Both groups, zeros included. */
    public List<GroupTotal> totals(DateRange range) {
        SortedMap<String, TradeTotals> byGroup = queries.byCode(Dimension.PRODUCT_GROUP, range);
        TradeTotals all = national.totals(range).totals();
        List<GroupTotal> groups = new ArrayList<>();
        for (ProductGroup group : ProductGroup.values()) {
            TradeTotals totals = byGroup.getOrDefault(group.name(), TradeTotals.EMPTY);
            groups.add(new GroupTotal(group.name(), group.label(), totals,
                    TotalsMath.share(totals.exportCny(), all.exportCny()),
                    TotalsMath.share(totals.importCny(), all.importCny())));
        }
        return groups;
    }
}
