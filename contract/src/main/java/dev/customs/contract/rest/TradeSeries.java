package dev.customs.contract.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Trade month by month with year-on-year growth, the way area and national series are both answered:
 * every month from {@code from} (or the first with data) to {@code to} (or the last), zeros included so a
 * chart has no gaps, each compared with the same days a year earlier so a partial month compares like
 * with like.
 */
public final class TradeSeries {

    /** Growth is a fraction with this many decimals (0.1234 = +12.34%). */
    public static final int GROWTH_SCALE = 4;

    /** @param yoyTotalCny total CNY against the same days a year earlier, minus 1; null when that was zero */
    public record Point(YearMonth month, TradeTotals totals, BigDecimal yoyTotalCny) {
    }

    /** Sums per month for declaration dates between two days, both inclusive. */
    @FunctionalInterface
    public interface MonthlyTotals {
        SortedMap<YearMonth, TradeTotals> between(LocalDate from, LocalDate to);
    }

    private TradeSeries() {
    }

    public static List<Point> monthly(DateRange range, MonthlyTotals totals, int maxMonths) {
        SortedMap<YearMonth, TradeTotals> current = totals.between(range.fromOrMin(), range.toOrMax());
        YearMonth first = range.from() != null ? YearMonth.from(range.from()) : current.isEmpty() ? null : current.firstKey();
        YearMonth last = range.to() != null ? YearMonth.from(range.to()) : current.isEmpty() ? null : current.lastKey();
        if (first == null && last == null) {
            return List.of();
        }
        first = first == null ? last : first;
        last = last == null ? first : last;
        long months = first.until(last, ChronoUnit.MONTHS) + 1;
        if (months > maxMonths) {
            throw ProblemException.badParameter("from", "the series would have " + months
                    + " months; at most " + maxMonths + ", narrow from and to");
        }
        Map<YearMonth, TradeTotals> yearEarlier = totals.between(range.fromOrMin().minusYears(1), range.toOrMax().minusYears(1));
        List<Point> series = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            TradeTotals now = current.getOrDefault(month, TradeTotals.EMPTY);
            TradeTotals before = yearEarlier.getOrDefault(month.minusYears(1), TradeTotals.EMPTY);
            series.add(new Point(month, now, growth(now.totalCny(), before.totalCny())));
        }
        return series;
    }

    /** {@code now / before - 1}, or null when there is no base to grow from. */
    public static BigDecimal growth(BigDecimal now, BigDecimal before) {
        return before.signum() == 0 ? null : now.subtract(before).divide(before, GROWTH_SCALE, RoundingMode.HALF_EVEN);
    }
}
