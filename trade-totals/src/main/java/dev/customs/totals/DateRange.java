package dev.customs.totals;

import java.time.LocalDate;

/** Declaration dates from {@code from} to {@code to}, both inclusive; a null end is unbounded. */
public record DateRange(LocalDate from, LocalDate to) {

    /**
     * The dates a query may name, and what an absent end stands for. Declarations are plausible from
     * 1990-01-01 to tomorrow, so any wider window only asks for nothing, which is harmless; but the window is
     * bounded so that nothing a client sends can reach the database or date arithmetic at an edge: Java's
     * {@code LocalDate} goes to year 999,999,999, PostgreSQL's {@code date} only to 5874897 and not below
     * 4713 BC, and a year-ago base ({@code from.minusYears(1)}) or a month split must stay inside both.
     * Four-digit years also format back as they were parsed. 1900 and 2999 leave a century on either side
     * of any real data for clients that say "from the beginning" or "until whenever" with a date.
     */
    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2999, 12, 31);

    public DateRange {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    public LocalDate fromOrMin() {
        return from == null ? MIN : from;
    }

    public LocalDate toOrMax() {
        return to == null ? MAX : to;
    }
}
