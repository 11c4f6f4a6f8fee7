package dev.customs.zone.totals;

import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.totals.DateRange;
import dev.customs.totals.MonthSplit;
import dev.customs.totals.MonthSplitQuery.Sum;
import dev.customs.totals.MonthSplitQuery;
import dev.customs.totals.TradeTotals;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sums area totals over date ranges from the pre-aggregated rows: a range's whole months from the monthly
 * tables, the days at its cut ends from the daily ones (see {@link MonthSplit}).
 */
@ApplicationScoped
public class ZoneTotalsService {

    // The area's code is compared as bpchar: as varchar or text PostgreSQL would compare zone_code as text
    // and could not use the primary key that leads with it.
    // The synthetic count comes last, after what MonthSplitQuery.Sum reads.
    private static final MonthSplitQuery BY_FLOW_AND_MODE = new MonthSplitQuery("""
            SELECT zone_flow, trade_mode, direction, sum(n), sum(cny), sum(usd), sum(synthetic)
            FROM (%s) parts
            GROUP BY zone_flow, trade_mode, direction""", """
            SELECT zone_flow, trade_mode, direction, declarations AS n, value_cny AS cny, value_usd AS usd,
                   synthetic_declarations AS synthetic
            FROM zone_monthly_totals WHERE zone_code = CAST(? AS bpchar) AND month BETWEEN ? AND ?""", """
            SELECT zone_flow, trade_mode, direction, declarations AS n, value_cny AS cny, value_usd AS usd,
                   synthetic_declarations AS synthetic
            FROM zone_daily_totals WHERE zone_code = CAST(? AS bpchar) AND day BETWEEN ? AND ?""");

    private static final MonthSplitQuery BY_ZONE = new MonthSplitQuery("""
            SELECT zone_code, direction, sum(n), sum(cny), sum(usd)
            FROM (%s) parts
            GROUP BY zone_code, direction""", """
            SELECT zone_code, direction, declarations AS n, value_cny AS cny, value_usd AS usd
            FROM area_monthly_totals WHERE month BETWEEN ? AND ?""", """
            SELECT zone_code, direction, declarations AS n, value_cny AS cny, value_usd AS usd
            FROM zone_daily_totals WHERE day BETWEEN ? AND ?""");

    // One flow of every area: the monthly rows by flow, the cut days from the daily rows of that flow.
    private static final MonthSplitQuery BY_ZONE_OF_FLOW = new MonthSplitQuery("""
            SELECT zone_code, direction, sum(n), sum(cny), sum(usd)
            FROM (%s) parts
            GROUP BY zone_code, direction""", """
            SELECT zone_code, direction, declarations AS n, value_cny AS cny, value_usd AS usd
            FROM area_flow_monthly_totals WHERE zone_flow = ? AND month BETWEEN ? AND ?""", """
            SELECT zone_code, direction, declarations AS n, value_cny AS cny, value_usd AS usd
            FROM zone_daily_totals WHERE zone_flow = ? AND day BETWEEN ? AND ?""");

    private static final MonthSplitQuery BY_PARTNER = new MonthSplitQuery("""
            SELECT partner_country, direction, sum(n), sum(cny), sum(usd)
            FROM (%s) parts
            GROUP BY partner_country, direction""", """
            SELECT partner_country, direction, declarations AS n, value_cny AS cny, value_usd AS usd
            FROM zone_partner_monthly_totals WHERE zone_code = CAST(? AS bpchar) AND month BETWEEN ? AND ?""", """
            SELECT partner_country, direction, declarations AS n, value_cny AS cny, value_usd AS usd
            FROM zone_partner_daily_totals WHERE zone_code = CAST(? AS bpchar) AND day BETWEEN ? AND ?""");

