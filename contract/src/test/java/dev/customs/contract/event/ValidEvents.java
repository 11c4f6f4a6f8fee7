package dev.customs.contract.event;

import dev.customs.contract.reference.Country;
import dev.customs.contract.reference.HsChapter;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.TradeMode;
import dev.customs.contract.reference.TransportMode;
import dev.customs.contract.reference.Zone;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Generators of events that pass every rule, drawn from the standard reference data, for a fixed "now".
 * The bounds are restated here from the contract (docs/contract.md, "Plausibility"), not taken from
 * {@link DeclarationRules}, so the properties check the rules against the contract.
 */
final class ValidEvents {

    static final ReferenceData REFERENCE = ReferenceData.standard();
    /** 20:00 UTC is already the next day in Shanghai: "today" there is 2026-06-16. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T20:00:00Z"), ZoneOffset.UTC);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2026, 6, 17);
    static final Instant FIRST_INSTANT = FIRST_DATE.atStartOfDay(SHANGHAI).toInstant();
    static final Instant INSTANTS_BEFORE = LAST_DATE.plusDays(1).atStartOfDay(SHANGHAI).toInstant();

    private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private ValidEvents() {
    }

    static DeclarationRules rules() {
        return new DeclarationRules(REFERENCE, CLOCK);
    }

    /** Where a declaration may be filed: outside areas, or in an area with a flow its supervision mode allows. */
    private record Place(String zoneCode, ZoneFlow zoneFlow, String tradeMode) {
    }

    private record Parties(Direction direction, String customsOffice, String declarantCode, String partnerCountry,
                           String transportMode, String currency) {
    }

    private record Header(UUID eventId, EventType type, long revision, String declarationId, Instant occurredAt) {
    }

