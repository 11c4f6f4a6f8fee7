package dev.customs.zone.totals;

import dev.customs.contract.event.Direction;
import dev.customs.totals.TradeTotals;

/**
 * An area's first-line, second-line and intra-zone trade, each in the terms an area administrator reads it.
 *
 * <p>Direction is seen from the customs territory (docs/contract.md): on the first line entry from abroad is
 * {@code IMPORT} and exit abroad {@code EXPORT}. On the second line the area stands where "abroad" stands on
 * the first: goods leaving the area for the domestic market are declared {@code IMPORT} (out of the area),
 * goods from the domestic market into the area {@code EXPORT} (into the area).
 */
public record LineTotals(TradeTotals firstLine, TradeTotals secondLine, TradeTotals intraZone) {

    public static final LineTotals EMPTY = new LineTotals(TradeTotals.EMPTY, TradeTotals.EMPTY, TradeTotals.EMPTY);

    /** Direction of a second-line move that brings goods into the area. */
    public static final Direction SECOND_LINE_IN = Direction.EXPORT;
}
