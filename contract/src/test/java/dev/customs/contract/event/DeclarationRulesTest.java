package dev.customs.contract.event;

import dev.customs.contract.reference.ZoneType;

import dev.customs.contract.reference.Zone;

import dev.customs.contract.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeclarationRulesTest {

    private final DeclarationRules rules = new DeclarationRules(ReferenceData.standard());

    private static DeclarationEvent example() {
        return EventCodec.parse(EventCodecTest.CONTRACT_EXAMPLE);
    }

    private static DeclarationEvent withState(DeclarationEvent e, DeclarationState s) {
        return new DeclarationEvent(e.schemaVersion(), e.eventId(), e.eventType(), e.declarationId(), e.revision(), e.occurredAt(),
                e.filedBy(), s);
    }

    private static DeclarationState withItems(DeclarationState s, List<DeclarationItem> items, String totalCny, String totalUsd) {
        return new DeclarationState(s.declarationDate(), s.direction(), s.zoneCode(), s.zoneFlow(), s.tradeMode(),
                s.customsOffice(), s.declarantCode(), s.partnerCountry(), s.transportMode(), s.currency(), items,
                new BigDecimal(totalCny), new BigDecimal(totalUsd), s.synthetic());
    }

    @Test
    void theContractExampleIsValid() {
        assertThat(rules.check(example())).isEmpty();
    }

    @Test
    void reportsEveryBrokenRule() {
        DeclarationEvent e = example();
        DeclarationState s = e.declaration();
        DeclarationState bad = new DeclarationState(s.declarationDate(), s.direction(), "9999", null, "5100", "80", "x",
                "XX", "Q", "ABC", List.of(new DeclarationItem(1, "7712345678", BigDecimal.ONE, "千克",
                new BigDecimal("1.001"), new BigDecimal("0.14"))), new BigDecimal("1.00"), new BigDecimal("0.14"), false);
        List<String> fields = rules.check(withState(e, bad)).stream().map(Violation::field).toList();
        assertThat(fields).containsExactlyInAnyOrder("declaration.zoneFlow", "declaration.zoneCode",
                "declaration.customsOffice", "declaration.declarantCode", "declaration.partnerCountry",
                "declaration.transportMode", "declaration.currency", "declaration.items[0].hsCode",
                "declaration.items[0].valueCny");
    }

    @Test
    void totalsMustEqualTheItemsAndStayBelowTheLimit() {
        DeclarationEvent e = example();
        DeclarationItem item = e.declaration().items().get(0);
        assertThat(rules.check(withState(e, withItems(e.declaration(), List.of(item), "1850000.01", "257500.00"))))
                .containsExactly(new Violation("declaration.totalValueCny", "is 1850000.01 but the items sum to 1850000.00"));
        DeclarationItem huge = new DeclarationItem(1, "8471300000", BigDecimal.ONE, "台",
                new BigDecimal("1000000000000000.00"), new BigDecimal("1.00"));
        assertThat(rules.check(withState(e, withItems(e.declaration(), List.of(huge), "1000000000000000.00", "1.00"))))
                .extracting(Violation::field).contains("declaration.items[0].valueCny");
    }

    @Test
    void revisionsFollowTheEventType() {
        DeclarationEvent e = example();
        DeclarationEvent amendedAsOne = new DeclarationEvent(1, e.eventId(), EventType.AMENDED, e.declarationId(), 1L,
                e.occurredAt(), e.filedBy(), e.declaration());
        assertThat(rules.check(amendedAsOne)).containsExactly(new Violation("revision", "must be at least 2 for AMENDED"));
        DeclarationEvent future = new DeclarationEvent(2, e.eventId(), e.eventType(), e.declarationId(), 1L, e.occurredAt(), null,
                null);
        assertThat(rules.check(future)).containsExactly(new Violation("schemaVersion", "unsupported version 2"));
    }

    /** 20:00 UTC is already 2025-08-28 in Shanghai, so the latest valid date is 2025-08-29. */
    private final DeclarationRules rulesOnAug28 = new DeclarationRules(ReferenceData.standard(),
            Clock.fixed(Instant.parse("2025-08-27T20:00:00Z"), ZoneOffset.UTC));

    private static DeclarationEvent at(DeclarationEvent e, Instant occurredAt) {
        return new DeclarationEvent(e.schemaVersion(), e.eventId(), e.eventType(), e.declarationId(), e.revision(), occurredAt,
                e.filedBy(), e.declaration());
    }

    private static DeclarationState dated(DeclarationState s, LocalDate date) {
        return new DeclarationState(date, s.direction(), s.zoneCode(), s.zoneFlow(), s.tradeMode(), s.customsOffice(),
                s.declarantCode(), s.partnerCountry(), s.transportMode(), s.currency(), s.items(), s.totalValueCny(),
                s.totalValueUsd(), s.synthetic());
    }

    private static DeclarationItem item(String quantity, String unit, String cny, String usd) {
        return new DeclarationItem(1, "8471300000", new BigDecimal(quantity), unit, new BigDecimal(cny), new BigDecimal(usd));
    }

    @Test
    void aNullEventIsAViolationNotACrash() {
        assertThat(rules.check((DeclarationEvent) null)).containsExactly(new Violation("event", "is required"));
        assertThat(rules.check((DeclarationState) null, "declaration.")).containsExactly(new Violation("declaration", "is required"));
    }

    @Test
    void declarationDatesRunFrom1990ToTomorrowInShanghai() {
        DeclarationEvent e = example();
        Violation outOfRange = new Violation("declaration.declarationDate", "must be from 1990-01-01 to 2025-08-29");
        for (LocalDate date : List.of(LocalDate.of(0, 1, 1), LocalDate.of(1700, 1, 1), LocalDate.of(1989, 12, 31),
                LocalDate.of(2025, 8, 30), LocalDate.of(10000, 1, 1), LocalDate.MIN, LocalDate.MAX)) {
            assertThat(rulesOnAug28.check(withState(e, dated(e.declaration(), date)))).as("%s", date).containsExactly(outOfRange);
        }
        assertThat(rulesOnAug28.check(withState(e, dated(e.declaration(), LocalDate.of(1990, 1, 1))))).isEmpty();
        assertThat(rulesOnAug28.check(withState(e, dated(e.declaration(), LocalDate.of(2025, 8, 29))))).isEmpty();
    }

    @Test
    void occurredAtRunsOverTheSameDaysAsInstants() {
        DeclarationEvent e = example();
        Violation outOfRange = new Violation("occurredAt", "must be from 1990-01-01 to 2025-08-29 (Asia/Shanghai)");
        for (String at : List.of("1700-01-01T00:00:00Z", "1989-12-31T15:59:59.999999999Z", "2025-08-29T16:00:00Z",
                "+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z")) {
            assertThat(rulesOnAug28.check(at(e, Instant.parse(at)))).as(at).containsExactly(outOfRange);
        }
        assertThat(rulesOnAug28.check(at(e, Instant.parse("1989-12-31T16:00:00Z")))).isEmpty();
        assertThat(rulesOnAug28.check(at(e, Instant.parse("2025-08-29T15:59:59.999999999Z")))).isEmpty();
    }

    @Test
    void hostileNumbersAreJudgedByTheirSize() {
        DeclarationEvent e = example();
        DeclarationEvent tinyTotal = EventCodec.parse(EventCodecTest.CONTRACT_EXAMPLE
                .replace("\"totalValueCny\": 1850000.00", "\"totalValueCny\": 1e-2147483647"));
        assertThat(rules.check(tinyTotal))
                .containsExactly(new Violation("declaration.totalValueCny", "must have at most 2 decimal places"));
        DeclarationEvent hugeQuantity = EventCodec.parse(EventCodecTest.CONTRACT_EXAMPLE
                .replace("\"quantity\": 1200", "\"quantity\": 1e999999999"));
        assertThat(rules.check(hugeQuantity))
                .containsExactly(new Violation("declaration.items[0].quantity", "must be below 1000000000000"));
        DeclarationItem bad = new DeclarationItem(1, "8471300000", new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE), "千克",
                new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE), new BigDecimal("-0"));
        assertThat(rules.check(withState(e, withItems(e.declaration(), List.of(bad), "1.00", "1.00")))).containsExactly(
                new Violation("declaration.items[0].quantity", "must be below 1000000000000"),
                new Violation("declaration.items[0].valueCny", "must have at most 2 decimal places"),
                new Violation("declaration.items[0].valueUsd", "must be positive"));
        assertThat(rules.check(withState(e, withItems(e.declaration(), List.of(item("0.0000001", "千克", "1.00", "1.00")), "1.00", "1.00"))))
                .containsExactly(new Violation("declaration.items[0].quantity", "must have at most 6 decimal places"));
        assertThat(rules.check(withState(e, withItems(e.declaration(), List.of(item("1.5000000000", "千克", "1.500", "1.00")), "1.5", "1.00"))))
                .isEmpty();
    }

    @Test
    void aDeclarationTotalStaysBelowTenToTheSixteen() {
        DeclarationEvent e = example();
        List<DeclarationItem> ten = new java.util.ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            ten.add(new DeclarationItem(i, "8471300000", BigDecimal.ONE, "千克", new BigDecimal("999999999999999.99"), BigDecimal.ONE));
        }
        assertThat(rules.check(withState(e, withItems(e.declaration(), ten.subList(0, 10), "9999999999999999.90", "10"))))
                .isEmpty();
        assertThat(rules.check(withState(e, withItems(e.declaration(), ten, "10999999999999999.89", "11"))))
                .containsExactly(new Violation("declaration.totalValueCny", "must be below 10000000000000000"));
    }

    @Test
    void stringsHaveTheirLengths() {
        DeclarationEvent e = example();
        DeclarationState s = e.declaration();
        DeclarationState longCodes = new DeclarationState(s.declarationDate(), s.direction(), "80130", s.zoneFlow(), "50340",
                s.customsOffice(), s.declarantCode(), "D".repeat(1_000_000), "33", "EURO", s.items(), s.totalValueCny(),
                s.totalValueUsd(), s.synthetic());
        assertThat(rules.check(withState(e, longCodes))).containsExactly(
                new Violation("declaration.zoneCode", "must be 4 digits"),
                new Violation("declaration.tradeMode", "must be 4 digits"),
                new Violation("declaration.partnerCountry", "must be a 2-character code"),
                new Violation("declaration.transportMode", "must be a 1-character code"),
                new Violation("declaration.currency", "must be a 3-character code"));
        assertThat(rules.check(withState(e, withItems(s, List.of(item("1", "x".repeat(21), "1.00", "1.00")), "1.00", "1.00"))))
                .containsExactly(new Violation("declaration.items[0].unit", "must be at most 20 characters"));
        assertThat(rules.check(withState(e, withItems(s, List.of(item("1", "📦".repeat(20), "1.00", "1.00")), "1.00", "1.00"))))
                .containsExactly(new Violation("declaration.items[0].unit", "unknown unit '" + "?".repeat(40)
                        + "'; use a name (or code) of GAC's measurement unit table, e.g. 千克 or 035"));
        for (String unit : List.of("k\u0000g", "\ud800", "kg\udc00", "\u0085")) {
            assertThat(rules.check(withState(e, withItems(s, List.of(item("1", unit, "1.00", "1.00")), "1.00", "1.00"))))
                    .containsExactly(new Violation("declaration.items[0].unit", "must not contain control characters or unpaired surrogates"));
        }
    }

    @Test
    void filedByIsOptionalButWhenGivenNamesASubjectAndAClient() {
        DeclarationEvent e = example();
        assertThat(rules.check(filedBy(e, new FiledBy("5f1c8d2e-0c1a-4a57-9d1e-8f3b2a6c7d40", "customs-cli")))).isEmpty();
        assertThat(rules.check(filedBy(e, new FiledBy("u".repeat(255), "📦".repeat(255))))).isEmpty();
        assertThat(rules.check(filedBy(e, new FiledBy(null, " ")))).containsExactly(
                new Violation("filedBy.subject", "is required"),
                new Violation("filedBy.client", "is required"));
        assertThat(rules.check(filedBy(e, new FiledBy("u".repeat(256), "c\u0000")))).containsExactly(
                new Violation("filedBy.subject", "must be at most 255 characters"),
                new Violation("filedBy.client", "must not contain control characters or unpaired surrogates"));
        assertThat(rules.check(filedBy(e, new FiledBy("📦".repeat(256), "c".repeat(1_000_000))))).containsExactly(
                new Violation("filedBy.subject", "must be at most 255 characters"),
                new Violation("filedBy.client", "must be at most 255 characters"));
    }

    private static DeclarationEvent filedBy(DeclarationEvent e, FiledBy who) {
        return new DeclarationEvent(e.schemaVersion(), e.eventId(), e.eventType(), e.declarationId(), e.revision(),
                e.occurredAt(), who, e.declaration());
    }

    @Test
    void plausibleNumbersAreDecidedWithoutArithmetic() {
        BigDecimal limit = DeclarationRules.MONEY_LIMIT;
        assertThat(DeclarationRules.isPlausible(new BigDecimal("999999999999999.99"), limit, 2)).isTrue();
        assertThat(DeclarationRules.isPlausible(new BigDecimal("1.500"), limit, 2)).isTrue();
        assertThat(DeclarationRules.isPlausible(limit, limit, 2)).isFalse();
        assertThat(DeclarationRules.isPlausible(new BigDecimal("0.001"), limit, 2)).isFalse();
        assertThat(DeclarationRules.isPlausible(BigDecimal.ZERO, limit, 2)).isFalse();
        assertThat(DeclarationRules.isPlausible(null, limit, 2)).isFalse();
        assertThat(DeclarationRules.isPlausible(new BigDecimal("1e-2147483647"), limit, 2)).isFalse();
        assertThat(DeclarationRules.isPlausible(new BigDecimal("1e999999999"), limit, 2)).isFalse();
        assertThat(DeclarationRules.isPlausible(new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE), limit, 2)).isFalse();
        assertThat(DeclarationRules.isPlausible(new BigDecimal(BigInteger.TEN.pow(30), 30), limit, 2)).isTrue();
    }

    @Test
    void aDeadLetterNamesTenViolationsAndCountsTheRest() {
        List<Violation> many = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(new Violation("declaration.items[" + i + "].unit", "is required"));
        }
        assertThat(DeclarationRules.describe(many)).startsWith("declaration.items[0].unit: is required; ")
                .endsWith("declaration.items[9].unit: is required; and 15 more");
    }

    @Test
    void secondLineModesAreRejectedOnTheFirstLine() {
        DeclarationEvent e = example();
        DeclarationState s = e.declaration();
        DeclarationState secondLineMode = new DeclarationState(s.declarationDate(), s.direction(), s.zoneCode(), s.zoneFlow(),
                "5000", s.customsOffice(), s.declarantCode(), s.partnerCountry(), s.transportMode(), s.currency(),
                s.items(), s.totalValueCny(), s.totalValueUsd(), s.synthetic());
        assertThat(rules.check(withState(e, secondLineMode)))
                .containsExactly(new Violation("declaration.tradeMode", "supervision mode 5000 is not allowed for FIRST_LINE flow"));
    }

    private static DeclarationState with(DeclarationState s, Direction direction, String zoneCode, ZoneFlow flow,
                                         String mode, String transport) {
        return new DeclarationState(s.declarationDate(), direction, zoneCode, flow, mode, s.customsOffice(),
                s.declarantCode(), s.partnerCountry(), transport, s.currency(), s.items(), s.totalValueCny(),
                s.totalValueUsd(), s.synthetic());
    }

    @Test
    void oneWayModesGoTheirOneWay() {
        DeclarationEvent e = example();
        DeclarationState s = e.declaration();
        assertThat(rules.check(withState(e, with(s, Direction.IMPORT, null, null, "9710", "2"))))
                .containsExactly(new Violation("declaration.direction", "supervision mode 9710 is EXPORT only"));
        assertThat(rules.check(withState(e, with(s, Direction.EXPORT, "8013", ZoneFlow.FIRST_LINE, "5335", "2"))))
                .containsExactly(new Violation("declaration.direction", "supervision mode 5335 is IMPORT only"));
        assertThat(rules.check(withState(e, with(s, Direction.EXPORT, null, null, "9710", "2")))).isEmpty();
        assertThat(rules.check(withState(e, with(s, Direction.EXPORT, null, null, "1039", "4")))).isEmpty();
    }

    @Test
    void modesRestrictedToAreaTypes() {
        DeclarationEvent e = example();
        DeclarationState s = e.declaration();
        // 8013 is a comprehensive bonded zone; bonded-area warehousing and re-export belongs to bonded areas.
        assertThat(rules.check(withState(e, with(s, Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE, "1234", "3"))))
                .containsExactly(new Violation("declaration.tradeMode",
                        "supervision mode 1234 is only allowed in [BONDED_AREA], not in a COMPREHENSIVE_BONDED_ZONE"));
        assertThat(rules.check(withState(e, with(s, Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE, "5010", "3")))).isEmpty();
    }

    @Test
    void transportCodeFollowsTheFlow() {
        DeclarationEvent e = example();
        DeclarationState s = e.declaration();
        assertThat(rules.check(withState(e, with(s, Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE, "5034", "Y"))))
                .containsExactly(new Violation("declaration.transportMode",
                        "area code Y is for moves that cross no border; FIRST_LINE flow names a real carrier"));
        assertThat(rules.check(withState(e, with(s, Direction.IMPORT, null, null, "0110", "7"))))
                .containsExactly(new Violation("declaration.transportMode",
                        "area code 7 is for moves that cross no border; trade outside special areas names a real carrier"));
        assertThat(rules.check(withState(e, with(s, Direction.IMPORT, "8013", ZoneFlow.SECOND_LINE, "5100", "3"))))
                .containsExactly(new Violation("declaration.transportMode",
                        "must be Y for SECOND_LINE IMPORT of a COMPREHENSIVE_BONDED_ZONE"));
        assertThat(rules.check(withState(e, with(s, Direction.EXPORT, "8013", ZoneFlow.SECOND_LINE, "5000", "Y")))).isEmpty();
        assertThat(rules.check(withState(e, with(s, Direction.EXPORT, "8013", ZoneFlow.INTRA_ZONE, "1200", "Y")))).isEmpty();
        Zone bondedArea = ReferenceData.standard().zones().stream()
                .filter(z -> z.type() == ZoneType.BONDED_AREA).findFirst().orElseThrow();
        assertThat(rules.check(withState(e, with(s, Direction.EXPORT, bondedArea.code(), ZoneFlow.SECOND_LINE, "5000", "0")))).isEmpty();
        assertThat(rules.check(withState(e, with(s, Direction.IMPORT, bondedArea.code(), ZoneFlow.SECOND_LINE, "5100", "7")))).isEmpty();
        assertThat(rules.check(withState(e, with(s, Direction.IMPORT, bondedArea.code(), ZoneFlow.SECOND_LINE, "5100", "0"))))
                .containsExactly(new Violation("declaration.transportMode", "must be 7 for SECOND_LINE IMPORT of a BONDED_AREA"));
    }

    @Test
    void flowsOfBondedPlacesAndAreaEquipment() {
        DeclarationEvent e = example();
        DeclarationState s = e.declaration();
        assertThat(rules.check(withState(e, with(s, Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE, "1200", "3"))))
                .containsExactly(new Violation("declaration.tradeMode", "supervision mode 1200 is not allowed for FIRST_LINE flow"));
        assertThat(rules.check(withState(e, with(s, Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE, "5300", "3"))))
                .containsExactly(new Violation("declaration.tradeMode", "supervision mode 5300 is not allowed for FIRST_LINE flow"));
    }

    @Test
    void unitsComeFromTheTable() {
        DeclarationEvent e = example();
        DeclarationState s = e.declaration();
        assertThat(rules.check(withState(e, withItems(s, List.of(item("1", "035", "1.00", "1.00")), "1.00", "1.00")))).isEmpty();
        assertThat(rules.check(withState(e, withItems(s, List.of(item("1", "kg", "1.00", "1.00")), "1.00", "1.00"))))
                .containsExactly(new Violation("declaration.items[0].unit",
                        "unknown unit 'kg'; use a name (or code) of GAC's measurement unit table, e.g. 千克 or 035"));
    }

    @Test
    void theDirectionDigitOfANumber() {
        assertThat(DeclarationRules.directionDigitViolation("declarationId", "801320251000000042", Direction.IMPORT)).isNull();
        assertThat(DeclarationRules.directionDigitViolation("declarationId", "801320250000000042", Direction.EXPORT)).isNull();
        assertThat(DeclarationRules.directionDigitViolation("declarationId", "801320250000000042", Direction.IMPORT))
                .isEqualTo(new Violation("declarationId", "digit 9 must be 1 for IMPORT (1 import, 0 export)"));
        // The pinned contract's example numbers an import with 0: consumers accept it, filing refuses such a number.
        assertThat(rules.check(example())).isEmpty();
    }

    @Test
    void excludedModesAndMovesThatCrossNoBorderDoNotCountNationally() {
        DeclarationState s = example().declaration();
        assertThat(with(s, Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE, "5034", "3").countsNationally()).isTrue();
        assertThat(with(s, Direction.IMPORT, null, null, "0110", "3").countsNationally()).isTrue();
        assertThat(with(s, Direction.IMPORT, null, null, "2600", "3").countsNationally()).isFalse();
        assertThat(with(s, Direction.IMPORT, null, null, "3100", "3").countsNationally()).isFalse();
        assertThat(with(s, Direction.IMPORT, null, null, "4561", "3").countsNationally()).isFalse();
        assertThat(with(s, Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE, "1371", "3").countsNationally()).isFalse();
        assertThat(with(s, Direction.IMPORT, "8013", ZoneFlow.SECOND_LINE, "0110", "Y").countsNationally()).isFalse();
    }
}
