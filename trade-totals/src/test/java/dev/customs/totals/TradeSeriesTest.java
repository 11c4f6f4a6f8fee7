package dev.customs.totals;

import dev.customs.contract.event.Direction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeSeriesTest {

    private static final int MAX_MONTHS = 600;

    /** A store of dated amounts that sums them by month, counting the queries it answers. */
    private static final class FakeTotals implements TradeSeries.MonthlyTotals {

        private record Sent(LocalDate day, Direction direction, BigDecimal cny) {
        }

        private final List<Sent> sent = new ArrayList<>();
        private final List<String> queries = new ArrayList<>();

        FakeTotals add(String day, Direction direction, String cny) {
            sent.add(new Sent(LocalDate.parse(day), direction, new BigDecimal(cny)));
            return this;
        }

        @Override
        public SortedMap<YearMonth, TradeTotals> between(LocalDate from, LocalDate to) {
            queries.add(from + ".." + to);
            SortedMap<YearMonth, TradeTotals> byMonth = new TreeMap<>();
            for (Sent s : sent) {
                if (!s.day().isBefore(from) && !s.day().isAfter(to)) {
                    // USD is a tenth of CNY: the series carries it, growth ignores it.
                    byMonth.merge(YearMonth.from(s.day()),
                            TradeTotals.EMPTY.plus(s.direction(), 1, s.cny(), s.cny().movePointLeft(1)),
                            (a, b) -> a.plus(Direction.IMPORT, b.declarations(), b.importCny(), b.importUsd())
                                    .plus(Direction.EXPORT, 0, b.exportCny(), b.exportUsd()));
                }
            }
            return byMonth;
        }
    }

    private static DateRange range(String from, String to) {
        return new DateRange(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void wholeMonthsCompareWithTheWholeMonthBefore() {
        FakeTotals totals = new FakeTotals()
                .add("2016-01-20", Direction.IMPORT, "100.00")
                .add("2016-02-03", Direction.EXPORT, "150.00")
                .add("2016-02-29", Direction.IMPORT, "50.00")
                .add("2016-03-31", Direction.EXPORT, "300.00");

        List<TradeSeries.Point> series = TradeSeries.monthly(range("2016-02-01", "2016-04-30"), totals, MAX_MONTHS);

        assertThat(series).extracting(TradeSeries.Point::month)
                .containsExactly(YearMonth.of(2016, 2), YearMonth.of(2016, 3), YearMonth.of(2016, 4));
        assertThat(series.get(0).totals()).isEqualTo(new TradeTotals(2, d("50.00"), d("150.00"), d("200.00"),
                d("5.000"), d("15.000"), d("20.000")));
        assertThat(series).extracting(TradeSeries.Point::momTotalCny)
                .containsExactly(d("1.0000"), d("0.5000"), d("-1.0000"));   // 200/100, 300/200, 0/300
        assertThat(series).extracting(TradeSeries.Point::yoyTotalCny).containsOnlyNulls();
        // The range, the range a year earlier, the whole months before: nothing per point.
        assertThat(totals.queries).hasSize(3);
    }

    @Test
    void januaryComparesWithDecemberOfTheYearBefore() {
        FakeTotals totals = new FakeTotals()
                .add("2015-12-10", Direction.IMPORT, "200.00")
                .add("2016-01-05", Direction.EXPORT, "400.00")
                .add("2016-11-30", Direction.IMPORT, "500.00")
                .add("2016-12-01", Direction.EXPORT, "250.00")
                .add("2016-12-31", Direction.IMPORT, "50.00")
                .add("2017-01-01", Direction.EXPORT, "330.00");

        List<TradeSeries.Point> series = TradeSeries.monthly(range("2016-12-01", "2017-01-31"), totals, MAX_MONTHS);

        assertThat(series).extracting(TradeSeries.Point::month)
                .containsExactly(YearMonth.of(2016, 12), YearMonth.of(2017, 1));
        assertThat(series).extracting(p -> p.totals().totalCny()).containsExactly(d("300.00"), d("330.00"));
        // December 2016: 300 on November's 500 and on December 2015's 200.
        // January 2017: 330 on December 2016's 300 and on January 2016's 400.
        assertThat(series).extracting(TradeSeries.Point::momTotalCny).containsExactly(d("-0.4000"), d("0.1000"));
        assertThat(series).extracting(TradeSeries.Point::yoyTotalCny).containsExactly(d("0.5000"), d("-0.1750"));
    }

    @Test
    void aWholeFebruaryComparesWithTheWholeLeapFebruaryAYearEarlier() {
        FakeTotals totals = new FakeTotals()
                .add("2012-02-28", Direction.IMPORT, "100.00")
                .add("2012-02-29", Direction.IMPORT, "100.00")
                .add("2013-02-15", Direction.EXPORT, "300.00");

        List<TradeSeries.Point> series = TradeSeries.monthly(range("2013-02-01", "2013-02-28"), totals, MAX_MONTHS);

        assertThat(series).singleElement().extracting(TradeSeries.Point::yoyTotalCny).isEqualTo(d("0.5000"));
        // Cut at the 28th of a leap February, the same days a year later are 1-28 February.
        assertThat(TradeSeries.monthly(range("2012-02-01", "2012-02-28"),
                new FakeTotals().add("2011-02-28", Direction.IMPORT, "50.00").add("2012-02-28", Direction.IMPORT, "100.00"),
                MAX_MONTHS)).singleElement().extracting(TradeSeries.Point::yoyTotalCny).isEqualTo(d("1.0000"));
    }

    @Test
    void aRangeCutAtBothEndsComparesTheSameDaysAMonthEarlier() {
        FakeTotals totals = new FakeTotals()
                .add("2016-02-14", Direction.IMPORT, "1000.00")   // before 15 February: in no base
                .add("2016-02-15", Direction.IMPORT, "100.00")    // March's base: 15-29 February
                .add("2016-02-29", Direction.EXPORT, "100.00")    // 31 March less a month, clamped to 29 February
                .add("2016-03-10", Direction.IMPORT, "300.00")    // not in the range, but in April's base (all March)
                .add("2016-03-15", Direction.EXPORT, "200.00")
                .add("2016-03-31", Direction.IMPORT, "100.00")
                .add("2016-04-15", Direction.EXPORT, "800.00")    // in May's base: 1-15 April
                .add("2016-04-16", Direction.IMPORT, "9000.00")
                .add("2016-05-15", Direction.EXPORT, "1200.00")
                .add("2016-05-16", Direction.EXPORT, "5000.00");  // after the range

        List<TradeSeries.Point> series = TradeSeries.monthly(range("2016-03-15", "2016-05-15"), totals, MAX_MONTHS);

        assertThat(series).extracting(p -> p.totals().totalCny())
                .containsExactly(d("300.00"), d("9800.00"), d("1200.00"));
        // 300 on 200 (15-29 February); 9800 on 600 (all March) = 15.3333...; 1200 on 800 (1-15 April).
        assertThat(series).extracting(TradeSeries.Point::momTotalCny)
                .containsExactly(d("0.5000"), d("15.3333"), d("0.5000"));
        assertThat(totals.queries).containsExactly(
                "2016-03-15..2016-05-15",
                "2015-03-15..2015-05-15",
                "2016-02-01..2016-04-30",
                "2016-02-15..2016-02-29",
                "2016-04-01..2016-04-15");
    }

    @Test
    void aRangeInsideOneMonthIsClampedToTheShorterMonthBefore() {
        FakeTotals totals = new FakeTotals()
                .add("2017-02-27", Direction.IMPORT, "999.00")
                .add("2017-02-28", Direction.IMPORT, "100.00")
                .add("2017-03-30", Direction.EXPORT, "150.00");

        List<TradeSeries.Point> series = TradeSeries.monthly(range("2017-03-29", "2017-03-31"), totals, MAX_MONTHS);

        // 29-31 March less a month is 28-28 February.
        assertThat(series).singleElement().satisfies(p -> {
            assertThat(p.totals().totalCny()).isEqualTo(d("150.00"));
            assertThat(p.momTotalCny()).isEqualTo(d("0.5000"));
        });
        // No whole month, so no query for whole months before.
        assertThat(totals.queries).containsExactly(
                "2017-03-29..2017-03-31", "2016-03-29..2016-03-31", "2017-02-28..2017-02-28");
    }

    @Test
    void growthIsNullWhereTheBaseIsZero() {
        FakeTotals totals = new FakeTotals().add("2016-07-10", Direction.EXPORT, "100.00");

        List<TradeSeries.Point> series = TradeSeries.monthly(range("2016-06-01", "2016-08-31"), totals, MAX_MONTHS);

        assertThat(series).extracting(p -> p.totals().totalCny())
                .containsExactly(d("0.00"), d("100.00"), d("0.00"));
        assertThat(series).extracting(TradeSeries.Point::momTotalCny)
                .containsExactly(null, null, d("-1.0000"));
        assertThat(series).extracting(TradeSeries.Point::yoyTotalCny).containsOnlyNulls();
    }

    @Test
    void anUnboundedRangeRunsFromTheFirstToTheLastMonthWithData() {
        FakeTotals totals = new FakeTotals()
                .add("2016-01-20", Direction.IMPORT, "100.00")
                .add("2016-03-31", Direction.EXPORT, "300.00");

        List<TradeSeries.Point> series = TradeSeries.monthly(range(null, null), totals, MAX_MONTHS);

        assertThat(series).extracting(TradeSeries.Point::month)
                .containsExactly(YearMonth.of(2016, 1), YearMonth.of(2016, 2), YearMonth.of(2016, 3));
        assertThat(series).extracting(TradeSeries.Point::momTotalCny).containsExactly(null, d("-1.0000"), null);
        assertThat(TradeSeries.monthly(range(null, null), new FakeTotals(), MAX_MONTHS)).isEmpty();
    }

    @Test
    void tooManyMonthsAreRefused() {
        assertThatThrownBy(() -> TradeSeries.monthly(range("2000-01-01", "2000-12-31"), new FakeTotals(), 11))
                .isInstanceOfSatisfying(TradeSeries.TooLong.class, e -> {
                    assertThat(e.months()).isEqualTo(12);
                    assertThat(e.maxMonths()).isEqualTo(11);
                });
    }

    @Test
    void theWidestRangeIsRefusedBeforeAnyQuery() {
        FakeTotals totals = new FakeTotals();
        assertThatThrownBy(() -> TradeSeries.monthly(range("1900-01-01", "2999-12-31"), totals, MAX_MONTHS))
                .isInstanceOfSatisfying(TradeSeries.TooLong.class, e -> assertThat(e.months()).isEqualTo(13_200));
        assertThat(totals.queries).isEmpty();
        // At the window's lower edge the bases a year and a month earlier are still ordinary dates.
        assertThat(TradeSeries.monthly(range("1900-01-01", "1900-12-31"), totals, MAX_MONTHS)).hasSize(12);
        assertThat(totals.queries).contains("1899-01-01..1899-12-31", "1899-12-01..1900-11-30");
    }
}
