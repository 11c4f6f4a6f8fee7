package dev.customs.zone.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.totals.TradeTotals;
import dev.customs.zone.totals.ZoneRollup;

import java.math.BigDecimal;

/** One row of {@code GET /api/zones/rollup}: a province or area type, how many areas it has, their trade. */
public record RollupView(String key, int areas, @JsonUnwrapped TradeTotals totals, BigDecimal share) {

    static RollupView of(ZoneRollup.Group g) {
        return new RollupView(g.key(), g.areas(), g.totals(), g.share());
    }
}
