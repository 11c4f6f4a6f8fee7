package dev.customs.statistics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.statistics.totals.PartnerRanking;
import dev.customs.totals.TradeTotals;

import java.math.BigDecimal;

public record PartnerView(int rank, String partnerCountry, String name, BigDecimal share, @JsonUnwrapped TradeTotals totals) {

    static PartnerView of(PartnerRanking.Entry e) {
        return new PartnerView(e.rank(), e.partnerCountry(), e.name(), e.share(), e.totals());
    }
}
