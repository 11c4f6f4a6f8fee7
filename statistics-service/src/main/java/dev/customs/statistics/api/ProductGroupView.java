package dev.customs.statistics.api;

import dev.customs.statistics.totals.ProductGroupTotalsService.GroupTotal;

import java.math.BigDecimal;

/** Counts goods items; shares are of all national exports and imports (4 decimals), as the groups overlap. */
public record ProductGroupView(String code, String name, long items,
                               BigDecimal importCny, BigDecimal exportCny, BigDecimal totalCny,
                               BigDecimal importUsd, BigDecimal exportUsd, BigDecimal totalUsd,
                               BigDecimal shareOfExports, BigDecimal shareOfImports) {

    static ProductGroupView of(GroupTotal g) {
        var t = g.totals();
        return new ProductGroupView(g.code(), g.name(), t.declarations(), t.importCny(), t.exportCny(), t.totalCny(),
                t.importUsd(), t.exportUsd(), t.totalUsd(), g.shareOfExports(), g.shareOfImports());
    }
}
