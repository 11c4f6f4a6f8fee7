package dev.customs.statistics.api;

import dev.customs.statistics.totals.CommodityTotalsService.CommodityTotal;

import java.math.BigDecimal;

/** Counts goods items rather than declarations, so the count is named for what it is. */
public record CommodityView(String code, String title, long items,
                            BigDecimal importCny, BigDecimal exportCny, BigDecimal totalCny,
                            BigDecimal importUsd, BigDecimal exportUsd, BigDecimal totalUsd) {

    static CommodityView of(CommodityTotal c) {
        var t = c.totals();
        return new CommodityView(c.code(), c.title(), t.declarations(), t.importCny(), t.exportCny(), t.totalCny(),
                t.importUsd(), t.exportUsd(), t.totalUsd());
    }
}