    static Arbitrary<DeclarationEvent> events() {
        return Combinators.combine(headers(), filedBy().injectNull(0.3), states()).as((h, who, state) ->
                new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, h.eventId(), h.type(), h.declarationId(),
                        h.revision(), h.occurredAt(), who, state));
    }

    /** A token's subject and client: not blank, at most 255 code points, no control characters. */
    private static Arbitrary<FiledBy> filedBy() {
        Arbitrary<String> texts = Arbitraries.oneOf(
                Arbitraries.of("customs-cli", "declaration-portal", "f47ac10b-58cc-4372-a567-0e02b2c3d479",
                        "📦".repeat(255), " x ", "报关员"),
                Arbitraries.strings().alpha().numeric().withChars('-', '_', '.', '@').ofMinLength(1).ofMaxLength(255));
        return Combinators.combine(texts, texts).as(FiledBy::new);
    }

    private static Arbitrary<Header> headers() {
        Arbitrary<UUID> ids = Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
        Arbitrary<EventType> types = Arbitraries.of(EventType.class);
        Arbitrary<Long> laterRevisions = Arbitraries.longs().between(2, Long.MAX_VALUE);
        Arbitrary<Instant> occurred = Combinators.combine(
                        Arbitraries.longs().between(FIRST_INSTANT.getEpochSecond(), INSTANTS_BEFORE.getEpochSecond() - 1),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
        return Combinators.combine(ids, types, laterRevisions, Arbitraries.strings().numeric().ofLength(18), occurred)
                .as((id, type, later, declarationId, at) ->
                        new Header(id, type, type == EventType.DECLARED ? 1 : later, declarationId, at));
    }

    private static Arbitrary<DeclarationState> states() {
        Arbitrary<LocalDate> dates = Arbitraries.longs().between(FIRST_DATE.toEpochDay(), LAST_DATE.toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Combinators.combine(places(), parties(), dates, items().list().ofMinSize(1).ofMaxSize(5),
                        Arbitraries.of(false, true))
                .as((place, parties, date, items, synthetic) -> {
                    List<DeclarationItem> numbered = new ArrayList<>();
                    BigDecimal cny = BigDecimal.ZERO;
                    BigDecimal usd = BigDecimal.ZERO;
                    for (DeclarationItem item : items) {
                        numbered.add(new DeclarationItem(numbered.size() + 1, item.hsCode(), item.quantity(),
                                item.unit(), item.valueCny(), item.valueUsd()));
                        cny = cny.add(item.valueCny());
                        usd = usd.add(item.valueUsd());
                    }
                    TradeMode mode = REFERENCE.tradeMode(place.tradeMode()).orElseThrow();
                    Direction direction = mode.onlyDirection() != null ? mode.onlyDirection() : parties.direction();
                    String transport = parties.transportMode();
                    if (place.zoneFlow() != null && !place.zoneFlow().crossesNationalBorder()) {
                        Zone zone = REFERENCE.zone(place.zoneCode()).orElseThrow();
                        transport = REFERENCE.areaTransportCode(zone.type(), place.zoneFlow(), direction).orElseThrow();
                    }
                    return new DeclarationState(date, direction, place.zoneCode(), place.zoneFlow(),
                            place.tradeMode(), parties.customsOffice(), parties.declarantCode(),
                            parties.partnerCountry(), transport, parties.currency(), numbered, cny, usd,
                            synthetic);
                });
    }

    private static Arbitrary<Place> places() {
        List<Place> places = new ArrayList<>();
        List<Zone> zones = REFERENCE.zones();
        for (TradeMode mode : REFERENCE.tradeModes()) {
            if (mode.allowedOutsideZones()) {
                places.add(new Place(null, null, mode.code()));
            }
            for (ZoneFlow flow : mode.allowedZoneFlows()) {
                for (Zone zone : zones) {
                    if (mode.allowsAreaType(zone.type())) {
                        places.add(new Place(zone.code(), flow, mode.code()));
                    }
                }
            }
        }
        return Arbitraries.of(places);
    }

    private static Arbitrary<Parties> parties() {
        return Combinators.combine(
                        Arbitraries.of(Direction.class),
                        Arbitraries.strings().numeric().ofLength(4),
                        Arbitraries.strings().withChars(CREDIT_CODE_CHARS).ofLength(18),
                        Arbitraries.of(REFERENCE.countries().stream().map(Country::alpha2).toList()),
                        // Carriers: the area codes are set from the place for moves that cross no border.
                        Arbitraries.of(REFERENCE.transportModes().stream().filter(t -> !t.areaCode())
                                .map(TransportMode::code).toList()),
                        Arbitraries.of(List.copyOf(REFERENCE.currencies())))
                .as(Parties::new);
    }

    private static Arbitrary<DeclarationItem> items() {
        List<String> chapters = REFERENCE.hsChapters().stream().filter(c -> !c.reserved()).map(HsChapter::code).toList();
        Arbitrary<String> hsCodes = Combinators.combine(Arbitraries.of(chapters), Arbitraries.strings().numeric().ofLength(8))
                .as(String::concat);
        return Combinators.combine(hsCodes, quantities(), units(), money(), money())
                .as((hs, quantity, unit, cny, usd) -> new DeclarationItem(1, hs, quantity, unit, cny, usd));
    }

    /** A unit of GAC's table (units.csv), by name or by three-digit code. */
    static Arbitrary<String> units() {
        return Arbitraries.oneOf(
                Arbitraries.of(REFERENCE.units().stream().map(u -> u.name()).toList()),
                Arbitraries.of(REFERENCE.units().stream().map(u -> u.code()).toList()));
    }

    /** Positive, at most 6 decimal places, below 10^12. */
    private static Arbitrary<BigDecimal> quantities() {
        return Arbitraries.integers().between(0, 6).flatMap(scale ->
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(12 + scale).subtract(BigInteger.ONE))
                        .map(unscaled -> new BigDecimal(unscaled, scale)));
    }

    /** Positive, 2 decimal places, below 10^15; five of them stay below the total's 10^16. */
    private static Arbitrary<BigDecimal> money() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(17).subtract(BigInteger.ONE))
                .map(cents -> new BigDecimal(cents, 2));
    }
}
