package dev.customs.zone.api;

import dev.customs.zone.totals.ZoneRollup;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code GET /api/zones/concentration}: the top areas' share of all area trade in CNY. */
public record ConcentrationView(LocalDate from, LocalDate to, int top, BigDecimal share, int areas,
                                BigDecimal topTotalCny, BigDecimal allTotalCny) {

    static ConcentrationView of(ZoneRollup.Concentration c) {
        return new ConcentrationView(c.range().from(), c.range().to(), c.top(), c.share(), c.areas(),
                c.topTotalCny(), c.allTotalCny());
    }
}
