package dev.customs.workload;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.EventType;
import dev.customs.contract.event.FiledBy;
import dev.customs.contract.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {

    private static final ReferenceData REFERENCE = ReferenceData.standard();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC);
    private static final List<String> ZONES = List.of("8013", "2369", "5349", "8010", "2230");
    private static final LocalDate FROM = LocalDate.of(2019, 1, 1);
    private static final LocalDate TO = LocalDate.of(2019, 12, 31);

    private static Workload workload(long seed, Workload.Mix mix) {
        EventFactory factory = new EventFactory(REFERENCE, seed, FROM, TO, "4200", EventFactory.zones(REFERENCE, ZONES))
                .filing(0.25, new FiledBy("simulator", "declaration-service"));
        return new Workload(REFERENCE, factory, seed, FROM, TO, mix, 1, CLOCK);
    }

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        Workload first = workload(7, Workload.Mix.UNRELIABLE_PRODUCER);
        Workload again = workload(7, Workload.Mix.UNRELIABLE_PRODUCER);
        List<DeclarationEvent> events = first.next(2_000);
        events.addAll(first.next(500));
        List<DeclarationEvent> repeated = again.next(2_000);
        repeated.addAll(again.next(500));

        assertThat(repeated).isEqualTo(events);
        assertThat(workload(8, Workload.Mix.UNRELIABLE_PRODUCER).next(2_000)).isNotEqualTo(events.subList(0, 2_000));
    }

    @Test
    void theBenchmarkConstructorIsDeterministicApartFromTheClock() {
        Workload first = new Workload(REFERENCE, 3, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Workload.Mix.REALISTIC, 0);
        Workload again = new Workload(REFERENCE, 3, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Workload.Mix.REALISTIC, 0);

        assertThat(again.next(3_000)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("occurredAt")
                .isEqualTo(first.next(3_000));
    }

    /** Producers of test streams must keep to the contract's rules: one-way modes, area types, transport codes, units. */
    @Test
    void everyEventPassesTheContractRules() {
        DeclarationRules rules = new DeclarationRules(REFERENCE, CLOCK);
        Workload workload = workload(17, Workload.Mix.UNRELIABLE_PRODUCER);
        List<DeclarationEvent> events = workload.next(5_000);
        assertThat(events).allSatisfy(e -> assertThat(rules.check(e)).as("%s", e).isEmpty());
        // The one-way and area-type rules are exercised, not merely passed: such modes occur.
        assertThat(events).extracting(e -> e.declaration().tradeMode()).contains("9710", "1210");
        assertThat(events).extracting(e -> e.declaration().transportMode()).contains("Y");
    }

    @Test
    void theMixHasEveryKindOfEventInItsProportions() {
        Workload workload = workload(11, Workload.Mix.UNRELIABLE_PRODUCER);
        List<DeclarationEvent> events = workload.next(20_000);
        Map<EventType, Long> byType = new HashMap<>();
        events.forEach(e -> byType.merge(e.eventType(), 1L, Long::sum));
        Set<java.util.UUID> ids = new HashSet<>();
        long redelivered = events.stream().filter(e -> !ids.add(e.eventId())).count();
        long stale = events.stream().filter(e -> e.eventType() == EventType.DECLARED).count() - 20_000 - redelivered;

        assertThat(workload.declarations()).isEqualTo(20_000);
        assertThat(workload.expected().declarations()).isEqualTo(20_000);
        assertThat(workload.events()).isEqualTo(events.size());
        assertThat(byType.get(EventType.AMENDED)).isBetween(300L, 500L);
        assertThat(byType.get(EventType.CANCELLED)).isBetween(60L, 140L);
        assertThat(redelivered).isBetween(480L, 720L);
        assertThat(stale).isBetween(130L, 270L);
        long synthetic = events.stream().filter(e -> e.declaration().synthetic()).count();
        assertThat(synthetic).isBetween(events.size() * 23L / 100, events.size() * 27L / 100);
        assertThat(events).extracting(DeclarationEvent::filedBy)
                .containsOnly(new FiledBy("simulator", "declaration-service"));
        assertThat(events).extracting(e -> e.declaration().declarationDate())
                .allSatisfy(d -> assertThat(d).isBetween(FROM, TO));
        assertThat(events).extracting(e -> e.declaration().zoneCode()).filteredOn(Objects::nonNull)
                .allSatisfy(z -> assertThat(ZONES).contains(z));
        assertThat(events).extracting(DeclarationEvent::declarationId).allSatisfy(id -> assertThat(id).startsWith("42002019"));
    }

    /** The expected totals equal a replay of the events by revision, as a consumer applies them. */
    @Test
    void expectedTotalsEqualARecomputationFromTheEvents() {
        Workload workload = workload(13, Workload.Mix.UNRELIABLE_PRODUCER);
        Map<String, DeclarationEvent> newest = new HashMap<>();
        for (int batch = 0; batch < 3; batch++) {
            workload.generate(4_000, event -> newest.merge(event.declarationId(), event,
                    (old, now) -> now.revision() > old.revision() ? now : old));
        }
        List<DeclarationState> standing = newest.values().stream().filter(e -> e.eventType() != EventType.CANCELLED)
                .map(DeclarationEvent::declaration).toList();

        assertThat(workload.expected().declarations()).isEqualTo(newest.size()).isEqualTo(12_000);
        assertThat(workload.expected().national(FROM, TO)).isEqualTo(sum(standing, DeclarationState::countsNationally));
        for (String zone : ZONES) {
            assertThat(workload.expected().zone(zone, FROM, TO)).as(zone)
                    .isEqualTo(sum(standing, s -> zone.equals(s.zoneCode())));
        }
        LocalDate march = LocalDate.of(2019, 3, 1);
        LocalDate april = LocalDate.of(2019, 4, 30);
        assertThat(workload.expected().national(march, april)).isEqualTo(sum(standing,
                s -> s.countsNationally() && !s.declarationDate().isBefore(march) && !s.declarationDate().isAfter(april)));
        for (String type : workload.expected().zoneTypes()) {
            assertThat(workload.expected().zoneType(type, FROM, TO)).as(type).isEqualTo(sum(standing,
                    s -> s.zoneCode() != null && REFERENCE.zone(s.zoneCode()).orElseThrow().type().name().equals(type)));
        }
        assertThat(workload.expected().national(FROM, TO).declarations()).isPositive();
        assertThat(workload.expected().national(FROM, TO).syntheticDeclarations()).isPositive();
        assertThat(workload.expected().zone("0130", FROM, TO)).isEqualTo(Totals.NONE);
    }

    /** Random dates are the day-by-day dates in another order: each day of the year its equal share. */
    @Test
    void randomDatesAreAPermutationOfTheDayByDayDatesOverTheYear() {
        int perDay = 10;
        Workload dayByDay = workload(19, Workload.Mix.DECLARED_ONLY);
        Workload random = workload(19, Workload.Mix.DECLARED_ONLY).ordered(Workload.Order.RANDOM_DATES);
        List<LocalDate> ordered = dayByDay.next(365 * perDay).stream().map(e -> e.declaration().declarationDate()).toList();
        List<DeclarationEvent> events = random.next(365 * perDay);
        List<LocalDate> shuffled = events.stream().map(e -> e.declaration().declarationDate()).toList();

        assertThat(shuffled).isNotEqualTo(ordered).containsExactlyInAnyOrderElementsOf(ordered);
        Map<LocalDate, Long> perDate = new HashMap<>();
        shuffled.forEach(d -> perDate.merge(d, 1L, Long::sum));
        assertThat(perDate).hasSize(365).containsKeys(FROM, TO);
        assertThat(perDate.values()).containsOnly((long) perDay);
        // Half of a year's stream already spans most of it: no batch is mostly one date.
        assertThat(shuffled.subList(0, 100).stream().distinct().count()).isGreaterThan(80);
        assertThat(shuffled.subList(0, 100).stream().map(LocalDate::getMonth).distinct().count()).isEqualTo(12);
        assertExpectationsExact(random, events);
    }

    /** Every declaration is an area declaration, the 174 areas in turn, each the same number of times. */
    @Test
    void areasEvenGivesEveryAreaTheSameShare() {
        List<dev.customs.contract.reference.Zone> areas = REFERENCE.zones();
        assertThat(areas).hasSize(174);
        int perArea = 20;
        EventFactory factory = new EventFactory(REFERENCE, 23, FROM, TO);
        Workload workload = new Workload(REFERENCE, factory, 23, FROM, TO, Workload.Mix.DECLARED_ONLY, 1, CLOCK)
                .ordered(Workload.Order.AREAS_EVEN);
        List<DeclarationEvent> events = workload.next(areas.size() * perArea / 2);
        events.addAll(workload.next(areas.size() * perArea / 2));

        Map<String, Long> perZone = new HashMap<>();
        events.forEach(e -> perZone.merge(e.declaration().zoneCode(), 1L, Long::sum));
        assertThat(perZone).hasSize(areas.size()).doesNotContainKey(null);
        assertThat(perZone.values()).containsOnly((long) perArea);
        assertThat(events.subList(0, areas.size())).extracting(e -> e.declaration().zoneCode())
                .containsExactlyElementsOf(areas.stream().map(dev.customs.contract.reference.Zone::code).toList());
        DeclarationRules rules = new DeclarationRules(REFERENCE, CLOCK);
        assertThat(events).allSatisfy(e -> assertThat(rules.check(e)).as("%s", e).isEmpty());
        assertExpectationsExact(workload, events);
        for (var area : areas) {
            assertThat(workload.expected().zone(area.code(), FROM, TO)).as(area.code())
                    .isEqualTo(sum(events.stream().map(DeclarationEvent::declaration).toList(), s -> area.code().equals(s.zoneCode())));
        }
    }

    /** With amendments, cancellations and stale revisions too, whatever the order, totals are those of the newest revisions. */
    @Test
    void expectedTotalsStayExactInEveryOrder() {
        for (Workload.Order order : Workload.Order.values()) {
            Workload workload = workload(29, Workload.Mix.UNRELIABLE_PRODUCER).ordered(order);
            List<DeclarationEvent> events = workload.next(6_000);
            events.addAll(workload.next(3_000));
            assertExpectationsExact(workload, events);
        }
    }

    private static void assertExpectationsExact(Workload workload, List<DeclarationEvent> events) {
        Map<String, DeclarationEvent> newest = new HashMap<>();
        events.forEach(event -> newest.merge(event.declarationId(), event, (old, now) -> now.revision() > old.revision() ? now : old));
        List<DeclarationState> standing = newest.values().stream().filter(e -> e.eventType() != EventType.CANCELLED)
                .map(DeclarationEvent::declaration).toList();
        assertThat(workload.expected().declarations()).isEqualTo(newest.size()).isEqualTo(workload.declarations());
        assertThat(workload.expected().national(FROM, TO)).isEqualTo(sum(standing, DeclarationState::countsNationally));
        assertThat(workload.expected().zoneTypes()).isNotEmpty();
        for (String type : workload.expected().zoneTypes()) {
            assertThat(workload.expected().zoneType(type, FROM, TO)).as(type).isEqualTo(sum(standing,
                    s -> s.zoneCode() != null && REFERENCE.zone(s.zoneCode()).orElseThrow().type().name().equals(type)));
        }
    }

    /** Summed here item by item, not from the states' totals, so the check does not lean on the factory. */
    private static Totals sum(List<DeclarationState> states, Predicate<DeclarationState> counted) {
        long count = 0;
        long synthetic = 0;
        BigDecimal[] cny = {new BigDecimal("0.00"), new BigDecimal("0.00")};
        BigDecimal[] usd = {new BigDecimal("0.00"), new BigDecimal("0.00")};
        for (DeclarationState s : states) {
            if (counted.test(s)) {
                count++;
                synthetic += s.synthetic() ? 1 : 0;
                int at = s.direction() == Direction.IMPORT ? 0 : 1;
                for (var item : s.items()) {
                    cny[at] = cny[at].add(item.valueCny());
                    usd[at] = usd[at].add(item.valueUsd());
                }
            }
        }
        return new Totals(count, synthetic, cny[0], cny[1], usd[0], usd[1]);
    }
}
