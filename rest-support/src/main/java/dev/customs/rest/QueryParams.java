package dev.customs.rest;

import dev.customs.totals.DateRange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses every query and path parameter the services take, in one place, so each one has the same edges:
 * a value that is malformed, out of its range or of an unknown kind is a 400 problem naming the parameter
 * ({@link ProblemException#badParameter}), never a 404 from JAX-RS failing to convert it, a 500 from the
 * database or an answer to a different question.
 *
 * <p>Resources take their parameters as {@code String}s (documented with their OpenAPI type) and hand them
 * here. What no single parameter can check is checked for all of them by {@link ParameterGuard}: a repeated
 * parameter, an overlong value, a control character.
 *
 * <ul>
 *   <li>Whole numbers: ASCII digits only (surrounding spaces ignored), no sign, exponent or fraction, within
 *       the caller's bounds; a value beyond {@code int} is reported as out of bounds, not as text.</li>
 *   <li>Dates: {@code yyyy-MM-dd} exactly, a real calendar day, from {@link DateRange#MIN} to
 *       {@link DateRange#MAX}; months: {@code yyyy-MM} in the same window.</li>
 *   <li>Choices: exactly an enum constant's name.</li>
 *   <li>Codes: exactly so many ASCII digits, such as an area code (4) or a declaration number (18).</li>
 * </ul>
 */
public final class QueryParams {

    /** Longest value any parameter takes; see {@link ParameterGuard}. */
    public static final int MAX_LENGTH = 100;

    /** How much of a bad value a problem echoes: enough to recognise it, never a 10 KB body. */
    private static final int ECHO_LENGTH = 40;

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    private QueryParams() {
    }

    /** Absent for null, empty or blank: what an HTML form sends for a field left empty. */
    public static boolean absent(String value) {
        return value == null || value.isBlank();
    }

    /**
     * A whole number from {@code min} to {@code max}, both inclusive; {@code absent} when the parameter is not
     * given (or blank).
     */
    public static int whole(String name, String value, int absent, int min, int max) {
        if (absent(value)) {
            return absent;
        }
        String digits = value.trim();
        String range = " from " + min + " to " + max;
        if (digits.startsWith("-") && DIGITS.matcher(digits.substring(1)).matches()) {
            // A negative number is a number, out of bounds: every parameter here starts at 0 or 1.
            throw ProblemException.badParameter(name, "must be" + range + ", got " + echo(value));
        }
        if (!DIGITS.matcher(digits).matches()) {
            throw ProblemException.badParameter(name, "must be a whole number" + range + ", got " + echo(value));
        }
        // Leading zeros aside, more than ten digits is past any int.
        String significant = digits.replaceFirst("^0+(?=.)", "");
        long number = significant.length() > 10 ? Long.MAX_VALUE : Long.parseLong(significant);
        if (number < min || number > max) {
            throw ProblemException.badParameter(name, "must be" + range + ", got " + echo(value));
        }
        return (int) number;
    }

    /** The {@code from} and {@code to} parameters as {@link #date} reads them; 400 naming {@code from} when it is after {@code to}. */
    public static DateRange dateRange(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.badParameter("from", "must not be after to (" + start + " > " + end + ")");
        }
        return new DateRange(start, end);
    }

    /** A date from {@link DateRange#MIN} to {@link DateRange#MAX}; null when absent. */
    public static LocalDate date(String name, String value) {
        if (absent(value)) {
            return null;
        }
        String window = " from " + DateRange.MIN + " to " + DateRange.MAX;
        if (!DATE.matcher(value).matches()) {
            throw ProblemException.badParameter(name, "must be an ISO date (yyyy-MM-dd)" + window + ", got " + echo(value));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ProblemException.badParameter(name, "must be a calendar date (yyyy-MM-dd), got " + echo(value));
        }
        if (date.isBefore(DateRange.MIN) || date.isAfter(DateRange.MAX)) {
            throw ProblemException.badParameter(name, "must be" + window + ", got " + echo(value));
        }
        return date;
    }

    /** A month ({@code yyyy-MM}) within the same window as dates; required. */
    public static YearMonth month(String name, String value) {
        if (absent(value)) {
            throw ProblemException.badParameter(name, "is required (yyyy-MM)");
        }
        String window = " from " + YearMonth.from(DateRange.MIN) + " to " + YearMonth.from(DateRange.MAX);
        if (!MONTH.matcher(value).matches()) {
            throw ProblemException.badParameter(name, "must be a month (yyyy-MM)" + window + ", got " + echo(value));
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value);
        } catch (DateTimeException e) {
            throw ProblemException.badParameter(name, "must be a month (yyyy-MM), got " + echo(value));
        }
        if (month.isBefore(YearMonth.from(DateRange.MIN)) || month.isAfter(YearMonth.from(DateRange.MAX))) {
            throw ProblemException.badParameter(name, "must be" + window + ", got " + echo(value));
        }
        return month;
    }

    /** One of an enum's constants, by its exact name; {@code absent} when not given. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type, E absent) {
        if (absent(value)) {
            return absent;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ProblemException.badParameter(name, "must be one of " + names(type) + ", got " + echo(value));
    }

    /** One of an enum's constants, by its exact name; 400 when not given. */
    public static <E extends Enum<E>> E requiredOneOf(String name, String value, Class<E> type) {
        if (absent(value)) {
            throw ProblemException.badParameter(name, "is required: one of " + names(type));
        }
        return oneOf(name, value, type, null);
    }

    /** Exactly {@code digits} ASCII digits, such as an area code; required (a path segment always is). */
    public static String code(String name, String value, int digits) {
        if (value == null || value.length() != digits || !DIGITS.matcher(value).matches()) {
            throw ProblemException.badParameter(name, "must be " + digits + " digits, got " + echo(value));
        }
        return value;
    }

    /** As {@link #code}, but null when the parameter is not given. */
    public static String optionalCode(String name, String value, int digits) {
        return absent(value) ? null : code(name, value, digits);
    }

    /**
     * A bad value quoted for a problem's message: at most {@value #ECHO_LENGTH} characters, control and
     * non-ASCII characters escaped, so the answer neither grows with the request nor carries raw bytes.
     */
    static String echo(String value) {
        if (value == null) {
            return "nothing";
        }
        StringBuilder quoted = new StringBuilder("'");
        int shown = Math.min(value.length(), ECHO_LENGTH);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        quoted.append('\'');
        if (value.length() > ECHO_LENGTH) {
            quoted.append(" (").append(value.length()).append(" characters)");
        }
        return quoted.toString();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
