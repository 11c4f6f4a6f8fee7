package dev.customs.rest;

import dev.customs.totals.DateRange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParamsTest {

    private enum Level { section, chapter }

    /** The problem a bad parameter answers with, naming it and nothing else. */
    static void assertBadParameter(Executable parse, String named) {
        assertThatThrownBy(parse::execute).isInstanceOfSatisfying(ProblemException.class, e -> {
            Problem problem = e.toProblem();
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.title()).isEqualTo("Invalid parameter");
            assertThat(problem.detail()).startsWith(named + ": ");
            assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly(named);
            // Never the whole of a long value.
            assertThat(problem.detail().length()).isLessThan(200);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31", "-999999999-01-01",
            "+1000000-01-01", "+999999999-12-31", "2025-02-30", "2025-13-01", "2025-1-1", "20250101", "2025-01-01T00:00",
            " 2025-01-01", "２０２５-01-01", "abc", "1e3"})
    void aDateOutsideTheWindowOrNotExactlyIsoIsRefused(String value) {
        assertBadParameter(() -> QueryParams.dateRange(value, null), "from");
        assertBadParameter(() -> QueryParams.dateRange(null, value), "to");
    }

    @Test
    void theWindowsEdgesAreAcceptedAndAbsentMeansUnbounded() {
        DateRange widest = QueryParams.dateRange("1900-01-01", "2999-12-31");
        assertThat(widest).isEqualTo(new DateRange(DateRange.MIN, DateRange.MAX));
        assertThat(QueryParams.dateRange("2024-02-29", "")).isEqualTo(new DateRange(LocalDate.of(2024, 2, 29), null));
        assertThat(QueryParams.dateRange(null, " ").toOrMax()).isEqualTo(DateRange.MAX);
        // Arithmetic at the edges stays inside LocalDate and PostgreSQL.
        assertThat(DateRange.MIN.minusYears(1).minusMonths(1)).isEqualTo(LocalDate.of(1898, 12, 1));
        assertThat(DateRange.MAX.plusMonths(1)).isEqualTo(LocalDate.of(3000, 1, 31));
        assertBadParameter(() -> QueryParams.dateRange("2025-02-01", "2025-01-31"), "from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0x1", "abc", "1e3", "1.5", "+5", "0x10", "2147483648", "99999999999999999999",
            "-2147483649", "201", "１", "5 5"})
    void aWholeNumberOutOfBoundsOrNotPlainDigitsIsRefused(String value) {
        assertBadParameter(() -> QueryParams.whole("limit", value, 10, 0, 200), "limit");
    }

    @Test
    void wholeNumbersAtTheirBounds() {
        assertThat(QueryParams.whole("offset", "2147483647", 0, 0, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(QueryParams.whole("offset", "000000000000000000007", 0, 0, Integer.MAX_VALUE)).isEqualTo(7);
        assertThat(QueryParams.whole("offset", " 20 ", 0, 0, 100)).isEqualTo(20);
        assertThat(QueryParams.whole("offset", null, 3, 0, 100)).isEqualTo(3);
        assertThat(QueryParams.whole("offset", "", 3, 0, 100)).isEqualTo(3);
        assertBadParameter(() -> QueryParams.whole("offset", "2147483648", 0, 0, Integer.MAX_VALUE), "offset");
    }

    @Test
    void aPageWhoseFirstRowIsPastAnIntIsRefusedNamingPage() {
        assertThat(PageNumber.parse(null, null, 50, 500)).isEqualTo(new PageNumber(0, 50));
        PageNumber last = PageNumber.parse(String.valueOf(Integer.MAX_VALUE / 500), "500", 50, 500);
        assertThat(last.offset()).isEqualTo(Integer.MAX_VALUE / 500 * 500).isPositive();
        assertBadParameter(() -> PageNumber.parse("2147483647", "500", 50, 500), "page");
        assertBadParameter(() -> PageNumber.parse(String.valueOf(Integer.MAX_VALUE / 500 + 1), "500", 50, 500), "page");
        for (String page : List.of("-1", "2147483648", "99999999999999999999", "abc", "1.5")) {
            assertBadParameter(() -> PageNumber.parse(page, "10", 50, 500), "page");
        }
        for (String size : List.of("0", "-1", "501", "2147483648", "abc", "1.5", "1e3")) {
            assertBadParameter(() -> PageNumber.parse("0", size, 50, 500), "size");
        }
    }

    @Test
    void choicesAreExactConstantNames() {
        assertThat(QueryParams.oneOf("level", "chapter", Level.class, Level.section)).isEqualTo(Level.chapter);
        assertThat(QueryParams.oneOf("level", null, Level.class, Level.section)).isEqualTo(Level.section);
        for (String value : List.of("heading", "CHAPTER", "chapter ", "chapter\u0000", "x".repeat(10_000))) {
            assertBadParameter(() -> QueryParams.oneOf("level", value, Level.class, Level.section), "level");
        }
        assertBadParameter(() -> QueryParams.requiredOneOf("by", null, Level.class), "by");
    }

    @Test
    void monthsAndCodes() {
        assertThat(QueryParams.month("month", "2025-03")).isEqualTo(YearMonth.of(2025, 3));
        for (String value : List.of("2025-13", "2025-3", "0001-01", "9999-12", "+1000000-01", "2025-03-01", "abc")) {
            assertBadParameter(() -> QueryParams.month("month", value), "month");
        }
        assertBadParameter(() -> QueryParams.month("month", null), "month");
        assertThat(QueryParams.code("code", "8013", 4)).isEqualTo("8013");
        assertThat(QueryParams.optionalCode("zoneCode", null, 4)).isNull();
        for (String value : List.of("801", "80130", "abcd", "..", "\u0000", "８０１３", "80 3", "x".repeat(10_000))) {
            assertBadParameter(() -> QueryParams.code("code", value, 4), "code");
        }
    }

    @Test
    void aBadValueIsEchoedShortAndEscaped() {
        assertThat(QueryParams.echo("a\u0000€")).isEqualTo("'a\\u0000\\u20ac'");
        assertThat(QueryParams.echo("x".repeat(10_000))).isEqualTo("'" + "x".repeat(40) + "' (10000 characters)");
    }

    @Test
    void whatNoParameterMayHold() {
        assertThat(ParameterGuard.problem("2025-01-01")).isNull();
        assertThat(ParameterGuard.problem("Inner Mongolia")).isNull();
        assertThat(ParameterGuard.problem("x".repeat(QueryParams.MAX_LENGTH))).isNull();
        assertThat(ParameterGuard.problem("x".repeat(QueryParams.MAX_LENGTH + 1))).contains("at most 100 characters");
        assertThat(ParameterGuard.problem("80\u000013")).contains("control characters");
        assertThat(ParameterGuard.problem("a\nb")).contains("control characters");
        assertThat(ParameterGuard.problem("a\uFFFDb")).contains("UTF-8");
    }
}
