package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Violation;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.rest.ProblemMappers;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.api.ItemRequest;
import dev.customs.declaration.config.DeclarationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything wrong with a request, at once: shapes (Bean Validation), code lists and flow rules (the
 * contract's {@link DeclarationRules}, the same the consumers apply), dates and exchange rates.
 */
@ApplicationScoped
public class DeclarationValidator {

    private final Validator validator;
    private final DeclarationConfig config;
    private final CurrencyConverter converter;
    private final DeclarationRules rules = new DeclarationRules(ReferenceData.standard());

    public DeclarationValidator(Validator validator, DeclarationConfig config, CurrencyConverter converter) {
        this.validator = validator;
        this.config = config;
        this.converter = converter;
    }

    public List<Violation> violations(DeclarationRequest request) {
        Set<Violation> out = new LinkedHashSet<>();
        validator.validate(request).forEach(v -> out.add(new Violation(ProblemMappers.fieldPath(v), v.getMessage())));
        out.addAll(rules.checkCodes(codesOf(request), ""));
        LocalDate date = request.declarationDate();
        if (date != null && date.isAfter(LocalDate.now(config.timeZone()))) {
            out.add(new Violation("declarationDate", "must not be in the future"));
        }
        if (date != null && request.currency() != null
                && ReferenceData.standard().currencies().contains(request.currency())
                && !converter.hasRate(request.currency(), YearMonth.from(date))) {
            out.add(new Violation("currency", "no exchange rate for " + request.currency() + " in " + YearMonth.from(date)));
        }
        duplicateItemNumbers(request, out);
        convertedValuesOutOfRange(request, out);
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
                r.customsOffice(), r.declarantCode(), r.partnerCountry(), r.transportMode(), r.currency(), items, null, null);
    }

    /**
     * A value that rounds to 0.00 in CNY or USD would break the event's "positive" rule downstream; a total
     * beyond what the stores hold (NUMERIC(20, 2)) would fail there instead of here.
     */
    private void convertedValuesOutOfRange(DeclarationRequest request, Set<Violation> out) {
        if (request.items() == null || request.declarationDate() == null || request.currency() == null) {
            return;
        }
        YearMonth month = YearMonth.from(request.declarationDate());
        BigDecimal totalCny = BigDecimal.ZERO;
        BigDecimal totalUsd = BigDecimal.ZERO;
        for (int i = 0; i < request.items().size(); i++) {
            ItemRequest item = request.items().get(i);
            if (item == null || item.value() == null || item.value().signum() <= 0) {
                continue;
            }
            Optional<CurrencyConverter.Converted> converted = converter.convert(item.value(), request.currency(), month);
            if (converted.isEmpty()) {
                return;
            }
            CurrencyConverter.Converted c = converted.get();
            if (c.cny().signum() == 0 || c.usd().signum() == 0) {
                out.add(new Violation("items[" + i + "].value", "is worth less than 0.01 in CNY or USD at " + month + "'s rate"));
            }
            totalCny = totalCny.add(c.cny());
            totalUsd = totalUsd.add(c.usd());
        }
        if (totalCny.compareTo(config.maxTotalValue()) > 0 || totalUsd.compareTo(config.maxTotalValue()) > 0) {
            out.add(new Violation("items", "are worth more than " + config.maxTotalValue().toPlainString()
                    + " in CNY or USD together at " + month + "'s rate"));
        }
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
