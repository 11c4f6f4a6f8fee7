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

/** One area's first-line trade by partner and its goods by HS chapter, each row with its share of the whole. */
@ApplicationScoped
public class ZoneBreakdowns {

    /** @param share the row's total CNY as a fraction of all the rows' total CNY */
    public record Row(int rank, String key, TradeTotals totals, BigDecimal share) {
    }

    private final ZoneTotalsService totals;

    public ZoneBreakdowns(ZoneTotalsService totals) {
        this.totals = totals;
    }

    /** Partners largest first (ties by code), at most {@code limit}; shares are of all partners. */
    public List<Row> partners(String zoneCode, DateRange range, int limit) {
        List<Row> rows = ranked(totals.partnersOf(zoneCode, range));
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    /** Chapters in chapter order, every one with goods of that flow in the range. */
    public List<Row> commodities(String zoneCode, DateRange range, AreaFlow flow) {
        List<Row> rows = new ArrayList<>(ranked(totals.chaptersOf(zoneCode, range, flow)));
        rows.sort(Comparator.comparing(Row::key));
        return rows;
    }

    private static List<Row> ranked(Map<String, TradeTotals> byKey) {
        BigDecimal all = byKey.values().stream().map(TradeTotals::totalCny).reduce(TradeTotals.EMPTY.totalCny(),
                BigDecimal::add);
        List<Map.Entry<String, TradeTotals>> sorted = new ArrayList<>(byKey.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, TradeTotals>, BigDecimal>comparing(e -> e.getValue().totalCny())
                .reversed().thenComparing(Map.Entry::getKey));
        List<Row> rows = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            TradeTotals t = sorted.get(i).getValue();
            BigDecimal share = all.signum() == 0 ? BigDecimal.ZERO.setScale(ZoneRanking.SHARE_SCALE)
                    : t.totalCny().divide(all, ZoneRanking.SHARE_SCALE, RoundingMode.HALF_EVEN);
            rows.add(new Row(i + 1, sorted.get(i).getKey(), t, share));
        }
        return rows;
    }
}