    private static final MonthSplitQuery BY_CHAPTER_AND_FLOW = new MonthSplitQuery("""
            SELECT zone_flow, hs_chapter, direction, sum(n), sum(cny), sum(usd)
            FROM (%s) parts
            GROUP BY zone_flow, hs_chapter, direction""", """
            SELECT zone_flow, hs_chapter, direction, items AS n, value_cny AS cny, value_usd AS usd
            FROM zone_chapter_monthly_totals WHERE zone_code = CAST(? AS bpchar) AND month BETWEEN ? AND ?""", """
            SELECT zone_flow, hs_chapter, direction, items AS n, value_cny AS cny, value_usd AS usd
            FROM zone_chapter_daily_totals WHERE zone_code = CAST(? AS bpchar) AND day BETWEEN ? AND ?""");

    // Months in both sources are their first day, so the sums of one month meet in one group.
    private static final MonthSplitQuery BY_MONTH = new MonthSplitQuery("""
            SELECT month, direction, sum(n), sum(cny), sum(usd)
            FROM (%s) parts
            GROUP BY month, direction""", """
            SELECT month, direction, declarations AS n, value_cny AS cny, value_usd AS usd
            FROM zone_monthly_totals WHERE zone_code = CAST(? AS bpchar) AND month BETWEEN ? AND ?""", """
            SELECT date_trunc('month', day)::date AS month, direction, declarations AS n, value_cny AS cny,
                   value_usd AS usd
            FROM zone_daily_totals WHERE zone_code = CAST(? AS bpchar) AND day BETWEEN ? AND ?""");

    private record FlowAndMode(ZoneFlow flow, String tradeMode) {
    }

    private record FlowAndChapter(ZoneFlow flow, String chapter) {
    }

    /** One group of {@link #BY_FLOW_AND_MODE} and how many of its declarations are synthetic. */
    private record FlowAndModeSum(Sum<FlowAndMode> sum, long synthetic) {
    }

    private static final int FLOW_AND_MODE_COLUMNS = 2;
    private static final int FLOW_AND_MODE_SYNTHETIC_COLUMN = 7;
    private static final int ZONE_COLUMNS = 1;
    private static final int MONTH_COLUMNS = 1;

    private final AgroalDataSource dataSource;

    public ZoneTotalsService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ZoneTotals totalsOf(String zoneCode, DateRange range) {
        List<FlowAndModeSum> groups = BY_FLOW_AND_MODE.rows(dataSource, MonthSplit.of(range), row -> new FlowAndModeSum(
                Sum.read(row, FLOW_AND_MODE_COLUMNS, r -> new FlowAndMode(ZoneFlow.valueOf(r.getString(1)), r.getString(2))),
                row.getLong(FLOW_AND_MODE_SYNTHETIC_COLUMN)), zoneCode);
        TradeTotals all = TradeTotals.EMPTY;
        long synthetic = 0;
        Map<String, ZoneTotals.FlowTotal> byFlow = new TreeMap<>();
        Map<String, TradeTotals> byMode = new TreeMap<>();
        Map<ZoneFlow, TradeTotals> byLine = new EnumMap<>(ZoneFlow.class);
        for (FlowAndModeSum group : groups) {
            Sum<FlowAndMode> row = group.sum();
            synthetic += group.synthetic();
            ZoneFlow flow = row.key().flow();
            Direction direction = row.direction();
            all = all.plus(direction, row.count(), row.cny(), row.usd());
            byMode.merge(row.key().tradeMode(), row.totals(), ZoneTotalsService::sum);
            byLine.merge(flow, row.totals(), ZoneTotalsService::sum);
            byFlow.merge(flow.ordinal() + direction.name(),
                    new ZoneTotals.FlowTotal(flow, direction, row.count(), row.cny(), row.usd()),
                    (a, b) -> new ZoneTotals.FlowTotal(flow, direction, a.declarations() + b.declarations(),
                            a.valueCny().add(b.valueCny()), a.valueUsd().add(b.valueUsd())));
        }
        List<ZoneTotals.TradeModeTotal> modes = byMode.entrySet().stream()
                .map(e -> new ZoneTotals.TradeModeTotal(e.getKey(), e.getValue()))
                .toList();
        LineTotals lines = new LineTotals(byLine.getOrDefault(ZoneFlow.FIRST_LINE, TradeTotals.EMPTY),
                byLine.getOrDefault(ZoneFlow.SECOND_LINE, TradeTotals.EMPTY),
                byLine.getOrDefault(ZoneFlow.INTRA_ZONE, TradeTotals.EMPTY));
        return new ZoneTotals(zoneCode, range, all, synthetic, List.copyOf(byFlow.values()), modes, lines);
    }

