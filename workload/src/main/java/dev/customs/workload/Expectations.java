package dev.customs.workload;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.reference.ReferenceData;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a workload's totals must come to: each declaration's final state (none once cancelled) summed by day,
 * nationally, per area and per area type. Worked out from the generated states alone, never by code the
 * services use. Kept per day, not per declaration, so a benchmark's millions of declarations cost little.
 */
public final class Expectations {

    private final ReferenceData reference;
    private final TreeMap<LocalDate, Totals> national = new TreeMap<>();
    private final Map<String, TreeMap<LocalDate, Totals>> byZone = new HashMap<>();
    private final Map<String, TreeMap<LocalDate, Totals>> byZoneType = new HashMap<>();
    private long declarations;

    Expectations(ReferenceData reference) {
        this.reference = reference;
    }

    /** One declaration; {@code finalState} is null when it ends cancelled. */
    synchronized void add(DeclarationState finalState) {
        declarations++;
        if (finalState == null) {
            return;
        }
        LocalDate day = finalState.declarationDate();
        if (finalState.countsNationally()) {
            national.merge(day, Totals.NONE.plus(finalState), Totals::plus);
        }
        String zone = finalState.zoneCode();
        if (zone != null) {
            String type = reference.zone(zone).orElseThrow(() -> new IllegalStateException("no area " + zone)).type().name();
            byZone.computeIfAbsent(zone, z -> new TreeMap<>()).merge(day, Totals.NONE.plus(finalState), Totals::plus);
            byZoneType.computeIfAbsent(type, t -> new TreeMap<>()).merge(day, Totals.NONE.plus(finalState), Totals::plus);
        }
    }

    /** Declarations generated, cancelled ones included. */
    public synchronized long declarations() {
        return declarations;
    }

    /** Declarations that count in national totals, dated from {@code from} to {@code to}, both inclusive. */
    public synchronized Totals national(LocalDate from, LocalDate to) {
        return sum(national, from, to);
    }

    public synchronized Totals zone(String zoneCode, LocalDate from, LocalDate to) {
        return sum(byZone.getOrDefault(zoneCode, new TreeMap<>()), from, to);
    }

    /** @param zoneType a {@link dev.customs.contract.reference.ZoneType} name */
    public synchronized Totals zoneType(String zoneType, LocalDate from, LocalDate to) {
        return sum(byZoneType.getOrDefault(zoneType, new TreeMap<>()), from, to);
    }

    /** The area types that have at least one declaration. */
    public synchronized Set<String> zoneTypes() {
        return new TreeSet<>(byZoneType.keySet());
    }

    private static Totals sum(TreeMap<LocalDate, Totals> days, LocalDate from, LocalDate to) {
        Totals sum = Totals.NONE;
        for (Totals day : days.subMap(from, true, to, true).values()) {
            sum = sum.plus(day);
        }
        return sum;
    }
}
