package dev.customs.contract.event;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static dev.customs.contract.event.ValidEvents.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid events with one field made hostile, written as JSON by hand, parsed and checked as a consumer does:
 * nothing but {@link InvalidEventException} escapes, a value the contract refuses is refused by name, and a
 * value it accepts is accepted. The hostile values include numbers whose naive handling takes seconds or
 * gigabytes (1e-2147483647, 1e999999999), so a costly code path shows up as a hung or failed run.
 */
class DeclarationRulesProperties {

    private static final BigInteger BIG = BigInteger.TEN.pow(40);
    private static final String ZONE_CODE = "declaration.zoneCode";
    private static final String ZONE_FLOW = "declaration.zoneFlow";
    private static final String TRADE_MODE = "declaration.tradeMode";
    private static final List<String> PATHS = List.of("schemaVersion", "eventId", "eventType", "declarationId",
            "revision", "occurredAt", "declaration", "declaration.declarationDate", "declaration.direction",
            ZONE_CODE, ZONE_FLOW, TRADE_MODE, "declaration.customsOffice", "declaration.declarantCode",
            "declaration.partnerCountry", "declaration.transportMode", "declaration.currency", "declaration.items",
            "declaration.totalValueCny", "declaration.totalValueUsd", "declaration.items[0]",
            "declaration.items[0].itemNo", "declaration.items[0].hsCode", "declaration.items[0].quantity",
            "declaration.items[0].unit", "declaration.items[0].valueCny", "declaration.items[0].valueUsd");

    /** JSON no field accepts (null and absence aside): wrong types, broken syntax, pathological numbers. */
    static final List<String> HOSTILE = List.of("[]", "{}", "{\"a\":{\"b\":[1,{\"c\":[null]}]}}", "true", "false",
            "NaN", "Infinity", "-Infinity", "01", "-0", "1e999999999", "-1e999999999", "1e-2147483647",
            "1e-2147483648", "1e2147483648", "9223372036854775808", "1" + "0".repeat(999), "\"\\u0000\"",
            "\"\\ud800\"", "\"a\\u0000\\udc00\"", "\"" + "x".repeat(100_000) + "\"", "[".repeat(40) + "]".repeat(40),
            "\"unterminated", "{\"a\":", "1.5.5", "--1", "+1", ".5", "1e", "0x10");

    private final DeclarationRules rules = ValidEvents.rules();

    enum Expect { REFUSED, ACCEPTED, EITHER }

    record Mutation(String path, String what, UnaryOperator<Object> change, Expect expect) {
    }

    record Case(DeclarationEvent valid, Mutation mutation) {
        @Override
        public String toString() {
            return mutation.path() + " := " + mutation.what() + " (" + mutation.expect() + ")";
        }
    }

    @Property(tries = 1000)
    void oneHostileFieldIsRefusedByNameAndNothingElseEscapes(@ForAll("cases") Case c) {
        Mutation m = c.mutation();
        String json = RawJson.of(c.valid()).with(m.path(), m.change()).json();
        DeclarationEvent parsed;
        try {
            parsed = EventCodec.parse(json);
        } catch (InvalidEventException e) {
            assertThat(e.getMessage()).isNotBlank().hasSizeLessThanOrEqualTo(InvalidEventException.MAX_MESSAGE_LENGTH);
            assertThat(m.expect()).as("%s was refused by the codec: %s", c, e.getMessage()).isNotEqualTo(Expect.ACCEPTED);
            return;
        }
        assertThat(parsed).isNotNull();
        List<Violation> violations = rules.check(parsed);
        assertBounded(violations);
        boolean named = violations.stream().anyMatch(v -> names(m.path(), v.field()));
        if (m.expect() == Expect.REFUSED) {
            assertThat(named).as("%s: no violation names it in %s", c, violations).isTrue();
        } else if (m.expect() == Expect.ACCEPTED) {
            assertThat(named).as("%s: refused with %s", c, violations).isFalse();
        }
    }

