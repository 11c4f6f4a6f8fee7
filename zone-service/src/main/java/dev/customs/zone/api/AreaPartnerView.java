package dev.customs.zone.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.totals.TradeTotals;
import dev.customs.zone.totals.ZoneBreakdowns;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** One row of {@code GET /api/zones/{code}/partners}: a partner country's first-line trade with the area. */
public record AreaPartnerView(
        int rank,
        @Schema(description = "ISO 3166-1 alpha-2 code of the partner country", example = "DE") String partnerCountry,
        @JsonUnwrapped TradeTotals totals,
        @Schema(description = "Share of the area's first-line total CNY, a fraction with 4 decimals", example = "0.1234")
        BigDecimal share) {

    static AreaPartnerView of(ZoneBreakdowns.Row row) {
        return new AreaPartnerView(row.rank(), row.key(), row.totals(), row.share());
    }
}
