package dev.customs.zone.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.totals.TradeTotals;
import dev.customs.zone.totals.ZoneTotals;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/zones/{code}/totals}: the totals fields at top level, as the contract names them. */
public record ZoneTotalsView(
        String zoneCode,
        LocalDate from,
        LocalDate to,
        @JsonUnwrapped TradeTotals totals,
        List<ZoneTotals.FlowTotal> byFlow,
        List<TradeModeView> byTradeMode) {

    public record TradeModeView(String tradeMode, @JsonUnwrapped TradeTotals totals) {
    }

    static ZoneTotalsView of(ZoneTotals t) {
        return new ZoneTotalsView(t.zoneCode(), t.range().from(), t.range().to(), t.totals(), t.byFlow(),
                t.byTradeMode().stream().map(m -> new TradeModeView(m.tradeMode(), m.totals())).toList());
    }
}
