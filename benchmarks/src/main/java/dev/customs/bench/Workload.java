package dev.customs.bench;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Violation;
import dev.customs.contract.reference.ReferenceData;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A stream of declarations for one date range and what its totals must come to. In a realistic mix some
 * declarations are amended or cancelled a little later in the stream, and some records arrive twice (a
 * producer retry); the expected sums count each declaration's final state once.
 */
final class Workload {

    /** Per mille of declarations with a follow-up: the simulator's 2% amended and 0.5% cancelled. */
    record Mix(double amended, double cancelled, double redelivered) {
        static final Mix DECLARED_ONLY = new Mix(0, 0, 0);
        static final Mix REALISTIC = new Mix(0.02, 0.005, 0.01);
    }

    /** How many declarations later a follow-up event is published. */
    private static final int FOLLOW_UP_DISTANCE = 5_000;

    final LocalDate from;
    final LocalDate to;
    final Sums national = new Sums();
    final Map<String, Sums> zonesByType = new HashMap<>();
    long events;
    long declarations;

    private final ReferenceData reference;
    private final EventFactory factory;
    private final DeclarationRules rules;
    private final SplittableRandom random;
    private final Mix mix;
    private final long serialBase;
    private final Clock clock = Clock.systemUTC();

    Workload(ReferenceData reference, long seed, LocalDate from, LocalDate to, Mix mix, long serialBase) {
        this.reference = reference;
        this.from = from;
        this.to = to;
        this.factory = new EventFactory(reference, seed, from, to);
        this.rules = new DeclarationRules(reference);
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.mix = mix;
        this.serialBase = serialBase;
    }

    /**
     * Generates {@code count} declarations and their follow-ups, in publishing order, into {@code sink}.
     * Declarations come day by day through the range, as the single window receives them (and as the
     * simulator's backfill sends them): a batch of records mostly shares its dates.
     */
    void generate(int count, Consumer<DeclarationEvent> sink) {
        TreeMap<Long, List<DeclarationEvent>> later = new TreeMap<>();
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        for (long i = 0; i < count; i++) {
            LocalDate day = from.plusDays(i * days / count);
            DeclarationEvent declared = factory.declared(serialBase + i, day, clock.instant());
            requireValid(declared);
            emit(declared, sink);
            declarations++;
            DeclarationEvent last = declared;
            if (random.nextDouble() < mix.amended()) {
                last = factory.amended(last, clock.instant());
                schedule(later, i, last);
            }
            if (random.nextDouble() < mix.redelivered()) {
                schedule(later, i, declared);
            }
            if (random.nextDouble() < mix.cancelled()) {
                schedule(later, i, factory.cancelled(last, clock.instant()));
            } else {
                count(last.declaration());
            }
            List<DeclarationEvent> due = later.remove(i);
            if (due != null) {
                due.forEach(e -> emit(e, sink));
            }
        }
        later.values().forEach(due -> due.forEach(e -> emit(e, sink)));
    }

    private static void schedule(TreeMap<Long, List<DeclarationEvent>> later, long at, DeclarationEvent event) {
        // One slot per declaration: its follow-ups stay in the order they were made, so revisions rise.
        later.computeIfAbsent(at + FOLLOW_UP_DISTANCE, k -> new ArrayList<>()).add(event);
    }

    private void emit(DeclarationEvent event, Consumer<DeclarationEvent> sink) {
        events++;
        sink.accept(event);
    }

    private void count(DeclarationState state) {
        if (state.countsNationally()) {
            national.add(state);
        }
        if (state.zoneCode() != null) {
            String type = reference.zone(state.zoneCode()).orElseThrow().type().name();
            zonesByType.computeIfAbsent(type, t -> new Sums()).add(state);
        }
    }

    private void requireValid(DeclarationEvent event) {
        List<Violation> violations = rules.check(event);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the benchmark generated an invalid event: " + DeclarationRules.describe(violations));
        }
    }
}
