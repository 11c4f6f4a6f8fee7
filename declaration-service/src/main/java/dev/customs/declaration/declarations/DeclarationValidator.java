package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.EventType;
import dev.customs.contract.event.FiledBy;
import dev.customs.contract.event.InvalidEventException;
import dev.customs.contract.event.Violation;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.api.ItemRequest;
import dev.customs.declaration.config.DeclarationConfig;
import dev.customs.declaration.config.OutboxConfig;
import dev.customs.rest.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything wrong with a request, at once, in two stages.
 *
 * <p>First the request itself: shapes (Bean Validation), code lists (the contract's
 * {@link DeclarationRules#checkCodes}), dates, the magnitude and scale of every number (by precision and
 * scale alone, so {@code 1e999999999} costs nothing) and the exchange rate. Nothing is converted unless
 * all of that passes.
 *
 * <p>Then the event exactly as it will be published: converted, serialised with the contract's codec,
 * read back as a consumer reads it and checked with the same {@link DeclarationRules#check} the consumers
 * apply. Whatever they would dead-letter is refused here, naming the request's field; so a 201 always counts.
 */
@ApplicationScoped
public class DeclarationValidator {

    private static final FiledBy LONGEST_FILER = new FiledBy("x".repeat(DeclarationRules.FILED_BY_MAX_LENGTH),
            "x".repeat(DeclarationRules.FILED_BY_MAX_LENGTH));

    private static final String EVENT_PREFIX = "declaration.";
    /** Integer digits of a quantity below the contract's limit (10^12 has 13). */
    private static final int QUANTITY_INTEGER_DIGITS = DeclarationRules.QUANTITY_LIMIT.precision() - 1;

    private final Validator validator;
    private final ZoneId timeZone;
    private final CurrencyConverter converter;
    private final int maxEventBytes;
    private final Clock clock;
    private final DeclarationRules rules;

    @Inject
    public DeclarationValidator(Validator validator, DeclarationConfig config, CurrencyConverter converter,
                                OutboxConfig outbox, Clock clock) {
        this(validator, config.timeZone(), converter, outbox.maxRecordBytes(), clock);
    }

    public DeclarationValidator(Validator validator, ZoneId timeZone, CurrencyConverter converter, int maxEventBytes,
                                Clock clock) {
        this.validator = validator;
        this.timeZone = timeZone;
        this.converter = converter;
        this.maxEventBytes = maxEventBytes;
        this.clock = clock;
        // The service's clock, so that "today" in the contract's date rule is the one filing uses.
        this.rules = new DeclarationRules(ReferenceData.standard(), clock);
    }

    /** The violations of a request; empty when it would be filed. */
    public List<Violation> violations(DeclarationRequest request) {
        return check(request).violations();
    }

    public CheckedSubmission check(DeclarationRequest request) {
        Set<Violation> out = new LinkedHashSet<>();
        validator.validate(request).forEach(v -> out.add(new Violation(ProblemMappers.fieldPath(v), v.getMessage())));
        out.addAll(rules.checkCodes(codesOf(request), ""));
        Violation number = DeclarationRules.directionDigitViolation("declarationId", request.declarationId(),
                request.direction());
        if (number != null) {
            out.add(number);
        }
        dates(request.declarationDate(), out);
        duplicateItemNumbers(request, out);
        quantities(request, out);
        Optional<CurrencyConverter.Rates> rates = Optional.empty();
        LocalDate date = request.declarationDate();
        if (date != null && request.currency() != null && ReferenceData.standard().currencies().contains(request.currency())) {
            rates = converter.rates(request.currency(), YearMonth.from(date));
            if (rates.isEmpty()) {
                out.add(new Violation("currency", "no exchange rate for " + request.currency() + " in "
                        + YearMonth.from(date) + " or any month before"));
            }
        }
        if (!out.isEmpty() || rates.isEmpty()) {
            return CheckedSubmission.invalid(request, sorted(out));
        }
        CurrencyConverter.Rates applied = rates.get();
        DeclarationState state = convert(request, applied, out);
        if (out.isEmpty()) {
            asPublished(request, state, out);
        }
        if (!out.isEmpty()) {
            return CheckedSubmission.invalid(request, sorted(out));
        }
        return new CheckedSubmission(request, null, List.of(), state, applied.rateMonth(), applied.provisional(), null, null);
    }

    private void dates(LocalDate date, Set<Violation> out) {
        if (date == null) {
            return;
        }
        if (date.isAfter(LocalDate.now(clock.withZone(timeZone)))) {
            out.add(new Violation("declarationDate", "must not be in the future"));
        } else if (date.isBefore(DeclarationRules.MIN_DATE)) {
            out.add(new Violation("declarationDate", "must not be before " + DeclarationRules.MIN_DATE));
        }
    }

    /**
     * Bounds quantities by precision and scale only (values are bounded by Bean Validation's @Digits, which
     * is as cheap): a quantity of {@code 1e1000} would be written as a thousand digits, which no consumer reads.
     */
    private static void quantities(DeclarationRequest request, Set<Violation> out) {
        if (request.items() == null) {
            return;
        }
        for (int i = 0; i < request.items().size(); i++) {
            ItemRequest item = request.items().get(i);
            BigDecimal q = item == null ? null : item.quantity();
            if (q == null || q.signum() <= 0) {
                continue; // @NotNull and @Positive name it
            }
            if ((long) q.precision() - q.scale() > QUANTITY_INTEGER_DIGITS) {
                out.add(new Violation("items[" + i + "].quantity", "must be below " + DeclarationRules.QUANTITY_LIMIT.toPlainString()));
            } else if (q.scale() > DeclarationRules.QUANTITY_SCALE && q.stripTrailingZeros().scale() > DeclarationRules.QUANTITY_SCALE) {
                out.add(new Violation("items[" + i + "].quantity", "must have at most " + DeclarationRules.QUANTITY_SCALE
                        + " decimal places"));
            }
        }
    }

    /** The event state: values converted per item, totals summed from the items. */
    private DeclarationState convert(DeclarationRequest r, CurrencyConverter.Rates rates, Set<Violation> out) {
        List<DeclarationItem> items = new ArrayList<>(r.items().size());
        BigDecimal totalCny = BigDecimal.ZERO;
        BigDecimal totalUsd = BigDecimal.ZERO;
        for (int i = 0; i < r.items().size(); i++) {
            ItemRequest item = r.items().get(i);
            CurrencyConverter.Converted value = converter.convert(item.value(), r.currency(), rates);
            if (value.cny().signum() == 0 || value.usd().signum() == 0) {
                out.add(new Violation("items[" + i + "].value", "is worth less than 0.01 in CNY or USD at "
                        + rates.rateMonth() + "'s rate"));
            }
            items.add(new DeclarationItem(item.itemNo(), item.hsCode(), item.quantity(), item.unit(), value.cny(), value.usd()));
            totalCny = totalCny.add(value.cny());
            totalUsd = totalUsd.add(value.usd());
        }
        return new DeclarationState(r.declarationDate(), r.direction(), r.zoneCode(), r.zoneFlow(), r.tradeMode(),
                r.customsOffice(), r.declarantCode(), r.partnerCountry(), r.transportMode(), r.currency(), items,
                totalCny, totalUsd, false);
    }

    /**
     * The event as a consumer will see it: written by the contract's codec, read back and checked by the
     * contract's rules. The number is a stand-in of the same shape when the service will assign one; the size
     * is measured with the longest filer the contract allows and the synthetic mark, so that whoever files it,
     * the event fits one record.
     */
    private void asPublished(DeclarationRequest request, DeclarationState state, Set<Violation> out) {
        String id = request.declarationId() != null ? request.declarationId()
                : DeclarationNumbers.format(request.customsOffice(), request.declarationDate(), request.direction(), 0);
        DeclarationEvent event = new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, UUID.randomUUID(),
                EventType.DECLARED, id, 1L, clock.instant(), LONGEST_FILER, state.markedSynthetic());
        byte[] bytes = EventCodec.toBytes(event);
        if (bytes.length > maxEventBytes) {
            out.add(new Violation("items", "make an event of " + bytes.length + " bytes, more than the "
                    + maxEventBytes + " one Kafka record may carry; file fewer items or shorter texts"));
            return;
        }
        DeclarationEvent read;
        try {
            read = EventCodec.parse(bytes);
        } catch (InvalidEventException e) {
            out.add(new Violation("body", "would not be readable by the consumers: " + e.getMessage()));
            return;
        }
        Set<String> named = new HashSet<>();
        out.forEach(v -> named.add(v.field()));
        for (Violation v : rules.check(read)) {
            Violation mapped = requestViolation(v);
            if (named.add(mapped.field())) {
                out.add(mapped);
            }
        }
    }

    /**
     * A violation of the event, named by the request field it comes from: {@code declaration.items[3].valueCny}
     * is {@code items[3].value}, the totals are the {@code items} together, {@code declaration.X} is {@code X}.
     */
    static Violation requestViolation(Violation v) {
        String field = v.field().startsWith(EVENT_PREFIX) ? v.field().substring(EVENT_PREFIX.length()) : v.field();
        if (field.equals("totalValueCny") || field.equals("totalValueUsd")) {
            return new Violation("items", "together, converted to " + field.substring(field.length() - 3).toUpperCase()
                    + ", " + v.message());
        }
        if (field.startsWith("items[") && (field.endsWith(".valueCny") || field.endsWith(".valueUsd"))) {
            String currency = field.substring(field.length() - 3).toUpperCase();
            return new Violation(field.substring(0, field.length() - ".valueCny".length()) + ".value",
                    "converted to " + currency + ", " + v.message());
        }
        return new Violation(field, v.message());
    }

    private static List<Violation> sorted(Set<Violation> out) {
        List<Violation> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(Violation::field));
        return sorted;
    }

    /** The request's codes in the event's shape; values are not needed for code checks. */
    private static DeclarationState codesOf(DeclarationRequest r) {
        List<DeclarationItem> items = r.items() == null ? null : r.items().stream()
                .map(i -> i == null ? null : new DeclarationItem(i.itemNo(), i.hsCode(), i.quantity(), i.unit(), null, null))
                .toList();
        return new DeclarationState(r.declarationDate(), r.direction(), r.zoneCode(), r.zoneFlow(), r.tradeMode(),
                r.customsOffice(), r.declarantCode(), r.partnerCountry(), r.transportMode(), r.currency(), items, null, null,
                false);
    }

    private static void duplicateItemNumbers(DeclarationRequest request, Set<Violation> out) {
        if (request.items() == null) {
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            ItemRequest item = request.items().get(i);
            if (item != null && item.itemNo() != null && !seen.add(item.itemNo())) {
                out.add(new Violation("items[" + i + "].itemNo", "duplicate item number " + item.itemNo()));
            }
        }
    }
}
