package dev.customs.statistics.totals;

import dev.customs.contract.reference.ReferenceData;
import dev.customs.statistics.ingest.DeclarantDimensions;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * National trade by a further breakdown of declarations (enterprise type, domestic region, customs district,
 * transport mode). Every nationally counted declaration is in exactly one code of each, so the codes' sum is
 * national trade and a code's share is of that sum. Every known code is listed, zeros included, in the
 * dimension's order; codes stored but not known (a declarant outside the register, a district code no
 * district has) follow, only when they have trade.
 */
@ApplicationScoped
public class DimensionTotalsService {

    public record Row(String code, String name, BigDecimal share, TradeTotals totals) {
    }

    /** One period of a code: its totals, share of national trade and growth on the same period a year earlier. */
    public record Period(LocalDate from, LocalDate to, TradeTotals totals, BigDecimal share, MonthlyReport.Growth yoy) {
    }

    public record ReportRow(YearMonth month, String code, String name, Period currentMonth, Period yearToDate) {
    }

    private final ReferenceData reference = ReferenceData.standard();
    private final DimensionQueries queries;

    public DimensionTotalsService(DimensionQueries queries) {
        this.queries = queries;
    }

    public List<Row> totals(Dimension dimension, DateRange range) {
        SortedMap<String, TradeTotals> byCode = queries.byCode(dimension, range);
        BigDecimal national = TotalsMath.sum(byCode.values()).totalCny();
        Map<String, String> names = dimension.names(reference);
        List<Row> rows = new ArrayList<>();
        for (String code : codes(names, byCode.keySet())) {
            TradeTotals totals = byCode.getOrDefault(code, TradeTotals.EMPTY);
            rows.add(new Row(code, names.get(code), TotalsMath.share(totals.totalCny(), national), totals));
        }
        return rows;
    }

    /** The month and the year to its end, per code, like GAC's monthly tables. */
    public List<ReportRow> report(Dimension dimension, YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        PeriodSums current = sums(dimension, month.atDay(1), end);
        PeriodSums yearToDate = sums(dimension, month.atDay(1).withDayOfYear(1), end);
        Map<String, String> names = dimension.names(reference);
        Set<String> stored = new LinkedHashSet<>(current.now().keySet());
        stored.addAll(yearToDate.now().keySet());
        List<ReportRow> rows = new ArrayList<>();
        for (String code : codes(names, new TreeSet<>(stored))) {
            rows.add(new ReportRow(month, code, names.get(code), current.period(code), yearToDate.period(code)));
        }
        return rows;
    }

    /** One period's sums by code, and those of the same period a year earlier. */
    private record PeriodSums(LocalDate from, LocalDate to, SortedMap<String, TradeTotals> now,
                              SortedMap<String, TradeTotals> before) {

        Period period(String code) {
            TradeTotals current = now.getOrDefault(code, TradeTotals.EMPTY);
            TradeTotals previous = before.getOrDefault(code, TradeTotals.EMPTY);
            BigDecimal national = TotalsMath.sum(now.values()).totalCny();
            return new Period(from, to, current, TotalsMath.share(current.totalCny(), national), new MonthlyReport.Growth(
                    TotalsMath.growth(current.importCny(), previous.importCny()),
                    TotalsMath.growth(current.exportCny(), previous.exportCny()),
                    TotalsMath.growth(current.totalCny(), previous.totalCny())));
        }
    }

    private PeriodSums sums(Dimension dimension, LocalDate from, LocalDate to) {
        // A year earlier by calendar month, as MonthlyReport does, so February's end follows leap years.
        LocalDate baseFrom = from.minusYears(1);
        LocalDate baseTo = YearMonth.from(to).minusYears(1).atEndOfMonth();
        return new PeriodSums(from, to, queries.byCode(dimension, from, to),
                queries.byCode(dimension, baseFrom, baseTo));
    }

    /** Known codes (the unknown bucket only when stored), then the other stored codes in code order. */
    private static List<String> codes(Map<String, String> names, Set<String> stored) {
        List<String> codes = new ArrayList<>();
        for (String code : names.keySet()) {
            if (!code.equals(DeclarantDimensions.UNKNOWN) || stored.contains(code)) {
                codes.add(code);
            }
        }
        for (String code : stored) {
            if (!names.containsKey(code)) {
                codes.add(code);
            }
        }
        return codes;
    }
}