    /** Numbers the codec cannot produce (any scale, e.g. from a REST client's arithmetic) go straight to the rules. */
    @Property(tries = 1000)
    void anyNumberInAnyMoneyOrQuantityFieldIsJudgedCheaplyAndRight(@ForAll("events") DeclarationEvent valid,
                                                                 @ForAll("anyDecimals") BigDecimal value,
                                                                 @ForAll("numberFields") String field) {
        DeclarationState s = valid.declaration();
        DeclarationItem i = s.items().get(0);
        DeclarationItem item = new DeclarationItem(i.itemNo(), i.hsCode(),
                field.equals("quantity") ? value : i.quantity(), i.unit(),
                field.equals("valueCny") ? value : i.valueCny(), field.equals("valueUsd") ? value : i.valueUsd());
        List<DeclarationItem> items = new java.util.ArrayList<>(s.items());
        items.set(0, item);
        DeclarationState state = new DeclarationState(s.declarationDate(), s.direction(), s.zoneCode(), s.zoneFlow(),
                s.tradeMode(), s.customsOffice(), s.declarantCode(), s.partnerCountry(), s.transportMode(),
                s.currency(), items, field.equals("totalValueCny") ? value : s.totalValueCny(), s.totalValueUsd(),
                s.synthetic());
        List<Violation> violations = rules.check(new DeclarationEvent(valid.schemaVersion(), valid.eventId(),
                valid.eventType(), valid.declarationId(), valid.revision(), valid.occurredAt(), valid.filedBy(), state));
        assertBounded(violations);
        String path = field.equals("totalValueCny") ? "declaration.totalValueCny" : "declaration.items[0]." + field;
        int limitDigits = switch (field) {
            case "quantity" -> 12;
            case "totalValueCny" -> 16;
            default -> 15;
        };
        int maxScale = field.equals("quantity") ? 6 : 2;
        boolean plausible = plausible(value.unscaledValue(), value.scale(), limitDigits, maxScale);
        boolean refusedAsImplausible = violations.stream().anyMatch(v -> v.field().equals(path)
                && !v.message().contains("but the items sum to"));
        assertThat(refusedAsImplausible).as("%s = %s: %s", path, value, violations).isEqualTo(!plausible);
        assertThat(DeclarationRules.isPlausible(value, BigDecimal.TEN.pow(limitDigits), maxScale)).isEqualTo(plausible);
    }

    @Property(tries = 500)
    void datesAtTheEdgesOfTimeAreJudgedWithoutThrowing(@ForAll("events") DeclarationEvent valid,
                                                      @ForAll("anyDates") LocalDate date,
                                                      @ForAll("anyInstants") Instant at) {
        DeclarationState s = valid.declaration();
        DeclarationState state = new DeclarationState(date, s.direction(), s.zoneCode(), s.zoneFlow(), s.tradeMode(),
                s.customsOffice(), s.declarantCode(), s.partnerCountry(), s.transportMode(), s.currency(), s.items(),
                s.totalValueCny(), s.totalValueUsd(), s.synthetic());
        List<Violation> violations = rules.check(new DeclarationEvent(valid.schemaVersion(), valid.eventId(),
                valid.eventType(), valid.declarationId(), valid.revision(), at, valid.filedBy(), state));
        assertThat(violations.stream().anyMatch(v -> v.field().equals("declaration.declarationDate")))
                .isEqualTo(!validDate(date));
        assertThat(violations.stream().anyMatch(v -> v.field().equals("occurredAt"))).isEqualTo(!validInstant(at));
    }

    private static void assertBounded(List<Violation> violations) {
        for (Violation v : violations) {
            assertThat(v.field()).hasSizeLessThanOrEqualTo(100);
            assertThat(v.message()).hasSizeLessThanOrEqualTo(200);
        }
        assertThat(DeclarationRules.describe(violations)).hasSizeLessThanOrEqualTo(11 * 300);
    }

