package dev.customs.contract.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code from}/{@code to} query parameters: ISO dates, both inclusive, absent meaning unbounded. */
public record DateRange(LocalDate from, LocalDate to) {

    /** Far enough apart to cover any declaration while staying inside SQL's date range. */
    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);

    /** For the OpenAPI descriptions of the two parameters, the same in every service. */
    public static final String FROM_DESCRIPTION = "First declaration date, inclusive (yyyy-MM-dd); absent means unbounded";
    public static final String TO_DESCRIPTION = "Last declaration date, inclusive (yyyy-MM-dd); absent means unbounded";

    public static DateRange parse(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.badParameter("from", "must not be after to (" + from + " > " + to + ")");
        }
        return new DateRange(start, end);
    }

    public LocalDate fromOrMin() {
        return from == null ? MIN : from;
    }

    public LocalDate toOrMax() {
        return to == null ? MAX : to;
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "must be an ISO date (yyyy-MM-dd), got '" + value + "'");
        }
    }
}
