package dev.customs.zone.totals;

import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.contract.rest.DateRange;
import dev.customs.contract.rest.TradeTotals;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Sums area totals over date ranges from the pre-aggregated daily rows. */
@ApplicationScoped
public class ZoneTotalsService {

    private static final String BY_FLOW_AND_MODE = """
            select t.id.zoneFlow, t.id.tradeMode, t.id.direction, sum(t.declarations), sum(t.valueCny), sum(t.valueUsd)
            from ZoneDailyTotal t
            where t.id.zoneCode = :zone and t.id.day between :from and :to
            group by t.id.zoneFlow, t.id.tradeMode, t.id.direction""";

    private static final String BY_ZONE = """
            select t.id.zoneCode, t.id.direction, sum(t.declarations), sum(t.valueCny), sum(t.valueUsd)
            from ZoneDailyTotal t
            where t.id.day between :from and :to
            group by t.id.zoneCode, t.id.direction""";

    private static final String BY_MONTH = """
            select year(t.id.day), month(t.id.day), t.id.direction, sum(t.declarations), sum(t.valueCny), sum(t.valueUsd)
            from ZoneDailyTotal t
            where t.id.zoneCode = :zone and t.id.day between :from and :to
            group by year(t.id.day), month(t.id.day), t.id.direction""";

    public ZoneTotals totalsOf(String zoneCode, DateRange range) {
        List<Object[]> rows = Panache.getEntityManager().createQuery(BY_FLOW_AND_MODE, Object[].class)
                .setParameter("zone", zoneCode)
                .setParameter("from", range.fromOrMin())
                .setParameter("to", range.toOrMax())
                .getResultList();
        TradeTotals all = TradeTotals.EMPTY;
        Map<String, ZoneTotals.FlowTotal> byFlow = new TreeMap<>();
        Map<String, TradeTotals> byMode = new TreeMap<>();
        for (Object[] row : rows) {
            ZoneFlow flow = (ZoneFlow) row[0];
            String mode = (String) row[1];
            Direction direction = (Direction) row[2];
            long count = ((Number) row[3]).longValue();
            BigDecimal cny = (BigDecimal) row[4];
            BigDecimal usd = (BigDecimal) row[5];
            all = all.plus(direction, count, cny, usd);
            byMode.merge(mode, TradeTotals.EMPTY.plus(direction, count, cny, usd), ZoneTotalsService::sum);
            byFlow.merge(flow.ordinal() + direction.name(), new ZoneTotals.FlowTotal(flow, direction, count, cny, usd),
                    (a, b) -> new ZoneTotals.FlowTotal(flow, direction, a.declarations() + b.declarations(),
                            a.valueCny().add(b.valueCny()), a.valueUsd().add(b.valueUsd())));
        }
        List<ZoneTotals.TradeModeTotal> modes = byMode.entrySet().stream()
                .map(e -> new ZoneTotals.TradeModeTotal(e.getKey(), e.getValue()))
                .toList();
        return new ZoneTotals(zoneCode, range, all, List.copyOf(byFlow.values()), modes);
    }

    /** Every area with trade in the range, with its totals. */
    public Map<String, TradeTotals> totalsByZone(DateRange range) {
        List<Object[]> rows = Panache.getEntityManager().createQuery(BY_ZONE, Object[].class)
                .setParameter("from", range.fromOrMin())
                .setParameter("to", range.toOrMax())
                .getResultList();
        Map<String, TradeTotals> byZone = new TreeMap<>();
        for (Object[] row : rows) {
            byZone.merge((String) row[0], TradeTotals.EMPTY.plus((Direction) row[1], ((Number) row[2]).longValue(),
                    (BigDecimal) row[3], (BigDecimal) row[4]), ZoneTotalsService::sum);
        }
        return byZone;
    }

    /** One area's totals by calendar month; dates rather than a range so a caller can ask for a year earlier. */
    public SortedMap<YearMonth, TradeTotals> byMonth(String zoneCode, LocalDate from, LocalDate to) {
        List<Object[]> rows = Panache.getEntityManager().createQuery(BY_MONTH, Object[].class)
                .setParameter("zone", zoneCode)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        SortedMap<YearMonth, TradeTotals> byMonth = new TreeMap<>();
        for (Object[] row : rows) {
            YearMonth month = YearMonth.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
            byMonth.merge(month, TradeTotals.EMPTY.plus((Direction) row[2], ((Number) row[3]).longValue(),
                    (BigDecimal) row[4], (BigDecimal) row[5]), ZoneTotalsService::sum);
        }
        return byMonth;
    }

    static TradeTotals sum(TradeTotals a, TradeTotals b) {
        return a.plus(Direction.IMPORT, b.declarations(), b.importCny(), b.importUsd())
                .plus(Direction.EXPORT, 0, b.exportCny(), b.exportUsd());
    }
}
