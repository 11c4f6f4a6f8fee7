package dev.customs.zone.totals;

import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;

import java.math.BigDecimal;
import java.util.List;

/**
 * An area's trade over a date range, with the breakdowns analysts ask for.
 *
 * @param syntheticDeclarations how many of the declarations in {@code totals} are synthetic
 */
public record ZoneTotals(
        String zoneCode,
        DateRange range,
        TradeTotals totals,
        long syntheticDeclarations,
        List<FlowTotal> byFlow,
        List<TradeModeTotal> byTradeMode,
        LineTotals lines) {

    /** First line in/out, second line in/out, intra-zone: flow and direction together. */
    public record FlowTotal(ZoneFlow flow, Direction direction, long declarations, BigDecimal valueCny, BigDecimal valueUsd) {
    }

    public record TradeModeTotal(String tradeMode, TradeTotals totals) {
    }
}
