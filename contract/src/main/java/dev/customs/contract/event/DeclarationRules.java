package dev.customs.contract.event;

import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.TradeMode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contract's rules for events and declaration states, in one place: the consumers dead-letter what
 * breaks them and declaration-service rejects the same things over REST.
 *
 * <p>Both consumers check every record they read, so the valid path is kept cheap: field paths are only
 * put together for a violation, and the fixed formats are checked character by character, not by regex.
 */
public final class DeclarationRules {

    public static final int MAX_ITEMS = 1000;
    public static final int MONEY_SCALE = 2;
    /**
     * No declaration is worth CNY 10^15 (twenty times a year of national trade); the cap keeps sums far
     * inside the totals' NUMERIC(20,2) columns, so no valid event can fail to apply.
     */
    public static final BigDecimal MONEY_LIMIT = new BigDecimal("1000000000000000");

    private static final int DECLARATION_ID_DIGITS = 18;
    private static final int CUSTOMS_OFFICE_DIGITS = 4;
    private static final int HS_CODE_DIGITS = 10;
    private static final int CREDIT_CODE_LENGTH = 18;
    /** Unified social credit code: 18 characters of digits and capital letters other than I, O, Z, S, V. */
    private static final String CREDIT_CODE_LETTERS = "ABCDEFGHJKLMNPQRTUWXY";

    private final ReferenceData reference;

    public DeclarationRules(ReferenceData reference) {
        this.reference = reference;
    }

    /** Every rule the event breaks, not just the first, so a dead letter names them all. */
    public List<Violation> check(DeclarationEvent event) {
        List<Violation> out = new ArrayList<>();
        if (event.schemaVersion() == null) {
            out.add(new Violation("schemaVersion", "is required"));
        } else if (event.schemaVersion() != DeclarationEvent.SCHEMA_VERSION) {
            out.add(new Violation("schemaVersion", "unsupported version " + event.schemaVersion()));
            return out;
        }
        required(out, "eventId", event.eventId());
        required(out, "occurredAt", event.occurredAt());
        if (event.declarationId() == null) {
            out.add(new Violation("declarationId", "is required"));
        } else if (!ReferenceData.isDigits(event.declarationId(), DECLARATION_ID_DIGITS)) {
            out.add(new Violation("declarationId", "must be 18 digits"));
        }
        checkRevision(out, event.eventType(), event.revision());
        if (event.declaration() == null) {
            out.add(new Violation("declaration", "is required"));
        } else {
            out.addAll(check(event.declaration(), "declaration."));
        }
        return out;
    }

