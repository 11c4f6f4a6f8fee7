package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.EventType;
import dev.customs.contract.event.Violation;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.api.ItemRequest;
import dev.customs.declaration.rates.RateSource;
import dev.customs.declaration.simulator.DeclarationGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "REST-accepted implies consumer-accepted": whatever the service's checks accept makes an event that the
 * consumers' rules accept and that reads back from the wire unchanged; whatever they refuse names a field,
 * and nothing a client sends makes them throw (which would be a 500).
 *
 * <p>The clock stands in mid-2027, past the published rates, so carried-forward conversion is exercised too.
 */
public class AcceptedMeansCountedPropertyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-06-15T04:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 15);
    private static final DeclarationValidator VALIDATOR = UnitValidators.at(CLOCK);
    /** The consumers' verdict, on a consumer whose clock is the service's. */
    private static final DeclarationRules RULES = new DeclarationRules(ReferenceData.standard(), CLOCK);
    private static final List<String> REQUEST_FIELDS = List.of("declarationId", "declarationDate", "direction",
            "zoneCode", "zoneFlow", "tradeMode", "customsOffice", "declarantCode", "partnerCountry", "transportMode",
            "transactionTerms", "currency", "items", "body");

    @Property(tries = 400)
    void whatIsAcceptedIsCountedAndWhatIsRefusedIsNamed(@ForAll("requests") DeclarationRequest request) {
        CheckedSubmission checked = VALIDATOR.check(request);
        Statistics.label("outcome").collect(checked.valid() ? (checked.provisionalRate() ? "accepted, provisional" : "accepted") : "refused");
        if (!checked.valid()) {
            assertThat(checked.violations()).allSatisfy(v ->
                    assertThat(REQUEST_FIELDS).anySatisfy(field -> assertThat(v.field()).startsWith(field)));
            return;
        }
        String id = request.declarationId() != null ? request.declarationId()
                : DeclarationNumbers.format(request.customsOffice(), request.declarationDate(), request.direction(), 987_654_321L);
        DeclarationEvent event = new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, UUID.randomUUID(),
                EventType.DECLARED, id, 1L, CLOCK.instant(), null, checked.state());
        byte[] bytes = EventCodec.toBytes(event);
        assertThat(bytes.length).isLessThanOrEqualTo(UnitValidators.MAX_EVENT_BYTES);
        DeclarationEvent read = EventCodec.parse(bytes);
        List<Violation> violations = RULES.check(read);
        assertThat(violations).as("consumer's verdict on an accepted request").isEmpty();
        assertThat(EventCodec.toBytes(read)).as("the event read back and written again").isEqualTo(bytes);
        assertThat(checked.rateMonth()).isNotNull();
    }

    @Provide
    Arbitrary<DeclarationRequest> requests() {
        return requests(TODAY);
    }

    /** Simulator-made declarations up to {@code today}, some left valid, most changed in up to three hostile ways. */
    public static Arbitrary<DeclarationRequest> requests(LocalDate today) {
        Arbitrary<DeclarationRequest> valid = Combinators.combine(Arbitraries.longs(), dates(today))
                .as((seed, date) -> new DeclarationGenerator(RateSource.of(UnitValidators.CONTRACT_RATES), seed,
                        DeclarationGenerator.meanValueCny(1000, 1)).next(date));
        Arbitrary<UnaryOperator<DeclarationRequest>> mutation = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(UnaryOperator.identity())),
                net.jqwik.api.Tuple.of(3, numbers().map(n -> op(r -> withFirstItem(r, i -> new ItemRequest(i.itemNo(), i.hsCode(), n, i.unit(), i.value()))))),
                net.jqwik.api.Tuple.of(3, numbers().map(n -> op(r -> withFirstItem(r, i -> new ItemRequest(i.itemNo(), i.hsCode(), i.quantity(), i.unit(), n))))),
                net.jqwik.api.Tuple.of(2, strings().map(s -> op(r -> withFirstItem(r, i -> new ItemRequest(i.itemNo(), s, i.quantity(), i.unit(), i.value()))))),
                net.jqwik.api.Tuple.of(2, strings().map(s -> op(r -> withFirstItem(r, i -> new ItemRequest(i.itemNo(), i.hsCode(), i.quantity(), s, i.value()))))),
                net.jqwik.api.Tuple.of(2, strings().map(s -> op(r -> new DeclarationRequest(r.declarationId(), r.declarationDate(), r.direction(), r.zoneCode(), r.zoneFlow(), r.tradeMode(), r.customsOffice(), s, r.partnerCountry(), r.transportMode(), r.transactionTerms(), r.currency(), r.items())))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("CNY", "USD", "EUR", "JPY", "KRW", "XXX", "usd", "").map(c -> op(r -> new DeclarationRequest(r.declarationId(), r.declarationDate(), r.direction(), r.zoneCode(), r.zoneFlow(), r.tradeMode(), r.customsOffice(), r.declarantCode(), r.partnerCountry(), r.transportMode(), r.transactionTerms(), c, r.items())))),
                net.jqwik.api.Tuple.of(2, edgeDates(today).map(d -> op(r -> new DeclarationRequest(r.declarationId(), d, r.direction(), r.zoneCode(), r.zoneFlow(), r.tradeMode(), r.customsOffice(), r.declarantCode(), r.partnerCountry(), r.transportMode(), r.transactionTerms(), r.currency(), r.items())))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(2, 1000).map(n -> op(r -> manyItems(r, n)))));
        return Combinators.combine(valid, mutation.list().ofMaxSize(3))
                .as((request, mutations) -> {
                    DeclarationRequest out = request;
                    for (UnaryOperator<DeclarationRequest> m : mutations) {
                        out = m.apply(out);
                    }
                    return out;
                });
    }

    private static UnaryOperator<DeclarationRequest> op(UnaryOperator<DeclarationRequest> op) {
        return op;
    }

    private static Arbitrary<LocalDate> dates(LocalDate today) {
        return Arbitraries.longs().between(LocalDate.of(2023, 1, 1).toEpochDay(), today.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    private static Arbitrary<LocalDate> edgeDates(LocalDate today) {
        return Arbitraries.of(LocalDate.of(1989, 12, 31), LocalDate.of(1990, 1, 1), LocalDate.of(2022, 12, 31),
                today, today.plusDays(1), today.plusDays(2), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
    }

    /** Ordinary and hostile numbers: huge exponents, tiny ones, too many decimals, the limits and either side. */
    private static Arbitrary<BigDecimal> numbers() {
        Arbitrary<BigDecimal> edges = Arbitraries.of("1E+999999999", "1E-999999999", "1E+1000", "-1E+1000", "0", "-1",
                "0.001", "0.01", "0.005", "1.0000001", "1.000000", "999999999999999.99", "1000000000000000",
                "999999999999999.999", "9999999999999999.99", "1E+15", "1E+16", "123456789.123456",
                "1" + "0".repeat(900)).map(BigDecimal::new);
        Arbitrary<BigDecimal> random = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-25, 25))
                .as((unscaled, scale) -> new BigDecimal(BigInteger.valueOf(unscaled), scale));
        return Arbitraries.oneOf(edges, random);
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('0', '9').ofLength(10),
                Arbitraries.integers().between(0, 100_000).map("长"::repeat),
                Arbitraries.of("", " ", "\u0000", "\uD800", "8471300000", "91500000MA5U12346T"));
    }

    private static DeclarationRequest withFirstItem(DeclarationRequest r, UnaryOperator<ItemRequest> change) {
        List<ItemRequest> items = new ArrayList<>(r.items());
        items.set(0, change.apply(items.get(0)));
        return withItems(r, items);
    }

    private static DeclarationRequest manyItems(DeclarationRequest r, int n) {
        List<ItemRequest> items = new ArrayList<>(n);
        ItemRequest first = r.items().get(0);
        for (int i = 1; i <= n; i++) {
            items.add(new ItemRequest(i, first.hsCode(), first.quantity(), first.unit(), first.value()));
        }
        return withItems(r, items);
    }

    private static DeclarationRequest withItems(DeclarationRequest r, List<ItemRequest> items) {
        return new DeclarationRequest(r.declarationId(), r.declarationDate(), r.direction(), r.zoneCode(), r.zoneFlow(),
                r.tradeMode(), r.customsOffice(), r.declarantCode(), r.partnerCountry(), r.transportMode(),
                r.transactionTerms(), r.currency(), items);
    }
}
