package dev.customs.totals;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class MonthSplitQueryTest {

    private static final MonthSplitQuery QUERY = new MonthSplitQuery("SELECT k FROM (%s) parts GROUP BY k",
            "SELECT k FROM monthly WHERE month BETWEEN ? AND ?", "SELECT k FROM daily WHERE day BETWEEN ? AND ?");

    private static MonthSplit split(String from, String to) {
        return MonthSplit.of(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void wholeMonthsReadOnlyTheMonthlyTable() {
        assertThat(QUERY.sql(split("2025-01-01", "2025-12-31")))
                .isEqualTo("SELECT k FROM (SELECT k FROM monthly WHERE month BETWEEN ? AND ?) parts GROUP BY k");
    }

    @Test
    void cutEndsAddOneDailyPartEach() {
        assertThat(QUERY.sql(split("2025-01-15", "2025-12-14"))).isEqualTo("""
                SELECT k FROM (SELECT k FROM monthly WHERE month BETWEEN ? AND ?
                UNION ALL
                SELECT k FROM daily WHERE day BETWEEN ? AND ?
                UNION ALL
                SELECT k FROM daily WHERE day BETWEEN ? AND ?) parts GROUP BY k""");
    }

    @Test
    void aRangeWithoutAWholeMonthReadsOnlyTheDailyTable() {
        assertThat(QUERY.sql(split("2025-01-15", "2025-02-14")))
                .isEqualTo("SELECT k FROM (SELECT k FROM daily WHERE day BETWEEN ? AND ?) parts GROUP BY k");
    }

    @Test
    void anEmptyRangeAsksTheDatabaseNothing() {
        // No data source at all: asking it anything would fail.
        assertThat(QUERY.sums(null, split("2025-03-02", "2025-03-01"), 1, row -> row.getString(1))).isEmpty();
    }
}