    /** Rules for one declaration state; {@code prefix} is prepended to field paths (e.g. "declaration."). */
    public List<Violation> check(DeclarationState state, String prefix) {
        List<Violation> out = new ArrayList<>();
        required(out, prefix, "declarationDate", state.declarationDate());
        required(out, prefix, "direction", state.direction());
        required(out, prefix, "tradeMode", state.tradeMode());
        required(out, prefix, "customsOffice", state.customsOffice());
        required(out, prefix, "declarantCode", state.declarantCode());
        required(out, prefix, "partnerCountry", state.partnerCountry());
        required(out, prefix, "transportMode", state.transportMode());
        required(out, prefix, "currency", state.currency());
        addCodeViolations(out, state, prefix);
        checkItems(out, prefix, state);
        return out;
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
        if (state.customsOffice() != null && !ReferenceData.isDigits(state.customsOffice(), CUSTOMS_OFFICE_DIGITS)) {
            out.add(new Violation(prefix + "customsOffice", "must be 4 digits"));
        }
        if (state.declarantCode() != null && !creditCode(state.declarantCode())) {
            out.add(new Violation(prefix + "declarantCode", "must be an 18-character unified social credit code"));
        }
        known(out, prefix, "partnerCountry", state.partnerCountry(), c -> reference.country(c).isPresent());
        known(out, prefix, "transportMode", state.transportMode(), c -> reference.transportMode(c).isPresent());
        known(out, prefix, "currency", state.currency(), c -> reference.currencies().contains(c));
        List<DeclarationItem> items = state.items() == null ? List.of() : state.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null && items.get(i).hsCode() != null) {
                checkHsCode(out, prefix, i, items.get(i).hsCode());
            }
        }
    }

    /** Joins violations into one dead-letter reason or problem detail. */
    public static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
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
        if (zone != null && reference.zone(zone).isEmpty()) {
            out.add(new Violation(prefix + "zoneCode", "unknown special customs supervision area '" + zone + "'"));
        }
        String modeCode = state.tradeMode();
        if (modeCode == null) {
            return;
        }
        TradeMode mode = reference.tradeMode(modeCode).orElse(null);
        if (mode == null) {
            out.add(new Violation(prefix + "tradeMode", "unknown supervision mode '" + modeCode + "'"));
        } else if ((zone == null) == (flow == null) && !mode.allows(flow)) {
            out.add(new Violation(prefix + "tradeMode", "supervision mode " + modeCode + " is not allowed for "
                    + (flow == null ? "trade outside special areas" : flow + " flow")));
        }
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
            positive(out, prefix, i, "quantity", item.quantity(), false);
            if (missing(item.unit())) {
                out.add(new Violation(itemField(prefix, i, "unit"), "is required"));
            }
            sumCny = positive(out, prefix, i, "valueCny", item.valueCny(), true) ? sumCny.add(item.valueCny()) : sumCny;
            sumUsd = positive(out, prefix, i, "valueUsd", item.valueUsd(), true) ? sumUsd.add(item.valueUsd()) : sumUsd;
        }
        checkTotal(out, prefix + "totalValueCny", state.totalValueCny(), sumCny);
        checkTotal(out, prefix + "totalValueUsd", state.totalValueUsd(), sumUsd);
    }

    private void checkHsCode(List<Violation> out, String prefix, int item, String hsCode) {
        if (!ReferenceData.isDigits(hsCode, HS_CODE_DIGITS)) {
            out.add(new Violation(itemField(prefix, item, "hsCode"), "must be a 10-digit commodity code"));
        } else if (reference.chapterOfCommodity(hsCode).isEmpty()) {
            out.add(new Violation(itemField(prefix, item, "hsCode"),
                    "HS chapter " + hsCode.substring(0, 2) + " does not exist or is reserved"));
        }
    }

    private static String itemField(String prefix, int item, String field) {
        return prefix + "items[" + item + "]." + field;
    }

    private static void checkTotal(List<Violation> out, String field, BigDecimal total, BigDecimal sum) {
        if (total == null) {
            out.add(new Violation(field, "is required"));
        } else if (total.compareTo(MONEY_LIMIT) >= 0) {
            out.add(new Violation(field, "must be below " + MONEY_LIMIT.toPlainString()));
        } else if (total.compareTo(sum) != 0 && out.stream().noneMatch(v -> v.field().contains("items["))) {
            out.add(new Violation(field, "is " + total.toPlainString() + " but the items sum to " + sum.toPlainString()));
        }
    }

    /** @return whether the value is present, positive and (for money) has at most two decimals. */
    private static boolean positive(List<Violation> out, String prefix, int item, String field, BigDecimal value,
                                    boolean money) {
        if (value == null) {
            out.add(new Violation(itemField(prefix, item, field), "is required"));
            return false;
        }
        if (value.signum() <= 0) {
            out.add(new Violation(itemField(prefix, item, field), "must be positive"));
            return false;
        }
        // A scale of at most two needs no stripping (which allocates); "1.500" does, and passes.
        if (money && value.scale() > MONEY_SCALE && value.stripTrailingZeros().scale() > MONEY_SCALE) {
            out.add(new Violation(itemField(prefix, item, field), "must have at most two decimal places"));
            return false;
        }
        if (money && value.compareTo(MONEY_LIMIT) >= 0) {
            out.add(new Violation(itemField(prefix, item, field), "must be below " + MONEY_LIMIT.toPlainString()));
            return false;
        }
        return true;
    }

    private static void required(List<Violation> out, String field, Object value) {
        required(out, "", field, value);
    }

    private static void required(List<Violation> out, String prefix, String field, Object value) {
        if (missing(value)) {
            out.add(new Violation(prefix + field, "is required"));
        }
    }

    private static boolean missing(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    private static void known(List<Violation> out, String prefix, String field, String code,
                              Function<String, Boolean> exists) {
        if (code != null && !exists.apply(code)) {
            out.add(new Violation(prefix + field, "unknown code '" + code + "'"));
        }
    }

    private static boolean creditCode(String value) {
        if (value.length() != CREDIT_CODE_LENGTH) {
            return false;
        }
        for (int i = 0; i < CREDIT_CODE_LENGTH; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && CREDIT_CODE_LETTERS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
