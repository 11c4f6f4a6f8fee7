package dev.customs.workload;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Violation;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.Zone;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A seeded stream of declaration events for one date range, as a producer sends them, and what its totals
 * must come to ({@link #expected()}). Depending on the {@link Mix}, some declarations are amended or cancelled
 * a little later in the stream, some records arrive twice (a producer retry) and some declarations get an
 * out-of-date revision after their newer ones; the expected totals count each declaration's final state once.
 * The same seed, range, mix and clock give the same events. Not thread-safe.
 */
public final class Workload {

    /**
     * Per declaration: the probability of an amendment, a cancellation, a redelivery of its first record and
     * (given an amendment) a stale first revision after the newer ones; and how many declarations later those
     * follow-ups are published. Whatever is still due when a call to {@link #generate} ends is published then.
     */
    public record Mix(double amended, double cancelled, double redelivered, double stale, int followUpDistance) {

        public Mix {
            if (amended < 0 || cancelled < 0 || redelivered < 0 || stale < 0 || amended + cancelled > 1
                    || redelivered > 1 || stale > amended || followUpDistance < 0) {
                throw new IllegalArgumentException("not a mix: " + amended + ", " + cancelled + ", " + redelivered
                        + ", " + stale + ", " + followUpDistance);
            }
        }

        public static final Mix DECLARED_ONLY = new Mix(0, 0, 0, 0, 0);
        /** The simulator's 2% amended and 0.5% cancelled, 1% redelivered, follow-ups 5,000 declarations later. */
        public static final Mix REALISTIC = new Mix(0.02, 0.005, 0.01, 0, 5_000);
        /**
         * A busy, unreliable producer: besides amendments and cancellations, 3% of records arrive twice and 1%
         * of declarations get a stale revision, every follow-up only at the end of the batch.
         */
        public static final Mix UNRELIABLE_PRODUCER = new Mix(0.02, 0.005, 0.03, 0.01, Integer.MAX_VALUE);
    }

    /**
     * The order a stream's declarations come in. Day by day flatters a consumer: a batch of records mostly shares
     * its dates, so it touches few totals rows; the other orders take that away.
     */
    public enum Order {
        /**
         * Dates ascending through the range, as the single window receives them (and as the simulator's backfill
         * sends them); an area for 30% of declarations, drawn from the factory's areas.
         */
        DAY_BY_DAY,
        /**
         * The dates of {@link #DAY_BY_DAY} (each day of the range its equal share) in a seeded random order, so
         * a batch spreads over the whole range.
         */
        RANDOM_DATES,
        /**
         * Day by day, but every declaration an area declaration, the factory's areas in turn, so each area gets
         * the same share (to one declaration) and a batch spreads over all of them.
         */
        AREAS_EVEN
    }

    /** The dates' shuffle draws from a stream of its own, so it does not shift the declarations' draws. */
    private static final long DATES_SALT = 0xDA7E5L;

    private final LocalDate from;
    private final LocalDate to;
    private final EventFactory factory;
    private final DeclarationRules rules;
    private final SplittableRandom random;
    private final Mix mix;
    private final long serialBase;
    private final Clock clock;
    private final Expectations expected;
    private final SplittableRandom dates;
    private Order order = Order.DAY_BY_DAY;
    private long events;
    private long declarations;

    /** Declarations from {@link EventFactory#DEFAULT_OFFICE} in any area, stamped with the system clock. */
    public Workload(ReferenceData reference, long seed, LocalDate from, LocalDate to, Mix mix, long serialBase) {
        this(reference, new EventFactory(reference, seed, from, to), seed, from, to, mix, serialBase, Clock.systemUTC());
    }

    /**
     * @param factory    makes the events; give it the same range
     * @param serialBase the first declaration's serial number; later ones count up from it across calls
     * @param clock      stamps the events' {@code occurredAt}
     */
    public Workload(ReferenceData reference, EventFactory factory, long seed, LocalDate from, LocalDate to, Mix mix,
                    long serialBase, Clock clock) {
        this.from = from;
        this.to = to;
        this.factory = factory;
        this.rules = new DeclarationRules(reference);
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.mix = mix;
        this.serialBase = serialBase;
        this.clock = clock;
        this.expected = new Expectations(reference);
        this.dates = new SplittableRandom(seed ^ DATES_SALT);
    }

    /** From now on, declarations come in this order; until called, {@link Order#DAY_BY_DAY}. */
    public Workload ordered(Order order) {
        this.order = order;
        return this;
    }

    /**
     * Generates {@code count} more declarations and their follow-ups, in publishing order, into {@code sink}.
     * Each call spreads its declarations evenly over the range, in the workload's {@link Order}.
     */
    public void generate(int count, Consumer<DeclarationEvent> sink) {
        TreeMap<Long, List<DeclarationEvent>> later = new TreeMap<>();
        long[] dayOfDeclaration = daysInOrder(count);
        List<Zone> areas = factory.areas();
        for (long i = 0; i < count; i++) {
            LocalDate day = from.plusDays(dayOfDeclaration[(int) i]);
            long serial = serialBase + declarations;
            DeclarationEvent declared = order == Order.AREAS_EVEN
                    ? factory.declared(serial, day, areas.get((int) (declarations % areas.size())), clock.instant())
                    : factory.declared(serial, day, clock.instant());
            requireValid(declared);
            emit(declared, sink);
            declarations++;
            DeclarationEvent last = declared;
            if (random.nextDouble() < mix.amended()) {
                last = factory.amended(last, clock.instant());
                requireValid(last);
                schedule(later, i, last);
            }
            if (random.nextDouble() < mix.redelivered()) {
                schedule(later, i, declared);
            }
            if (mix.stale() > 0 && last != declared && random.nextDouble() < mix.stale() / mix.amended()) {
                DeclarationEvent stale = factory.stale(declared, clock.instant());
                requireValid(stale);
                schedule(later, i, stale);
            }
            if (random.nextDouble() < mix.cancelled()) {
                schedule(later, i, factory.cancelled(last, clock.instant()));
                expected.add(null);
            } else {
                expected.add(last.declaration());
            }
            List<DeclarationEvent> due = later.remove(i);
            if (due != null) {
                due.forEach(e -> emit(e, sink));
            }
        }
        later.values().forEach(due -> due.forEach(e -> emit(e, sink)));
    }

    /** Day {@code i * days / count} of the range for the i-th declaration, shuffled for {@link Order#RANDOM_DATES}. */
    private long[] daysInOrder(int count) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = i * days / count;
        }
        if (order == Order.RANDOM_DATES) {
            for (int i = count - 1; i > 0; i--) {
                int j = dates.nextInt(i + 1);
                long swap = offsets[i];
                offsets[i] = offsets[j];
                offsets[j] = swap;
            }
        }
        return offsets;
    }

    /** {@link #generate} into a list. */
    public List<DeclarationEvent> next(int count) {
        List<DeclarationEvent> out = new ArrayList<>();
        generate(count, out::add);
        return out;
    }

    private void schedule(TreeMap<Long, List<DeclarationEvent>> later, long at, DeclarationEvent event) {
        // A declaration's follow-ups share one slot, in the order they were made, so its revisions rise.
        long due = mix.followUpDistance() == Integer.MAX_VALUE ? Long.MAX_VALUE : at + mix.followUpDistance();
        later.computeIfAbsent(due, k -> new ArrayList<>()).add(event);
    }

    private void emit(DeclarationEvent event, Consumer<DeclarationEvent> sink) {
        events++;
        sink.accept(event);
    }

    private void requireValid(DeclarationEvent event) {
        List<Violation> violations = rules.check(event);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the workload generated an invalid event: " + DeclarationRules.describe(violations));
        }
    }

    /** The totals the services must report for everything generated so far, once all of it is applied. */
    public Expectations expected() {
        return expected;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    /** Records generated so far, follow-ups included. */
    public long events() {
        return events;
    }

    /** Declarations generated so far. */
    public long declarations() {
        return declarations;
    }
}
