package dev.customs.totals;

import dev.customs.contract.event.Direction;

import java.math.BigDecimal;

/**
 * Imports, exports and their total in CNY and USD with a declaration count: the figures every totals
 * answer carries, whichever service computes them.
 */
public record TradeTotals(
        long declarations,
        BigDecimal importCny,
        BigDecimal exportCny,
        BigDecimal totalCny,
        BigDecimal importUsd,
        BigDecimal exportUsd,
        BigDecimal totalUsd) {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public static final TradeTotals EMPTY = new TradeTotals(0, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO);

    /** Adds one summed row of a direction. */
    public TradeTotals plus(Direction direction, long count, BigDecimal cny, BigDecimal usd) {
        boolean imports = direction == Direction.IMPORT;
        BigDecimal importCny2 = imports ? importCny.add(cny) : importCny;
        BigDecimal exportCny2 = imports ? exportCny : exportCny.add(cny);
        BigDecimal importUsd2 = imports ? importUsd.add(usd) : importUsd;
        BigDecimal exportUsd2 = imports ? exportUsd : exportUsd.add(usd);
        return new TradeTotals(declarations + count, importCny2, exportCny2, importCny2.add(exportCny2),
                importUsd2, exportUsd2, importUsd2.add(exportUsd2));
    }

    /** Exports minus imports, the trade balance. */
    public BigDecimal balanceCny() {
        return exportCny.subtract(importCny);
    }

    public BigDecimal balanceUsd() {
        return exportUsd.subtract(importUsd);
    }
}
