package dev.customs.zone.totals;

import dev.customs.contract.reference.ZoneType;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import dev.customs.zone.registry.Area;
import dev.customs.zone.registry.ZoneRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Area totals rolled up by province or by area type, each group with its share of all area trade in CNY,
 * and the concentration of area trade in the largest areas.
 */
@ApplicationScoped
public class ZoneRollup {

    /** @param share the group's total CNY as a fraction of all areas' total CNY */
    public record Group(String key, int areas, TradeTotals totals, BigDecimal share) {
    }

    /**
     * @param share the top areas' total CNY as a fraction of all areas' total CNY
     * @param areas how many areas had trade in the range
     */
    public record Concentration(DateRange range, int top, int areas, BigDecimal topTotalCny, BigDecimal allTotalCny,
                                BigDecimal share) {
    }

    private final ZoneTotalsService totals;
    private final ZoneRegistry registry;

    public ZoneRollup(ZoneTotalsService totals, ZoneRegistry registry) {
        this.totals = totals;
        this.registry = registry;
    }

    /**
     * Every province the registry knows, or every area type, zeros included, largest total CNY first, ties by key.
     */
    public List<Group> rollup(DateRange range, RollupDimension by, AreaFlow flow) {
        Function<Area, String> keyOf = by == RollupDimension.province ? Area::province : a -> a.type().name();
        Map<String, TradeTotals> byZone = totals.totalsByZone(range, flow);
        Map<String, TradeTotals> byGroup = new TreeMap<>();
        Map<String, Integer> areas = new TreeMap<>();
        if (by == RollupDimension.type) {
            // Every type is a row, even one no current area has (a stable table for spreadsheets).
            for (ZoneType type : ZoneType.values()) {
                byGroup.put(type.name(), TradeTotals.EMPTY);
                areas.put(type.name(), 0);
            }
        }
        for (Area area : registry.find(null, null)) {
            String key = keyOf.apply(area);
            byGroup.merge(key, byZone.getOrDefault(area.code(), TradeTotals.EMPTY), ZoneTotalsService::sum);
            areas.merge(key, 1, Integer::sum);
        }
        BigDecimal all = byGroup.values().stream().map(TradeTotals::totalCny).reduce(TradeTotals.EMPTY.totalCny(), BigDecimal::add);
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((key, sum) -> groups.add(new Group(key, areas.get(key), sum, share(sum.totalCny(), all))));
        groups.sort(Comparator.comparing((Group g) -> g.totals().totalCny()).reversed().thenComparing(Group::key));
        return groups;
    }

    /** The share of the {@code top} largest areas (by total CNY of that flow) in all area trade of that flow. */
    public Concentration concentration(DateRange range, int top, AreaFlow flow) {
        List<BigDecimal> sorted = totals.totalsByZone(range, flow).values().stream().map(TradeTotals::totalCny)
                .sorted(Comparator.reverseOrder()).toList();
        BigDecimal all = sorted.stream().reduce(TradeTotals.EMPTY.totalCny(), BigDecimal::add);
        BigDecimal topSum = sorted.stream().limit(top).reduce(TradeTotals.EMPTY.totalCny(), BigDecimal::add);
        return new Concentration(range, top, sorted.size(), topSum, all, share(topSum, all));
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(ZoneRanking.SHARE_SCALE)
                : part.divide(whole, ZoneRanking.SHARE_SCALE, RoundingMode.HALF_EVEN);
    }
}
