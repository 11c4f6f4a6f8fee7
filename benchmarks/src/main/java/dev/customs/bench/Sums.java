package dev.customs.bench;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;

import java.math.BigDecimal;

/** A count and import/export CNY sums, kept by the benchmark itself to check the services' answers. */
final class Sums {

    long declarations;
    BigDecimal importCny = BigDecimal.ZERO;
    BigDecimal exportCny = BigDecimal.ZERO;

    void add(DeclarationState state) {
        declarations++;
        if (state.direction() == Direction.IMPORT) {
            importCny = importCny.add(state.totalValueCny());
        } else {
            exportCny = exportCny.add(state.totalValueCny());
        }
    }

    /** Compares with an answer's {@code declarations}, {@code importCny} and {@code exportCny}. */
    String mismatch(long declarations, BigDecimal importCny, BigDecimal exportCny) {
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