    /** Every area with trade in the range, with its totals over all flows. */
    public Map<String, TradeTotals> totalsByZone(DateRange range) {
        return totalsByZone(range, AreaFlow.ALL);
    }

    /** Every area with trade of that flow in the range, with its totals of that flow. */
    public Map<String, TradeTotals> totalsByZone(DateRange range, AreaFlow flow) {
        List<Sum<String>> rows = flow.zoneFlow() == null
                ? BY_ZONE.sums(dataSource, MonthSplit.of(range), ZONE_COLUMNS, row -> row.getString(1))
                : BY_ZONE_OF_FLOW.sums(dataSource, MonthSplit.of(range), ZONE_COLUMNS, row -> row.getString(1),
                        flow.zoneFlow().name());
        Map<String, TradeTotals> byZone = new TreeMap<>();
        for (Sum<String> row : rows) {
            byZone.merge(row.key(), row.totals(), ZoneTotalsService::sum);
        }
        return byZone;
    }

    /** One area's first-line trade by partner country (only the first line has a partner abroad). */
    public Map<String, TradeTotals> partnersOf(String zoneCode, DateRange range) {
        Map<String, TradeTotals> byPartner = new TreeMap<>();
        for (Sum<String> row : BY_PARTNER.sums(dataSource, MonthSplit.of(range), 1, r -> r.getString(1), zoneCode)) {
            byPartner.merge(row.key(), row.totals(), ZoneTotalsService::sum);
        }
        return byPartner;
    }

    /** One area's goods of that flow by HS chapter; the count is of items. */
    public Map<String, TradeTotals> chaptersOf(String zoneCode, DateRange range, AreaFlow flow) {
        Map<String, TradeTotals> byChapter = new TreeMap<>();
        for (Sum<FlowAndChapter> row : BY_CHAPTER_AND_FLOW.sums(dataSource, MonthSplit.of(range), FLOW_AND_MODE_COLUMNS,
                r -> new FlowAndChapter(ZoneFlow.valueOf(r.getString(1)), r.getString(2)), zoneCode)) {
            if (flow.zoneFlow() == null || flow.zoneFlow() == row.key().flow()) {
                byChapter.merge(row.key().chapter(), row.totals(), ZoneTotalsService::sum);
            }
        }
        return byChapter;
    }

    /** One area's totals by calendar month; dates rather than a range so a caller can ask for a year earlier. */
    public SortedMap<YearMonth, TradeTotals> byMonth(String zoneCode, LocalDate from, LocalDate to) {
        SortedMap<YearMonth, TradeTotals> byMonth = new TreeMap<>();
        for (Sum<YearMonth> row : BY_MONTH.sums(dataSource, MonthSplit.of(from, to), MONTH_COLUMNS,
                row -> YearMonth.from(row.getObject(1, LocalDate.class)), zoneCode)) {
            byMonth.merge(row.key(), row.totals(), ZoneTotalsService::sum);
        }
        return byMonth;
    }

    static TradeTotals sum(TradeTotals a, TradeTotals b) {
        return a.plus(Direction.IMPORT, b.declarations(), b.importCny(), b.importUsd())
                .plus(Direction.EXPORT, 0, b.exportCny(), b.exportUsd());
    }
}