    /** The field itself, something inside it, or (for the area fields, judged together) a partner of it. */
    private static boolean names(String path, String field) {
        if (field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[")) {
            return true;
        }
        Set<String> place = Set.of(ZONE_CODE, ZONE_FLOW, TRADE_MODE);
        return place.contains(path) && place.contains(field);
    }

    @Provide
    Arbitrary<DeclarationEvent> events() {
        return ValidEvents.events();
    }

    @Provide
    Arbitrary<Case> cases() {
        return ValidEvents.events().flatMap(event -> Arbitraries.of(PATHS).flatMap(path -> mutations(event, path)
                .map(m -> new Case(event, m))));
    }

    @Provide
    Arbitrary<String> numberFields() {
        return Arbitraries.of("quantity", "valueCny", "valueUsd", "totalValueCny");
    }

    /** Any number, and often one next to a limit (10^12, 10^15, 10^16) or with a digit just past 2 or 6 places. */
    private static Arbitrary<BigDecimal> decimals() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.bigIntegers().between(BIG.negate(), BIG), scales()).as(BigDecimal::new),
                Combinators.combine(Arbitraries.of(12, 15, 16), Arbitraries.integers().between(0, 8),
                                Arbitraries.integers().between(-2, 2))
                        .as((digits, scale, delta) -> new BigDecimal(
                                BigInteger.TEN.pow(digits + scale).add(BigInteger.valueOf(delta)), scale)),
                Combinators.combine(Arbitraries.integers().between(1, 999), Arbitraries.of(1, 2, 3, 5, 6, 7, 8, 9),
                                Arbitraries.integers().between(0, 3))
                        .as((digits, scale, zeros) -> new BigDecimal(
                                BigInteger.valueOf(digits).multiply(BigInteger.TEN.pow(zeros)), scale + zeros)));
    }

    /** Any date, and often one within a few days of either end of the valid range. */
    @Provide
    Arbitrary<LocalDate> anyDates() {
        return dates();
    }

    @Provide
    Arbitrary<Instant> anyInstants() {
        return instants();
    }

    @Provide
    Arbitrary<BigDecimal> anyDecimals() {
        return decimals();
    }

    private static Arbitrary<LocalDate> dates() {
        Arbitrary<Long> offsets = Arbitraries.longs().between(-3, 3);
        return Arbitraries.oneOf(
                Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay),
                offsets.map(ValidEvents.FIRST_DATE::plusDays),
                offsets.map(ValidEvents.LAST_DATE::plusDays));
    }

    /** Any instant, and often one within a few seconds of either end of the valid range. */
    private static Arbitrary<Instant> instants() {
        Arbitrary<Long> nanos = Arbitraries.longs().between(-3_000_000_000L, 3_000_000_000L)
                .edgeCases(edges -> edges.includeOnly(-1L, 0L, 1L));
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond),
                nanos.map(ValidEvents.FIRST_INSTANT::plusNanos),
                nanos.map(ValidEvents.INSTANTS_BEFORE::plusNanos));
    }

    private static Arbitrary<Integer> scales() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-30, 30), Arbitraries.integers(),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MAX_VALUE - 1));
    }

    private Arbitrary<Mutation> mutations(DeclarationEvent event, String path) {
        // Outside areas zoneCode and zoneFlow are null anyway; without its first item a declaration may still be whole.
        boolean element = path.endsWith("]");
        boolean optional = (path.equals(ZONE_CODE) && event.declaration().zoneCode() == null)
                || (path.equals(ZONE_FLOW) && event.declaration().zoneFlow() == null);
        Expect absent = optional ? Expect.EITHER : Expect.REFUSED;
        Arbitrary<Mutation> hostile = Arbitraries.of(HOSTILE)
                .map(json -> new Mutation(path, shorten(json), old -> new RawJson.Raw(json), Expect.REFUSED));
        Arbitrary<Mutation> removed = Arbitraries.just(new Mutation(path, "(removed)", old -> null,
                element ? Expect.EITHER : absent));
        Arbitrary<Mutation> nulled = Arbitraries.just(new Mutation(path, "null", old -> new RawJson.Raw("null"), absent));
        // An array element has no key to give twice: it is given as null instead.
        Arbitrary<Mutation> twice = element ? nulled : Arbitraries.of(HOSTILE.get(0), "1", "\"x\"", "null").map(json ->
                new Mutation(path, "given twice, then " + json, old -> new RawJson.Twice(old, new RawJson.Raw(json)),
                        Expect.REFUSED));
        Arbitrary<Mutation> typed = typed(event, path);
        return typed == null
                ? Arbitraries.frequencyOf(Tuple.of(6, hostile), Tuple.of(1, removed), Tuple.of(1, nulled), Tuple.of(1, twice))
                : Arbitraries.frequencyOf(Tuple.of(3, hostile), Tuple.of(1, removed), Tuple.of(1, nulled),
                Tuple.of(1, twice), Tuple.of(6, typed));
    }

    /** Values of the field's own JSON type from across its whole range, judged by the contract's words. */
    private static Arbitrary<Mutation> typed(DeclarationEvent event, String path) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        return switch (field) {
            case "schemaVersion" -> integers(path, v -> v.equals(BigInteger.ONE), false);
            case "revision" -> integers(path, v -> v.bitLength() < 64 && (event.eventType() == EventType.DECLARED
                    ? v.equals(BigInteger.ONE) : v.compareTo(BigInteger.TWO) >= 0), false);
            case "itemNo" -> integers(path, v -> v.signum() > 0 && v.bitLength() < 32, true);
            case "occurredAt" -> instants()
                    .map(at -> judged(path, RawJson.string(at.toString()), validInstant(at)));
            case "declarationDate" -> dates()
                    .map(date -> judged(path, RawJson.string(date.toString()), validDate(date)));
            case "valueCny", "valueUsd" -> numbers(path, 15, 2, true);
            case "totalValueCny", "totalValueUsd" -> numbers(path, 16, 2, false);
            case "quantity" -> numbers(path, 12, 6, true);
            case "unit" -> strings(path, Arbitraries.oneOf(ValidEvents.units(),
                    Arbitraries.of("kg", "pcs", "台 ", "📦", "x".repeat(20))),
                    u -> validUnit(u) && REFERENCE.isKnownUnit(u));
            case "partnerCountry" -> codes(path, REFERENCE.countries().stream().map(c -> c.alpha2()).toList(), 2,
                    c -> REFERENCE.country(c).isPresent());
            case "transportMode" -> codes(path, REFERENCE.transportModes().stream().map(t -> t.code()).toList(), 1,
                    c -> REFERENCE.transportMode(c).isPresent() && transportFits(event.declaration(), c));
            case "currency" -> codes(path, List.copyOf(REFERENCE.currencies()), 3, REFERENCE.currencies()::contains);
            case "customsOffice" -> codes(path, List.of("8013", "0000"), 4, c -> c.matches("[0-9]{4}"));
            case "declarationId" -> codes(path, List.of("801320250100000042"), 18, c -> c.matches("[0-9]{18}"));
            case "declarantCode" -> codes(path, List.of("91500000MA5U12346T"), 18,
                    c -> c.matches("[0-9ABCDEFGHJKLMNPQRTUWXY]{18}"));
            case "hsCode" -> codes(path, List.of("8471300000", "7712345678", "9999999999"), 10,
                    c -> REFERENCE.chapterOfCommodity(c).isPresent());
            // A well-formed code may still be refused for its partners (area, flow, mode), so only ill-formed ones must be.
            case "zoneCode", "tradeMode" -> codes(path, List.of("8013", "5034", "0110"), 4, null);
            case "eventType" -> names(path, EventType.class);
            case "direction" -> names(path, Direction.class);
            case "zoneFlow" -> names(path, ZoneFlow.class);
            case "eventId" -> Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                            Arbitraries.of("1f0c6c1e-9b7a-4c8e-8d0a-2f4d6c1b9e11", "00000000-0000-0000-0000-000000000000"))
                    .map(s -> new Mutation(path, shorten(s), old -> RawJson.string(s), Expect.EITHER));
            default -> null;
        };
    }

    private static Mutation judged(String path, RawJson.Raw json, boolean valid) {
        return new Mutation(path, shorten(json.json()), old -> json, valid ? Expect.ACCEPTED : Expect.REFUSED);
    }

    /** Any integer, also beyond a long; {@code onlyRefusal}: a plausible value may still clash (a duplicate item number). */
    private static Arbitrary<Mutation> integers(String path, Predicate<BigInteger> valid, boolean onlyRefusal) {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70)),
                        Arbitraries.bigIntegers().between(BigInteger.valueOf(-3), BigInteger.valueOf(3)),
                        Arbitraries.of(BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
                                BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE)))
                .map(v -> new Mutation(path, v.toString(), old -> new RawJson.Raw(v.toString()),
                        valid.test(v) ? (onlyRefusal ? Expect.EITHER : Expect.ACCEPTED) : Expect.REFUSED));
    }

    /**
     * Any number, as unscaled digits and an exponent; {@code sumFree}: the field does not have to match a sum
     * (an item's value does; the sums are then off, and a total names that, not the item).
     */
    private static Arbitrary<Mutation> numbers(String path, int limitDigits, int maxScale, boolean sumFree) {
        return decimals().map(number -> {
            BigInteger unscaled = number.unscaledValue();
            int scale = number.scale();
            String json = unscaled + "e" + (-(long) scale);
            boolean valid = plausible(unscaled, scale, limitDigits, maxScale);
            return new Mutation(path, json, old -> new RawJson.Raw(json),
                    valid ? (sumFree ? Expect.ACCEPTED : Expect.EITHER) : Expect.REFUSED);
        });
    }

    /** Codes of the right length, valid ones, and any text; {@code valid} null: only ill-formed ones must be refused. */
    private static Arbitrary<Mutation> codes(String path, List<String> examples, int length, Predicate<String> valid) {
        Arbitrary<String> any = Arbitraries.oneOf(Arbitraries.of(examples),
                Arbitraries.strings().numeric().ofLength(length),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(length),
                Arbitraries.strings().all().ofMaxLength(length + 2),
                Arbitraries.strings().ascii().ofMinLength(0).ofMaxLength(30),
                Arbitraries.of("", " ".repeat(length), "x".repeat(100_000)));
        return any.map(code -> {
            Expect expect;
            if (valid != null) {
                expect = valid.test(code) ? Expect.ACCEPTED : Expect.REFUSED;
            } else {
                expect = code.length() == length && code.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                        ? Expect.EITHER : Expect.REFUSED;
            }
            return new Mutation(path, shorten(code), old -> RawJson.string(code), expect);
        });
    }

    private static Arbitrary<Mutation> strings(String path, Arbitrary<String> examples, Predicate<String> valid) {
        Arbitrary<String> any = Arbitraries.oneOf(examples,
                Arbitraries.strings().all().ofMaxLength(45),
                Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMaxLength(25),
                Arbitraries.strings().alpha().ofMinLength(18).ofMaxLength(22),
                Arbitraries.integers().between(18, 22).map("📦"::repeat),
                Arbitraries.of("", " ", "\t", "a\u0000", "\ud800x", "x\udc00", "📦".repeat(21), "x".repeat(21),
                        "x".repeat(100_000), "\u007F", "\u0085"));
        return any.map(s -> new Mutation(path, shorten(s), old -> RawJson.string(s),
                valid.test(s) ? Expect.ACCEPTED : Expect.REFUSED));
    }

    private static <E extends Enum<E>> Arbitrary<Mutation> names(String path, Class<E> type) {
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.of(names).map(String::toLowerCase),
                        Arbitraries.strings().all().ofMaxLength(20), Arbitraries.of("", "0", "1"))
                // Another valid name may break a rule elsewhere (a revision, a flow's mode): only others must be refused.
                .map(s -> new Mutation(path, shorten(s), old -> RawJson.string(s),
                        names.contains(s) ? Expect.EITHER : Expect.REFUSED));
    }

    /** The contract: positive, below 10^limitDigits, at most maxScale decimal places (trailing zeros aside). */
    static boolean plausible(BigInteger unscaled, int scale, int limitDigits, int maxScale) {
        if (unscaled.signum() <= 0) {
            return false;
        }
        // |unscaled| < 10^41: with a scale beyond ±1000 the value is either at least 10^959 or has a nonzero digit
        // 900 places after the point, so either way implausible; within it, plain arithmetic is cheap.
        if (scale > 1000 || scale < -1000) {
            return false;
        }
        BigDecimal value = new BigDecimal(unscaled, scale);
        return value.compareTo(BigDecimal.TEN.pow(limitDigits)) < 0 && value.stripTrailingZeros().scale() <= maxScale;
    }

    static boolean validDate(LocalDate date) {
        return !date.isBefore(ValidEvents.FIRST_DATE) && !date.isAfter(ValidEvents.LAST_DATE);
    }

    static boolean validInstant(Instant at) {
        return !at.isBefore(ValidEvents.FIRST_INSTANT) && at.isBefore(ValidEvents.INSTANTS_BEFORE);
    }

    /**
     * The contract's rule, restated from the data files: moves that cross no border carry the area's code from
     * area-transport-codes.csv, the others a carrier (a code without area_code).
     */
    static boolean transportFits(DeclarationState s, String code) {
        if (s.zoneFlow() == null || s.zoneFlow().crossesNationalBorder()) {
            return !REFERENCE.transportMode(code).orElseThrow().areaCode();
        }
        return REFERENCE.areaTransportCode(REFERENCE.zone(s.zoneCode()).orElseThrow().type(), s.zoneFlow(), s.direction())
                .orElseThrow().equals(code);
    }

    /** Not blank, at most 20 code points, none of them a control character or an unpaired surrogate. */
    static boolean validUnit(String unit) {
        return !unit.isBlank() && unit.codePointCount(0, unit.length()) <= 20
                && unit.codePoints().noneMatch(cp -> Character.isISOControl(cp)
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...(" + s.length() + " chars)";
    }
}
