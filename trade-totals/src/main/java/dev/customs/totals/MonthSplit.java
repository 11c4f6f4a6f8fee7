package dev.customs.totals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A date range cut where monthly totals can answer it: the whole calendar months inside it, read from
 * monthly rows, and the days before the first and after the last of them, which only daily rows can
 * answer. A year therefore reads twelve monthly rows per key instead of 365 daily ones, and a range cut
 * mid-month reads daily rows only for its cut ends.
 *
 * @param days   the days outside whole months, in date order: none, one run (a range without a whole month,
 *               or one cut at one end only) or two (cut at both ends), never overlapping {@code months}
 * @param months the whole months, if the range holds any
 */
public record MonthSplit(List<Days> days, Optional<Months> months) {

    /** Consecutive days, both inclusive. */
    public record Days(LocalDate first, LocalDate last) {
    }

    /**
     * Consecutive whole calendar months, both inclusive. Monthly tables key a month by its first day, so
     * {@link #firstStart()} and {@link #lastStart()} are what a query compares them with.
     */
    public record Months(YearMonth first, YearMonth last) {

        public LocalDate firstStart() {
            return first.atDay(1);
        }

        public LocalDate lastStart() {
            return last.atDay(1);
        }
    }

    public MonthSplit {
        days = List.copyOf(days);
    }

    /** An unbounded end becomes {@link DateRange#MIN} or {@link DateRange#MAX}, both on a month's edge. */
    public static MonthSplit of(DateRange range) {
        return of(range.fromOrMin(), range.toOrMax());
    }

    /** The days from {@code from} to {@code to}, both inclusive; nothing at all when {@code from} is after {@code to}. */
    public static MonthSplit of(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return new MonthSplit(List.of(), Optional.empty());
        }
        YearMonth firstWhole = from.getDayOfMonth() == 1 ? YearMonth.from(from) : YearMonth.from(from).plusMonths(1);
        YearMonth lastWhole = to.equals(YearMonth.from(to).atEndOfMonth()) ? YearMonth.from(to)
                : YearMonth.from(to).minusMonths(1);
        if (firstWhole.isAfter(lastWhole)) {
            return new MonthSplit(List.of(new Days(from, to)), Optional.empty());
        }
        List<Days> days = new ArrayList<>(2);
        LocalDate monthsStart = firstWhole.atDay(1);
        LocalDate monthsEnd = lastWhole.atEndOfMonth();
        if (from.isBefore(monthsStart)) {
            days.add(new Days(from, monthsStart.minusDays(1)));
        }
        if (to.isAfter(monthsEnd)) {
            days.add(new Days(monthsEnd.plusDays(1), to));
        }
        return new MonthSplit(days, Optional.of(new Months(firstWhole, lastWhole)));
    }
}
