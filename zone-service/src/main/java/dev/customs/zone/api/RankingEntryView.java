package dev.customs.zone.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.totals.TradeTotals;
import dev.customs.zone.totals.ZoneRanking;

import java.math.BigDecimal;

public record RankingEntryView(int rank, String zoneCode, String name, BigDecimal value, BigDecimal share,
                               @JsonUnwrapped TradeTotals totals) {

    static RankingEntryView of(ZoneRanking.Entry entry, String name) {
        return new RankingEntryView(entry.rank(), entry.zoneCode(), name, entry.value(), entry.share(), entry.totals());
    }
}
