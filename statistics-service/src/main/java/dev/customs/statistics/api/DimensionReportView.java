package dev.customs.statistics.api;

import dev.customs.statistics.totals.DimensionTotalsService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One code of a further breakdown in a month and in the year to that month's end, like GAC's monthly tables;
 * flat, so that the CSV download has one line per code. Shares are of national trade in the period; growth
 * is on the same period a year earlier, null where that was zero.
 */
public record DimensionReportView(YearMonth month, String code, String name,
                                  LocalDate monthFrom, LocalDate monthTo, long monthDeclarations,
                                  BigDecimal monthImportCny, BigDecimal monthExportCny, BigDecimal monthTotalCny,
                                  BigDecimal monthImportUsd, BigDecimal monthExportUsd, BigDecimal monthTotalUsd,
                                  BigDecimal monthShare, BigDecimal monthYoyImportCny, BigDecimal monthYoyExportCny,
                                  BigDecimal monthYoyTotalCny,
                                  LocalDate ytdFrom, LocalDate ytdTo, long ytdDeclarations,
                                  BigDecimal ytdImportCny, BigDecimal ytdExportCny, BigDecimal ytdTotalCny,
                                  BigDecimal ytdImportUsd, BigDecimal ytdExportUsd, BigDecimal ytdTotalUsd,
                                  BigDecimal ytdShare, BigDecimal ytdYoyImportCny, BigDecimal ytdYoyExportCny,
                                  BigDecimal ytdYoyTotalCny) {

    static DimensionReportView of(DimensionTotalsService.ReportRow row) {
        var m = row.currentMonth();
        var mt = m.totals();
        var y = row.yearToDate();
        var yt = y.totals();
        return new DimensionReportView(row.month(), row.code(), row.name(),
                m.from(), m.to(), mt.declarations(), mt.importCny(), mt.exportCny(), mt.totalCny(),
                mt.importUsd(), mt.exportUsd(), mt.totalUsd(), m.share(),
                m.yoy().importCny(), m.yoy().exportCny(), m.yoy().totalCny(),
                y.from(), y.to(), yt.declarations(), yt.importCny(), yt.exportCny(), yt.totalCny(),
                yt.importUsd(), yt.exportUsd(), yt.totalUsd(), y.share(),
                y.yoy().importCny(), y.yoy().exportCny(), y.yoy().totalCny());
    }
}
