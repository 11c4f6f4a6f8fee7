package dev.customs.totals;

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
 * Trade month by month with year-on-year and month-on-month growth, the way area and national series are
 * both answered: every month from {@code from} (or the first with data) to {@code to} (or the last), zeros
 * included so a chart has no gaps.
 *
 * <p>Growth always compares like with like, so a range that starts or ends mid-month does not show a
 * half month as a collapse:
 * <ul>
 *   <li>year on year: a whole month with the whole month a year earlier (a leap February included); a point
 *       the range cuts with its days a year earlier ({@code from} and {@code to} minus a year);</li>
 *   <li>month on month: a whole month with the whole month before; a point the range cuts (the first or
 *       last month of a range starting or ending mid-month) with the same day-of-month span one month
 *       earlier, each end moved by {@link LocalDate#minusMonths}, so clamped to that month's length
 *       (15-31 March compares with 15-28 February).</li>
 * </ul>
 * The sums come from at most five queries whatever the length: the range, the range a year earlier, the
 * whole months before the points, and one for each cut point's base.
 */
public final class TradeSeries {

    /** Growth is a fraction with this many decimals (0.1234 = +12.34%). */
    public static final int GROWTH_SCALE = 4;

    /**
     * @param yoyTotalCny total CNY against the same period a year earlier, minus 1; null when that was zero
     * @param momTotalCny total CNY against the month before (the same days of it for a cut point), minus 1;
     *                    null when that was zero
     */
    public record Point(YearMonth month, TradeTotals totals, BigDecimal yoyTotalCny, BigDecimal momTotalCny) {
    }

    /** A range that would give more months than a series may have; which end to narrow is the client's choice. */
    public static final class TooLong extends RuntimeException {

        private final long months;
        private final int maxMonths;

        TooLong(long months, int maxMonths) {
            super("the series would have " + months + " months; at most " + maxMonths);
            this.months = months;
            this.maxMonths = maxMonths;
        }

        public long months() {
            return months;
        }

        public int maxMonths() {
            return maxMonths;
        }
    }

    /** Sums per month for declaration dates between two days, both inclusive. */
    @FunctionalInterface
    public interface MonthlyTotals {
        SortedMap<YearMonth, TradeTotals> between(LocalDate from, LocalDate to);
    }

    /** The days of one month a point covers. */
    private record Span(YearMonth month, LocalDate start, LocalDate end) {

        static Span of(YearMonth month, DateRange range) {
            LocalDate first = month.atDay(1);
            LocalDate last = month.atEndOfMonth();
            return new Span(month,
                    range.from() != null && range.from().isAfter(first) ? range.from() : first,
                    range.to() != null && range.to().isBefore(last) ? range.to() : last);
        }

        boolean whole() {
            return start.getDayOfMonth() == 1 && end.equals(month.atEndOfMonth());
        }
    }

    private TradeSeries() {
    }

    /**
     * @param maxMonths the most points an answer may have
     * @throws TooLong for a range that would give more, before any query when both ends are given
     */
    public static List<Point> monthly(DateRange range, MonthlyTotals totals, int maxMonths) {
        if (range.from() != null && range.to() != null) {
            requireAtMost(YearMonth.from(range.from()), YearMonth.from(range.to()), maxMonths);
        }
        SortedMap<YearMonth, TradeTotals> current = totals.between(range.fromOrMin(), range.toOrMax());
        YearMonth first = range.from() != null ? YearMonth.from(range.from()) : current.isEmpty() ? null : current.firstKey();
        YearMonth last = range.to() != null ? YearMonth.from(range.to()) : current.isEmpty() ? null : current.lastKey();
        if (first == null && last == null) {
            return List.of();
        }
        first = first == null ? last : first;
        last = last == null ? first : last;
        requireAtMost(first, last, maxMonths);
        List<Span> spans = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            spans.add(Span.of(month, range));
        }
        // A whole last month ends at the end of its month a year earlier: 28 February 2013 less a year would
        // leave out 29 February 2012.
        Span lastSpan = spans.get(spans.size() - 1);
        LocalDate yearEarlierTo = lastSpan.whole() ? last.minusYears(1).atEndOfMonth() : lastSpan.end().minusYears(1);
        Map<YearMonth, TradeTotals> yearEarlier = totals.between(range.fromOrMin().minusYears(1), yearEarlierTo);
        // Only whole points read this; a range inside one month has none.
        Map<YearMonth, TradeTotals> wholeMonthsBefore = spans.stream().anyMatch(Span::whole)
                ? totals.between(first.minusMonths(1).atDay(1), last.minusMonths(1).atEndOfMonth())
                : Map.of();
        List<Point> series = new ArrayList<>(spans.size());
        for (Span span : spans) {
            YearMonth month = span.month();
            YearMonth monthBefore = month.minusMonths(1);
            TradeTotals now = current.getOrDefault(month, TradeTotals.EMPTY);
            TradeTotals yearBefore = yearEarlier.getOrDefault(month.minusYears(1), TradeTotals.EMPTY);
            TradeTotals base = span.whole()
                    ? wholeMonthsBefore.getOrDefault(monthBefore, TradeTotals.EMPTY)
                    : totals.between(span.start().minusMonths(1), span.end().minusMonths(1))
                            .getOrDefault(monthBefore, TradeTotals.EMPTY);
            series.add(new Point(month, now, growth(now.totalCny(), yearBefore.totalCny()),
                    growth(now.totalCny(), base.totalCny())));
        }
        return series;
    }

    private static void requireAtMost(YearMonth first, YearMonth last, int maxMonths) {
        long months = first.until(last, ChronoUnit.MONTHS) + 1;
        if (months > maxMonths) {
            throw new TooLong(months, maxMonths);
        }
    }

    /** {@code now / before - 1}, or null when there is no base to grow from. */
    public static BigDecimal growth(BigDecimal now, BigDecimal before) {
        return before.signum() == 0 ? null : now.subtract(before).divide(before, GROWTH_SCALE, RoundingMode.HALF_EVEN);
    }
}
