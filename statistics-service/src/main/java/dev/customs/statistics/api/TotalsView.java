package dev.customs.statistics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.statistics.totals.NationalTotalsService.NationalTotals;
import dev.customs.totals.TradeTotals;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code GET /api/statistics/totals}: the totals fields at top level, as the contract names them. */
public record TotalsView(
        LocalDate from,
        LocalDate to,
        @JsonUnwrapped TradeTotals totals,
        BigDecimal balanceCny,
        BigDecimal balanceUsd,
        BigDecimal zoneShare) {

    static TotalsView of(NationalTotals t) {
        return new TotalsView(t.range().from(), t.range().to(), t.totals(), t.totals().balanceCny(),
                t.totals().balanceUsd(), t.zoneShare());
    }
}
