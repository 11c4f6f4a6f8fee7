package dev.customs.contract.event;

import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.TradeMode;
import dev.customs.contract.reference.TransportMode;
import dev.customs.contract.reference.Zone;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The contract's rules for events and declaration states, in one place: the consumers dead-letter what
 * breaks them and declaration-service rejects the same things over REST, so whatever is answered 201 counts.
 * The JSON schema ({@code schema/declaration-event.schema.json}) states the same limits.
 *
 * <p>The limits, generous for any real declaration yet finite, so that no value a producer may send can
 * overflow a sum, a database column or a CPU budget:
 * <ul>
 *   <li>Money ({@code valueCny}, {@code valueUsd}, the totals): positive, at most {@value #MONEY_SCALE}
 *       decimal places; an item below {@link #MONEY_LIMIT} (10^15), a declaration's total below
 *       {@link #DECLARATION_MONEY_LIMIT} (10^16). A year of China's trade is about CNY 4&middot;10^13, so
 *       neither cap turns away a real declaration; the consumers' sums are unbounded NUMERIC, so no
 *       number of declarations at the caps can overflow a total.</li>
 *   <li>{@code quantity}: positive, at most {@value #QUANTITY_SCALE} decimal places (grams of a tonne,
 *       fractions of a litre), below {@link #QUANTITY_LIMIT} (10^12 of any unit).</li>
 *   <li>{@code revision}: a JSON integer from 1 (the codec refuses strings and fractions).</li>
 *   <li>{@code declarationDate} from {@link #MIN_DATE} (1990-01-01, before any declaration this system
 *       holds) to one day after today in {@link #CUSTOMS_ZONE} (a declaration filed just before midnight
 *       may be dated by the next day's clock); {@code occurredAt} in the same range as an instant.</li>
 *   <li>Strings: the codes have their fixed lengths ({@code declarationId} {@value #DECLARATION_ID_LENGTH},
 *       {@code zoneCode}, {@code tradeMode}, {@code customsOffice} {@value #CUSTOMS_OFFICE_LENGTH},
 *       {@code declarantCode} {@value #DECLARANT_CODE_LENGTH}, {@code partnerCountry}
 *       {@value #COUNTRY_CODE_LENGTH}, {@code transportMode} {@value #TRANSPORT_MODE_LENGTH},
 *       {@code currency} {@value #CURRENCY_LENGTH}, {@code hsCode} {@value #HS_CODE_LENGTH}); the one free
 *       text, {@code unit}, is at most {@value #UNIT_MAX_LENGTH} characters (code points) without control
 *       characters or unpaired surrogates, which no database column or header survives. The same holds for
 *       {@code filedBy}'s {@code subject} and {@code client}, at most {@value #FILED_BY_MAX_LENGTH} characters
 *       each: both are required when {@code filedBy} is given, which it need not be.</li>
 *   <li>At most {@value #MAX_ITEMS} items.</li>
 * </ul>
 *
 * <p>Both consumers check every record they read, so the valid path is kept cheap: field paths are only put
 * together for a violation, the fixed formats are checked character by character, not by regex, and numbers
 * are sized up by precision and scale before any arithmetic, so a hostile {@code 1e-2147483647} costs
 * nothing. {@link #check(DeclarationEvent)} never throws, whatever the codec produced.
 */
public final class DeclarationRules {

    public static final int MAX_ITEMS = 1000;
    public static final int MONEY_SCALE = 2;
    /** Exclusive maximum of an item's {@code valueCny} and {@code valueUsd}. */
    public static final BigDecimal MONEY_LIMIT = new BigDecimal("1000000000000000");
    /** Exclusive maximum of a declaration's {@code totalValueCny} and {@code totalValueUsd}. */
    public static final BigDecimal DECLARATION_MONEY_LIMIT = new BigDecimal("10000000000000000");
    public static final int QUANTITY_SCALE = 6;
    /** Exclusive maximum of an item's {@code quantity}. */
    public static final BigDecimal QUANTITY_LIMIT = new BigDecimal("1000000000000");
    public static final LocalDate MIN_DATE = LocalDate.of(1990, 1, 1);
    /** Where "today" is decided for the date rules. */
    public static final ZoneId CUSTOMS_ZONE = ZoneId.of("Asia/Shanghai");

    public static final int DECLARATION_ID_LENGTH = 18;
    public static final int ZONE_CODE_LENGTH = 4;
    public static final int TRADE_MODE_LENGTH = 4;
    public static final int CUSTOMS_OFFICE_LENGTH = 4;
    public static final int DECLARANT_CODE_LENGTH = 18;
    public static final int COUNTRY_CODE_LENGTH = 2;
    public static final int TRANSPORT_MODE_LENGTH = 1;
    public static final int CURRENCY_LENGTH = 3;
    public static final int HS_CODE_LENGTH = 10;
    public static final int UNIT_MAX_LENGTH = 20;
    /** A token's {@code sub} and {@code azp} are identifiers, far shorter than this in any identity provider. */
    public static final int FILED_BY_MAX_LENGTH = 255;

    /** Index of the direction digit in a declaration number: office (4), year (4), then 1 import or 0 export. */
    public static final int DIRECTION_DIGIT = 8;

    /** Unified social credit code: 18 characters of digits and capital letters other than I, O, Z, S, V. */
    private static final String CREDIT_CODE_LETTERS = "ABCDEFGHJKLMNPQRTUWXY";
    /** A dead letter names this many violations; the rest are counted (a header is no place for thousands). */
    private static final int MAX_DESCRIBED = 10;
    private static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(CUSTOMS_ZONE).toInstant();

    private static final String MONEY_TOO_LARGE = "must be below " + MONEY_LIMIT.toPlainString();
    private static final String TOTAL_TOO_LARGE = "must be below " + DECLARATION_MONEY_LIMIT.toPlainString();
    private static final String QUANTITY_TOO_LARGE = "must be below " + QUANTITY_LIMIT.toPlainString();
    private static final String MONEY_TOO_PRECISE = "must have at most " + MONEY_SCALE + " decimal places";
    private static final String QUANTITY_TOO_PRECISE = "must have at most " + QUANTITY_SCALE + " decimal places";
    private static final String UNIT_TOO_LONG = "must be at most " + UNIT_MAX_LENGTH + " characters";
    private static final String FILED_BY_TOO_LONG = "must be at most " + FILED_BY_MAX_LENGTH + " characters";

    private final ReferenceData reference;
    private final Clock clock;
    // Made once: a capturing lambda at the call site would be a new object for every event checked.
    private final Predicate<String> knownCountry;
    private final Predicate<String> knownTransportMode;
    private final Predicate<String> knownCurrency;
    /** Today's date bounds, replaced when the clock leaves the day they were computed for. */
    private volatile DateWindow window;

    public DeclarationRules(ReferenceData reference) {
        this(reference, Clock.systemUTC());
    }

    public DeclarationRules(ReferenceData reference, Clock clock) {
        this.reference = reference;
        this.clock = clock;
        this.knownCountry = code -> reference.country(code).isPresent();
        this.knownTransportMode = code -> reference.transportMode(code).isPresent();
        this.knownCurrency = code -> reference.currencies().contains(code);
    }

    /** The direction digit of a declaration number (GAC Announcement 2016 No. 20): 1 for import, 0 for export. */
    public static char directionDigit(Direction direction) {
        return direction == Direction.IMPORT ? '1' : '0';
    }

    /**
     * The filing rule for a declaration number: its ninth digit is the direction's. Applied where numbers are
     * made and chosen (declaration-service), not to consumed events: the pinned contract's own example event
     * numbers an import with digit 0, and an outside producer following it must not be dead-lettered.
     *
     * @return the violation, naming {@code field}, or null when the number is 18 digits with the right digit
     *         (other shapes are the length rule's)
     */
    public static Violation directionDigitViolation(String field, String declarationId, Direction direction) {
        if (declarationId == null || direction == null || !ReferenceData.isDigits(declarationId, DECLARATION_ID_LENGTH)
                || declarationId.charAt(DIRECTION_DIGIT) == directionDigit(direction)) {
            return null;
        }
        return new Violation(field, "digit " + (DIRECTION_DIGIT + 1) + " must be " + directionDigit(direction) + " for "
                + direction + " (1 import, 0 export)");
    }

    /**
     * Whether {@code value} is positive, below {@code limit} and has at most {@code maxScale} decimal places
     * (trailing zeros aside): the plausibility of a number, decided from its precision and scale before any
     * arithmetic, so callers can vet a number a client sent before converting or summing it.
     *
     * @param limit exclusive, positive: one of {@link #MONEY_LIMIT}, {@link #DECLARATION_MONEY_LIMIT},
     *              {@link #QUANTITY_LIMIT}
     */
    public static boolean isPlausible(BigDecimal value, BigDecimal limit, int maxScale) {
        return value != null && value.signum() > 0 && below(value, limit) && withinScale(value, maxScale);
    }

    /** Every rule the event breaks, not just the first, so a dead letter names them all. */
    public List<Violation> check(DeclarationEvent event) {
        List<Violation> out = new ArrayList<>();
        if (event == null) {
            out.add(new Violation("event", "is required"));
            return out;
        }
        if (event.schemaVersion() == null) {
            out.add(new Violation("schemaVersion", "is required"));
        } else if (event.schemaVersion() != DeclarationEvent.SCHEMA_VERSION) {
            out.add(new Violation("schemaVersion", "unsupported version " + event.schemaVersion()));
            return out;
        }
        DateWindow dates = window();
        required(out, "", "eventId", event.eventId());
        if (event.occurredAt() == null) {
            out.add(new Violation("occurredAt", "is required"));
        } else if (event.occurredAt().isBefore(MIN_INSTANT) || !event.occurredAt().isBefore(dates.instantsBefore)) {
            out.add(new Violation("occurredAt", "must be from " + MIN_DATE + " to " + dates.maxDate + " (" + CUSTOMS_ZONE + ")"));
        }
        if (event.declarationId() == null) {
            out.add(new Violation("declarationId", "is required"));
        } else if (!ReferenceData.isDigits(event.declarationId(), DECLARATION_ID_LENGTH)) {
            out.add(new Violation("declarationId", "must be " + DECLARATION_ID_LENGTH + " digits"));
        }
        checkRevision(out, event.eventType(), event.revision());
        FiledBy filedBy = event.filedBy();
        if (filedBy != null) {
            checkText(out, "filedBy.subject", filedBy.subject(), FILED_BY_MAX_LENGTH, FILED_BY_TOO_LONG);
            checkText(out, "filedBy.client", filedBy.client(), FILED_BY_MAX_LENGTH, FILED_BY_TOO_LONG);
        }
        if (event.declaration() == null) {
            out.add(new Violation("declaration", "is required"));
        } else {
            check(out, event.declaration(), "declaration.", dates);
        }
        return out;
    }

    /** Rules for one declaration state; {@code prefix} is prepended to field paths (e.g. "declaration."). */
    public List<Violation> check(DeclarationState state, String prefix) {
        List<Violation> out = new ArrayList<>();
        if (state == null) {
            String field = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : "declaration";
            out.add(new Violation(field, "is required"));
        } else {
            check(out, state, prefix, window());
        }
        return out;
    }

    private void check(List<Violation> out, DeclarationState state, String prefix, DateWindow dates) {
        LocalDate date = state.declarationDate();
        if (date == null) {
            out.add(new Violation(prefix + "declarationDate", "is required"));
        } else if (date.isBefore(MIN_DATE) || date.isAfter(dates.maxDate)) {
            out.add(new Violation(prefix + "declarationDate", "must be from " + MIN_DATE + " to " + dates.maxDate));
        }
        required(out, prefix, "direction", state.direction());
        required(out, prefix, "tradeMode", state.tradeMode());
        required(out, prefix, "customsOffice", state.customsOffice());
        required(out, prefix, "declarantCode", state.declarantCode());
        required(out, prefix, "partnerCountry", state.partnerCountry());
        required(out, prefix, "transportMode", state.transportMode());
        required(out, prefix, "currency", state.currency());
        addCodeViolations(out, state, prefix);
        checkItems(out, prefix, state);
    }

    /**
     * Only the code-list and format rules, on the fields that are present: what declaration-service adds
     * to Bean Validation of a request, so a client hears of every bad field at once.
     */
    public List<Violation> checkCodes(DeclarationState state, String prefix) {
        List<Violation> out = new ArrayList<>();
        addCodeViolations(out, state, prefix);
        return out;
    }

    private void addCodeViolations(List<Violation> out, DeclarationState state, String prefix) {
        checkZone(out, prefix, state);
        if (state.customsOffice() != null && !ReferenceData.isDigits(state.customsOffice(), CUSTOMS_OFFICE_LENGTH)) {
            out.add(new Violation(prefix + "customsOffice", "must be " + CUSTOMS_OFFICE_LENGTH + " digits"));
        }
        if (state.declarantCode() != null && !creditCode(state.declarantCode())) {
            out.add(new Violation(prefix + "declarantCode", "must be an 18-character unified social credit code"));
        }
        known(out, prefix, "partnerCountry", state.partnerCountry(), COUNTRY_CODE_LENGTH, knownCountry);
        known(out, prefix, "transportMode", state.transportMode(), TRANSPORT_MODE_LENGTH, knownTransportMode);
        checkTransportAgainstFlow(out, prefix, state);
        known(out, prefix, "currency", state.currency(), CURRENCY_LENGTH, knownCurrency);
        List<DeclarationItem> items = state.items();
        if (items == null || items.size() > MAX_ITEMS) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            DeclarationItem item = items.get(i);
            if (item != null && item.hsCode() != null) {
                checkHsCode(out, prefix, i, item.hsCode());
            }
            if (item != null && item.unit() != null && textProblem(item.unit(), UNIT_MAX_LENGTH, UNIT_TOO_LONG) == null
                    && !reference.isKnownUnit(item.unit())) {
                out.add(new Violation(itemField(prefix, i, "unit"), "unknown unit " + Echo.quoted(item.unit())
                        + "; use a name (or code) of GAC's measurement unit table, e.g. 千克 or 035"));
            }
        }
    }

    /** Joins violations into one dead-letter reason or problem detail, naming at most the first ten. */
    public static String describe(List<Violation> violations) {
        StringBuilder out = new StringBuilder();
        int named = Math.min(violations.size(), MAX_DESCRIBED);
        for (int i = 0; i < named; i++) {
            out.append(i == 0 ? "" : "; ").append(violations.get(i));
        }
        if (violations.size() > named) {
            out.append("; and ").append(violations.size() - named).append(" more");
        }
        return out.toString();
    }

    private void checkRevision(List<Violation> out, EventType type, Long revision) {
        if (type == null) {
            out.add(new Violation("eventType", "is required"));
        }
        if (revision == null) {
            out.add(new Violation("revision", "is required"));
        } else if (revision < 1) {
            out.add(new Violation("revision", "must be at least 1"));
        } else if (type == EventType.DECLARED && revision != 1) {
            out.add(new Violation("revision", "must be 1 for DECLARED"));
        } else if (type != null && type != EventType.DECLARED && revision < 2) {
            out.add(new Violation("revision", "must be at least 2 for " + type));
        }
    }

    private void checkZone(List<Violation> out, String prefix, DeclarationState state) {
        String zone = state.zoneCode();
        ZoneFlow flow = state.zoneFlow();
        if (zone == null && flow != null) {
            out.add(new Violation(prefix + "zoneFlow", "must be null when zoneCode is null"));
        } else if (zone != null && flow == null) {
            out.add(new Violation(prefix + "zoneFlow", "is required when zoneCode is given"));
        }
        if (zone != null && !ReferenceData.isDigits(zone, ZONE_CODE_LENGTH)) {
            out.add(new Violation(prefix + "zoneCode", "must be " + ZONE_CODE_LENGTH + " digits"));
        } else if (zone != null && reference.zone(zone).isEmpty()) {
            out.add(new Violation(prefix + "zoneCode", "unknown special customs supervision area '" + zone + "'"));
        }
        String modeCode = state.tradeMode();
        if (modeCode == null) {
            return;
        }
        if (!ReferenceData.isDigits(modeCode, TRADE_MODE_LENGTH)) {
            out.add(new Violation(prefix + "tradeMode", "must be " + TRADE_MODE_LENGTH + " digits"));
            return;
        }
        TradeMode mode = reference.tradeMode(modeCode).orElse(null);
        if (mode == null) {
            out.add(new Violation(prefix + "tradeMode", "unknown supervision mode '" + modeCode + "'"));
        } else if ((zone == null) == (flow == null) && !mode.allows(flow)) {
            out.add(new Violation(prefix + "tradeMode", "supervision mode " + modeCode + " is not allowed for "
                    + (flow == null ? "trade outside special areas" : flow + " flow")));
        } else {
            Zone area = zone == null ? null : reference.zone(zone).orElse(null);
            if (area != null && !mode.allowsAreaType(area.type())) {
                out.add(new Violation(prefix + "tradeMode", "supervision mode " + modeCode + " is only allowed in "
                        + mode.areaTypes() + ", not in a " + area.type()));
            }
        }
        if (mode != null && state.direction() != null && !mode.allowsDirection(state.direction())) {
            out.add(new Violation(prefix + "direction", "supervision mode " + modeCode + " is "
                    + mode.onlyDirection() + " only"));
        }
    }

    /**
     * First-line trade and trade outside areas name a real carrier; moves that cross no border name the area's
     * transport code for its type, flow and direction ({@code area-transport-codes.csv}).
     */
    private void checkTransportAgainstFlow(List<Violation> out, String prefix, DeclarationState state) {
        TransportMode transport = state.transportMode() == null ? null
                : reference.transportMode(state.transportMode()).orElse(null);
        ZoneFlow flow = state.zoneFlow();
        if (transport == null || (state.zoneCode() == null) != (flow == null)) {
            return;
        }
        if (flow == null || flow.crossesNationalBorder()) {
            if (transport.areaCode()) {
                out.add(new Violation(prefix + "transportMode", "area code " + transport.code() + " is for moves that "
                        + "cross no border; " + (flow == null ? "trade outside special areas" : flow + " flow")
                        + " names a real carrier"));
            }
            return;
        }
        Zone area = reference.zone(state.zoneCode()).orElse(null);
        if (area == null || state.direction() == null) {
            return;
        }
        reference.areaTransportCode(area.type(), flow, state.direction())
                .filter(expected -> !expected.equals(transport.code()))
                .ifPresent(expected -> out.add(new Violation(prefix + "transportMode", "must be " + expected + " for "
                        + flow + " " + state.direction() + " of a " + area.type())));
    }

    private void checkItems(List<Violation> out, String prefix, DeclarationState state) {
        List<DeclarationItem> items = state.items();
        if (items == null || items.isEmpty()) {
            out.add(new Violation(prefix + "items", "must have at least one item"));
            return;
        }
        if (items.size() > MAX_ITEMS) {
            out.add(new Violation(prefix + "items", "must have at most " + MAX_ITEMS + " items"));
            return;
        }
        BigDecimal sumCny = BigDecimal.ZERO;
        BigDecimal sumUsd = BigDecimal.ZERO;
        Set<Integer> itemNumbers = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            DeclarationItem item = items.get(i);
            if (item == null) {
                out.add(new Violation(prefix + "items[" + i + "]", "is required"));
                continue;
            }
            if (item.itemNo() == null || item.itemNo() < 1) {
                out.add(new Violation(itemField(prefix, i, "itemNo"), "must be a positive number"));
            } else if (!itemNumbers.add(item.itemNo())) {
                out.add(new Violation(itemField(prefix, i, "itemNo"), "duplicate item number " + item.itemNo()));
            }
            if (missing(item.hsCode())) {
                out.add(new Violation(itemField(prefix, i, "hsCode"), "is required"));
            }
            checkNumber(out, prefix, i, "quantity", item.quantity(), QUANTITY_LIMIT, QUANTITY_SCALE,
                    QUANTITY_TOO_LARGE, QUANTITY_TOO_PRECISE);
            checkText(out, itemField(prefix, i, "unit"), item.unit(), UNIT_MAX_LENGTH, UNIT_TOO_LONG);
            if (checkNumber(out, prefix, i, "valueCny", item.valueCny(), MONEY_LIMIT, MONEY_SCALE,
                    MONEY_TOO_LARGE, MONEY_TOO_PRECISE)) {
                sumCny = sumCny.add(item.valueCny());
            }
            if (checkNumber(out, prefix, i, "valueUsd", item.valueUsd(), MONEY_LIMIT, MONEY_SCALE,
                    MONEY_TOO_LARGE, MONEY_TOO_PRECISE)) {
                sumUsd = sumUsd.add(item.valueUsd());
            }
        }
        boolean itemsSound = noItemViolations(out, prefix);
        checkTotal(out, prefix + "totalValueCny", state.totalValueCny(), sumCny, itemsSound);
        checkTotal(out, prefix + "totalValueUsd", state.totalValueUsd(), sumUsd, itemsSound);
    }

    /** Includes the hsCode rules, which ran before the items' other rules. */
    private static boolean noItemViolations(List<Violation> out, String prefix) {
        for (Violation v : out) {
            if (v.field().startsWith(prefix) && v.field().startsWith("items[", prefix.length())) {
                return false;
            }
        }
        return true;
    }

    private void checkHsCode(List<Violation> out, String prefix, int item, String hsCode) {
        if (!ReferenceData.isDigits(hsCode, HS_CODE_LENGTH)) {
            out.add(new Violation(itemField(prefix, item, "hsCode"), "must be a 10-digit commodity code"));
        } else if (reference.chapterOfCommodity(hsCode).isEmpty()) {
            out.add(new Violation(itemField(prefix, item, "hsCode"),
                    "HS chapter " + hsCode.substring(0, 2) + " does not exist or is reserved"));
        }
    }

    private static String itemField(String prefix, int item, String field) {
        return prefix + "items[" + item + "]." + field;
    }

    /** A total is compared with its items' sum only when every item is sound, or the sum means nothing. */
    private static void checkTotal(List<Violation> out, String field, BigDecimal total, BigDecimal sum,
                                   boolean itemsSound) {
        String problem = numberProblem(total, DECLARATION_MONEY_LIMIT, MONEY_SCALE, TOTAL_TOO_LARGE, MONEY_TOO_PRECISE);
        if (problem != null) {
            out.add(new Violation(field, problem));
        } else if (itemsSound && total.compareTo(sum) != 0) {
            out.add(new Violation(field, "is " + Echo.bounded(total.toPlainString()) + " but the items sum to "
                    + Echo.bounded(sum.toPlainString())));
        }
    }

    /** @return whether the item's number is sound (and may be summed). */
    private static boolean checkNumber(List<Violation> out, String prefix, int item, String field, BigDecimal value,
                                       BigDecimal limit, int maxScale, String tooLarge, String tooPrecise) {
        String problem = numberProblem(value, limit, maxScale, tooLarge, tooPrecise);
        if (problem != null) {
            out.add(new Violation(itemField(prefix, item, field), problem));
        }
        return problem == null;
    }

    private static String numberProblem(BigDecimal value, BigDecimal limit, int maxScale, String tooLarge,
                                        String tooPrecise) {
        if (value == null) {
            return "is required";
        }
        if (value.signum() <= 0) {
            return "must be positive";
        }
        if (!below(value, limit)) {
            return tooLarge;
        }
        return withinScale(value, maxScale) ? null : tooPrecise;
    }

    /** For positive numbers; compares magnitudes first, so compareTo never rescales by a hostile exponent. */
    private static boolean below(BigDecimal value, BigDecimal limit) {
        // A positive number with p significant digits and scale s lies in [10^(p-s-1), 10^(p-s)); long, as
        // p - s overflows an int for scales near Integer.MIN_VALUE.
        long digits = (long) value.precision() - value.scale();
        long limitDigits = (long) limit.precision() - limit.scale();
        if (digits != limitDigits) {
            return digits < limitDigits;
        }
        // Equal magnitudes: the scales differ by no more than the precisions do.
        return value.compareTo(limit) < 0;
    }

    /**
     * Trailing zeros beyond {@code maxScale} are allowed ("1.500"). A nonzero value has fewer trailing zeros
     * than significant digits, so a scale further out is refused without stripping anything.
     */
    private static boolean withinScale(BigDecimal value, int maxScale) {
        int scale = value.scale();
        if (scale <= maxScale) {
            return true;
        }
        if ((long) scale - maxScale >= value.precision()) {
            return false;
        }
        return value.stripTrailingZeros().scale() <= maxScale;
    }

    /** Free text: required, not blank, at most {@code maxLength} code points, no control characters. */
    private static void checkText(List<Violation> out, String field, String text, int maxLength, String tooLong) {
        String problem = textProblem(text, maxLength, tooLong);
        if (problem != null) {
            out.add(new Violation(field, problem));
        }
    }

    private static String textProblem(String text, int maxLength, String tooLong) {
        if (text == null) {
            return "is required";
        }
        // Even a text of surrogate pairs only fits in twice the limit in chars; longer is not read through.
        if (text.length() > 2 * maxLength) {
            return tooLong;
        }
        if (text.isBlank()) {
            return "is required";
        }
        int codePoints = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || Character.isISOControl(c)) {
                return "must not contain control characters or unpaired surrogates";
            }
            codePoints++;
        }
        return codePoints > maxLength ? tooLong : null;
    }

    private static void required(List<Violation> out, String prefix, String field, Object value) {
        if (missing(value)) {
            out.add(new Violation(prefix + field, "is required"));
        }
    }

    private static boolean missing(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    /** A code of fixed length from a code list; the length is checked first, so an echoed code is short. */
    private static void known(List<Violation> out, String prefix, String field, String code, int length,
                              Predicate<String> exists) {
        if (code == null) {
            return;
        }
        if (code.length() != length) {
            out.add(new Violation(prefix + field, "must be a " + length + "-character code"));
        } else if (!exists.test(code)) {
            out.add(new Violation(prefix + field, "unknown code " + Echo.quoted(code)));
        }
    }

    private static boolean creditCode(String value) {
        if (value.length() != DECLARANT_CODE_LENGTH) {
            return false;
        }
        for (int i = 0; i < DECLARANT_CODE_LENGTH; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && CREDIT_CODE_LETTERS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private DateWindow window() {
        long now = clock.millis();
        DateWindow current = window;
        if (current == null || now < current.fromMillis || now >= current.untilMillis) {
            current = DateWindow.around(Instant.ofEpochMilli(now));
            window = current;
        }
        return current;
    }

    /**
     * The date bounds for one day in {@link #CUSTOMS_ZONE}, from {@code fromMillis} (inclusive) to
     * {@code untilMillis}: the latest valid {@code declarationDate}, and the instant {@code occurredAt} must
     * be before (the end of that date).
     */
    private record DateWindow(long fromMillis, long untilMillis, LocalDate maxDate, Instant instantsBefore) {

        static DateWindow around(Instant now) {
            LocalDate today = LocalDate.ofInstant(now, CUSTOMS_ZONE);
            LocalDate maxDate = today.plusDays(1);
            return new DateWindow(
                    today.atStartOfDay(CUSTOMS_ZONE).toInstant().toEpochMilli(),
                    maxDate.atStartOfDay(CUSTOMS_ZONE).toInstant().toEpochMilli(),
                    maxDate,
                    maxDate.plusDays(1).atStartOfDay(CUSTOMS_ZONE).toInstant());
        }
    }
}
