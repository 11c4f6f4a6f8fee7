package dev.customs.zone.totals;

import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Ranks areas by one measure, with each one's share of all area trade in that measure. */
@ApplicationScoped
public class ZoneRanking {

    /** Shares are fractions with this many decimals (0.1234 = 12.34%). */
    public static final int SHARE_SCALE = 4;

    public record Entry(int rank, String zoneCode, BigDecimal value, BigDecimal share, TradeTotals totals) {
    }

    private final ZoneTotalsService totals;

    public ZoneRanking(ZoneTotalsService totals) {
        this.totals = totals;
    }

    /** Every area with trade of that flow in the range, ranked by it; shares are of all of them, whatever part a caller shows. */
    public List<Entry> rank(DateRange range, RankingMetric metric, AreaFlow flow) {
        Map<String, TradeTotals> byZone = totals.totalsByZone(range, flow);
        BigDecimal all = byZone.values().stream().map(metric::of).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Map.Entry<String, TradeTotals>> sorted = new ArrayList<>(byZone.entrySet());
        // Ties are broken by code so the order is stable from one call to the next.
        sorted.sort(Comparator.<Map.Entry<String, TradeTotals>, BigDecimal>comparing(e -> metric.of(e.getValue()))
                .reversed().thenComparing(Map.Entry::getKey));
        List<Entry> ranking = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            TradeTotals zone = sorted.get(i).getValue();
            BigDecimal value = metric.of(zone);
            BigDecimal share = all.signum() == 0 ? BigDecimal.ZERO.setScale(SHARE_SCALE)
                    : value.divide(all, SHARE_SCALE, RoundingMode.HALF_EVEN);
            ranking.add(new Entry(i + 1, sorted.get(i).getKey(), value, share, zone));
        }
        return ranking;
    }
}
