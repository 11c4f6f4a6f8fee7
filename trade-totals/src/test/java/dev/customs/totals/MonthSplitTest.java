package dev.customs.totals;

import dev.customs.totals.MonthSplit.Days;
import dev.customs.totals.MonthSplit.Months;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MonthSplitTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static Days days(String first, String last) {
        return new Days(d(first), d(last));
    }

    private static Optional<Months> months(String first, String last) {
        return Optional.of(new Months(YearMonth.parse(first), YearMonth.parse(last)));
    }

    private static MonthSplit split(String from, String to) {
        return MonthSplit.of(d(from), d(to));
    }

    /** Every day the split covers, in date order, a day covered twice listed twice. */
    private static List<LocalDate> covered(MonthSplit split) {
        List<LocalDate> all = new ArrayList<>();
        split.days().forEach(run -> addDays(all, run));
        split.months().ifPresent(m -> addDays(all, new Days(m.firstStart(), m.last().atEndOfMonth())));
        all.sort(LocalDate::compareTo);
        return all;
    }

    private static void addDays(List<LocalDate> all, Days run) {
        for (LocalDate day = run.first(); !day.isAfter(run.last()); day = day.plusDays(1)) {
            all.add(day);
        }
    }

    @Test
    void wholeMonthsNeedNoDays() {
        assertThat(split("2025-01-01", "2025-03-31")).isEqualTo(new MonthSplit(List.of(), months("2025-01", "2025-03")));
        assertThat(split("2025-02-01", "2025-02-28")).isEqualTo(new MonthSplit(List.of(), months("2025-02", "2025-02")));
    }

    @Test
    void aLeapFebruaryIsWholeOnlyToThe29th() {
        assertThat(split("2024-02-01", "2024-02-29")).isEqualTo(new MonthSplit(List.of(), months("2024-02", "2024-02")));
        assertThat(split("2024-02-01", "2024-02-28"))
                .isEqualTo(new MonthSplit(List.of(days("2024-02-01", "2024-02-28")), Optional.empty()));
    }

    @Test
    void aRangeStartingMidMonthReadsItsFirstDaysDaily() {
        assertThat(split("2025-01-15", "2025-03-31"))
                .isEqualTo(new MonthSplit(List.of(days("2025-01-15", "2025-01-31")), months("2025-02", "2025-03")));
    }

    @Test
    void aRangeEndingMidMonthReadsItsLastDaysDaily() {
        assertThat(split("2025-01-01", "2025-03-15"))
                .isEqualTo(new MonthSplit(List.of(days("2025-03-01", "2025-03-15")), months("2025-01", "2025-02")));
    }

    @Test
    void aRangeCutAtBothEndsReadsBothEndsDaily() {
        assertThat(split("2025-01-15", "2025-04-14")).isEqualTo(new MonthSplit(
                List.of(days("2025-01-15", "2025-01-31"), days("2025-04-01", "2025-04-14")), months("2025-02", "2025-03")));
    }

    @Test
    void aRangeInsideOneMonthIsDaysOnly() {
        assertThat(split("2025-06-10", "2025-06-20"))
                .isEqualTo(new MonthSplit(List.of(days("2025-06-10", "2025-06-20")), Optional.empty()));
        // From the 1st but not to the end, or to the end but not from the 1st: still no whole month.
        assertThat(split("2025-06-01", "2025-06-29"))
                .isEqualTo(new MonthSplit(List.of(days("2025-06-01", "2025-06-29")), Optional.empty()));
        assertThat(split("2025-06-02", "2025-06-30"))
                .isEqualTo(new MonthSplit(List.of(days("2025-06-02", "2025-06-30")), Optional.empty()));
    }

    @Test
    void twoCutMonthsWithNothingWholeBetweenAreOneRunOfDays() {
        assertThat(split("2025-01-15", "2025-02-14"))
                .isEqualTo(new MonthSplit(List.of(days("2025-01-15", "2025-02-14")), Optional.empty()));
    }

    @Test
    void acrossTheYearBoundary() {
        assertThat(split("2014-12-01", "2015-01-31")).isEqualTo(new MonthSplit(List.of(), months("2014-12", "2015-01")));
        assertThat(split("2014-12-15", "2015-01-15")).isEqualTo(
                new MonthSplit(List.of(days("2014-12-15", "2015-01-15")), Optional.empty()));
        assertThat(split("2014-11-15", "2015-02-15")).isEqualTo(new MonthSplit(
                List.of(days("2014-11-15", "2014-11-30"), days("2015-02-01", "2015-02-15")), months("2014-12", "2015-01")));
    }

    @Test
    void oneDay() {
        assertThat(split("2025-03-01", "2025-03-01"))
                .isEqualTo(new MonthSplit(List.of(days("2025-03-01", "2025-03-01")), Optional.empty()));
        assertThat(split("2025-03-31", "2025-03-31"))
                .isEqualTo(new MonthSplit(List.of(days("2025-03-31", "2025-03-31")), Optional.empty()));
        assertThat(split("2025-03-17", "2025-03-17"))
                .isEqualTo(new MonthSplit(List.of(days("2025-03-17", "2025-03-17")), Optional.empty()));
    }

    @Test
    void unboundedEndsAreWholeMonths() {
        assertThat(MonthSplit.of(new DateRange(null, null)))
                .isEqualTo(new MonthSplit(List.of(), Optional.of(new Months(YearMonth.from(DateRange.MIN),
                        YearMonth.from(DateRange.MAX)))));
        assertThat(MonthSplit.of(new DateRange(d("2025-03-10"), null))).isEqualTo(new MonthSplit(
                List.of(days("2025-03-10", "2025-03-31")),
                Optional.of(new Months(YearMonth.of(2025, 4), YearMonth.from(DateRange.MAX)))));
        assertThat(MonthSplit.of(new DateRange(null, d("2025-03-10")))).isEqualTo(new MonthSplit(
                List.of(days("2025-03-01", "2025-03-10")),
                Optional.of(new Months(YearMonth.from(DateRange.MIN), YearMonth.of(2025, 2)))));
    }

    @Test
    void anEmptyRangeReadsNothing() {
        assertThat(split("2025-03-02", "2025-03-01")).isEqualTo(new MonthSplit(List.of(), Optional.empty()));
    }

    @Test
    void monthsAreKeyedByTheirFirstDay() {
        Months months = new Months(YearMonth.of(2014, 12), YearMonth.of(2015, 2));
        assertThat(months.firstStart()).isEqualTo(d("2014-12-01"));
        assertThat(months.lastStart()).isEqualTo(d("2015-02-01"));
    }

    @Test
    void everyRangeIsCoveredExactlyOnce() {
        LocalDate start = d("2023-11-01");
        LocalDate end = d("2024-04-30");
        for (LocalDate from = start; !from.isAfter(end); from = from.plusDays(1)) {
            for (LocalDate to = from; !to.isAfter(end); to = to.plusDays(1)) {
                List<LocalDate> expected = new ArrayList<>();
                addDays(expected, new Days(from, to));
                assertThat(covered(MonthSplit.of(from, to))).as("%s..%s", from, to).isEqualTo(expected);
            }
        }
    }
}
