package dev.customs.statistics.totals;

import dev.customs.contract.reference.Country;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Trading partners ranked by total trade in CNY, each with its share of national trade. */
@ApplicationScoped
public class PartnerRanking {

    public record Entry(int rank, String partnerCountry, String name, BigDecimal share, TradeTotals totals) {
    }

    // Ties are broken by code so the order is stable from one call to the next.
    private static final Comparator<Map.Entry<String, TradeTotals>> LARGEST_FIRST =
            Comparator.<Map.Entry<String, TradeTotals>, BigDecimal>comparing(e -> e.getValue().totalCny())
                    .reversed().thenComparing(Map.Entry::getKey);

    private final ReferenceData reference = ReferenceData.standard();
    private final DailyTotalsQueries queries;

    public PartnerRanking(DailyTotalsQueries queries) {
        this.queries = queries;
    }

    /** Every partner with trade in the range, largest first; shares are of all of them, whatever part a caller shows. */
    public List<Entry> ranking(DateRange range) {
        Map<String, TradeTotals> byPartner = queries.byPartner(range);
        BigDecimal national = TotalsMath.sum(byPartner.values()).totalCny();
        List<Map.Entry<String, TradeTotals>> sorted = byPartner.entrySet().stream().sorted(LARGEST_FIRST).toList();
        List<Entry> ranking = new ArrayList<>(sorted.size());
        for (Map.Entry<String, TradeTotals> e : sorted) {
            ranking.add(new Entry(ranking.size() + 1, e.getKey(),
                    reference.country(e.getKey()).map(Country::name).orElse(null),
                    TotalsMath.share(e.getValue().totalCny(), national), e.getValue()));
        }
        return ranking;
    }
}
