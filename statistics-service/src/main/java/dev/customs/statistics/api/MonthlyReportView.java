package dev.customs.statistics.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.customs.statistics.totals.MonthlyReport;
import dev.customs.totals.TradeTotals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** {@code GET /api/statistics/monthly-report}: the month and the year to date, each with year-on-year growth. */
public record MonthlyReportView(YearMonth month, PeriodView currentMonth, PeriodView yearToDate) {

    /** @param yoyImportCny growth on the same period a year earlier, 4 decimals; null when that was zero */
    public record PeriodView(LocalDate from, LocalDate to, @JsonUnwrapped TradeTotals totals,
                             BigDecimal yoyImportCny, BigDecimal yoyExportCny, BigDecimal yoyTotalCny) {

        static PeriodView of(MonthlyReport.Period p) {
            return new PeriodView(p.from(), p.to(), p.totals(), p.yoy().importCny(), p.yoy().exportCny(),
                    p.yoy().totalCny());
        }
    }

    static MonthlyReportView of(MonthlyReport.Report r) {
        return new MonthlyReportView(r.month(), PeriodView.of(r.currentMonth()), PeriodView.of(r.yearToDate()));
    }
}
