package dev.customs.zone.totals;

import dev.customs.totals.TradeTotals;

import java.math.BigDecimal;
import java.util.function.Function;

/** The measures areas can be ranked by; names match the totals fields of the API. */
public enum RankingMetric {
    declarations(t -> BigDecimal.valueOf(t.declarations())),
    importCny(TradeTotals::importCny),
    exportCny(TradeTotals::exportCny),
    totalCny(TradeTotals::totalCny),
    importUsd(TradeTotals::importUsd),
    exportUsd(TradeTotals::exportUsd),
    totalUsd(TradeTotals::totalUsd);

    private final Function<TradeTotals, BigDecimal> value;

    RankingMetric(Function<TradeTotals, BigDecimal> value) {
        this.value = value;
    }

    public BigDecimal of(TradeTotals totals) {
        return value.apply(totals);
    }
}
