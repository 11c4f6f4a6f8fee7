package dev.customs.zone.api;

import dev.customs.zone.totals.ZoneBreakdowns;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** One row of {@code GET /api/zones/{code}/commodities}: an HS chapter's goods in the area's flow. */
public record AreaCommodityView(
        @Schema(description = "HS chapter: the first two digits of the items' commodity codes", example = "85")
        String hsChapter,
        @Schema(description = "How many goods items (not declarations) of the chapter", example = "42") long items,
        BigDecimal importCny,
        BigDecimal exportCny,
        BigDecimal totalCny,
        BigDecimal importUsd,
        BigDecimal exportUsd,
        BigDecimal totalUsd,
        @Schema(description = "Share of the area's total CNY in the flow, a fraction with 4 decimals", example = "0.1234")
        BigDecimal share) {

    static AreaCommodityView of(ZoneBreakdowns.Row row) {
        var t = row.totals();
        return new AreaCommodityView(row.key(), t.declarations(), t.importCny(), t.exportCny(), t.totalCny(),
                t.importUsd(), t.exportUsd(), t.totalUsd(), row.share());
    }
}
