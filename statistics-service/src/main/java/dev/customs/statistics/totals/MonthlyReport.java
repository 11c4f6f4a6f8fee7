package dev.customs.statistics.totals;

import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** A month and the year to its end, each with growth on the same period a year earlier, like GAC's tables. */
@ApplicationScoped
public class MonthlyReport {

    /** Growth rates against the same period a year earlier; each null when that period's figure was zero. */
    public record Growth(BigDecimal importCny, BigDecimal exportCny, BigDecimal totalCny) {
    }

    public record Period(LocalDate from, LocalDate to, TradeTotals totals, Growth yoy) {
    }

    public record Report(YearMonth month, Period currentMonth, Period yearToDate) {
    }

    private final NationalTotalsService national;

    public MonthlyReport(NationalTotalsService national) {
        this.national = national;
    }

    public Report of(YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        return new Report(month, period(month.atDay(1), end), period(month.atDay(1).withDayOfYear(1), end));
    }

    private Period period(LocalDate from, LocalDate to) {
        TradeTotals now = national.totals(new DateRange(from, to)).totals();
        // A year earlier by calendar month, so February's end follows leap years (2016-02-29 vs 2015-02-28).
        LocalDate baseFrom = from.minusYears(1);
        LocalDate baseTo = YearMonth.from(to).minusYears(1).atEndOfMonth();
        TradeTotals before = national.totals(new DateRange(baseFrom, baseTo)).totals();
        return new Period(from, to, now, new Growth(
                TotalsMath.growth(now.importCny(), before.importCny()),
                TotalsMath.growth(now.exportCny(), before.exportCny()),
                TotalsMath.growth(now.totalCny(), before.totalCny())));
    }
}
