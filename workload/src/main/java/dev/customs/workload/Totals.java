package dev.customs.workload;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;

import java.math.BigDecimal;

/**
 * A count of declarations, how many of them are synthetic, and their import and export values, summed with
 * plain BigDecimal additions.
 */
public record Totals(long declarations, long syntheticDeclarations, BigDecimal importCny, BigDecimal exportCny,
                     BigDecimal importUsd, BigDecimal exportUsd) {

    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    public static final Totals NONE = new Totals(0, 0, NOTHING, NOTHING, NOTHING, NOTHING);

    /** These totals with one more declaration, counted with its total values. */
    public Totals plus(DeclarationState state) {
        boolean imports = state.direction() == Direction.IMPORT;
        return new Totals(declarations + 1, syntheticDeclarations + (state.synthetic() ? 1 : 0),
                imports ? importCny.add(state.totalValueCny()) : importCny,
                imports ? exportCny : exportCny.add(state.totalValueCny()),
                imports ? importUsd.add(state.totalValueUsd()) : importUsd,
                imports ? exportUsd : exportUsd.add(state.totalValueUsd()));
    }

    public Totals plus(Totals other) {
        return new Totals(declarations + other.declarations, syntheticDeclarations + other.syntheticDeclarations,
                importCny.add(other.importCny),
                exportCny.add(other.exportCny), importUsd.add(other.importUsd), exportUsd.add(other.exportUsd));
    }

    public BigDecimal totalCny() {
        return importCny.add(exportCny);
    }

    /** Null when an answer's count and CNY sums equal these exactly, else what differs. */
    public String mismatch(long declarations, BigDecimal importCny, BigDecimal exportCny) {
        if (this.declarations == declarations && this.importCny.compareTo(importCny) == 0
                && this.exportCny.compareTo(exportCny) == 0) {
            return null;
        }
        return "expected " + this + ", got " + declarations + " declarations, import " + importCny.toPlainString()
                + ", export " + exportCny.toPlainString();
    }

    @Override
    public String toString() {
        return declarations + " declarations, import " + importCny.toPlainString() + ", export " + exportCny.toPlainString();
    }
}
