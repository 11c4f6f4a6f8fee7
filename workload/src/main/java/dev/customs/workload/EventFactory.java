package dev.customs.workload;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.EventType;
import dev.customs.contract.event.FiledBy;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.contract.reference.Country;
import dev.customs.contract.reference.HsChapter;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.TradeMode;
import dev.customs.contract.reference.TransportMode;
import dev.customs.contract.reference.Zone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Valid declaration events, deterministic per seed (event ids included). Codes are drawn with skewed
 * (Zipf-like) weights, as real trade concentrates on few partners, modes and chapters, so the totals tables
 * get the key spread of real data rather than a uniform worst case. Not the simulator: that one calibrates
 * value shares through declaration-service's REST model; here only shapes and key spread matter.
 */
public final class EventFactory {

    public static final String DECLARANT = "91500000MA5U12346T";
    /** The customs office of the declaration numbers unless a caller names another. */
    public static final String DEFAULT_OFFICE = "2200";
    private static final double ZONE_SHARE = 0.3;
    private static final double[] FLOW_WEIGHTS = {0.6, 0.3, 0.1};
    private static final int MAX_ITEMS = 4;
    private static final long MIN_ITEM_CENTS = 100_000L;
    private static final long MAX_ITEM_CENTS = 200_000_000L;
    /**
     * CNY per USD for months before or after the rate table, which tests reach when they date declarations in
     * years of their own: consumers take an event's USD values as given, so any positive rate is valid.
     */
    private static final BigDecimal OUTSIDE_TABLE_CNY_PER_USD = new BigDecimal("7.0000");
    /** Event ids come from a stream of their own, so they do not shift the declarations' draws. */
    private static final long EVENT_ID_SALT = 0x1D5A17L;
    /** So does whether a declaration is synthetic. */
    private static final long SYNTHETIC_SALT = 0x5E7D1CL;

    private static final Map<Integer, double[]> CUMULATIVE = new ConcurrentHashMap<>();

    private final ReferenceData reference;
    private final SplittableRandom random;
    private final SplittableRandom eventIds;
    private final SplittableRandom syntheticDraws;
    private final String office;
    private final LocalDate firstDay;
    private final int days;
    private final List<Zone> zones;
    private final List<Country> countries;
    private final List<HsChapter> chapters;
    private final List<TransportMode> transportModes;
    private final List<TradeMode> tradeModes;
    private double syntheticShare;
    private FiledBy filedBy;

    /** Declarations from {@link #DEFAULT_OFFICE} in any of the reference data's areas. */
    public EventFactory(ReferenceData reference, long seed, LocalDate from, LocalDate to) {
        this(reference, seed, from, to, DEFAULT_OFFICE, reference.zones());
    }

    /**
     * @param office the customs office that numbers the declarations
     * @param zones  the areas that area declarations are drawn from, uniformly
     */
    public EventFactory(ReferenceData reference, long seed, LocalDate from, LocalDate to, String office, List<Zone> zones) {
        if (!office.matches("\\d{4}")) {
            throw new IllegalArgumentException("a customs office is four digits: " + office);
        }
        if (zones.isEmpty() || to.isBefore(from)) {
            throw new IllegalArgumentException("need at least one area and a date range, got " + zones + ", " + from + " to " + to);
        }
        this.reference = reference;
        this.random = new SplittableRandom(seed);
        this.eventIds = new SplittableRandom(seed ^ EVENT_ID_SALT);
        this.syntheticDraws = new SplittableRandom(seed ^ SYNTHETIC_SALT);
        this.office = office;
        this.firstDay = from;
        this.days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        this.zones = List.copyOf(zones);
        this.countries = reference.countries();
        this.chapters = reference.hsChapters().stream().filter(c -> !c.reserved()).toList();
        // Area-internal transport codes are for moves inside areas, not for trade with partners.
        this.transportModes = reference.transportModes().stream().filter(m -> !m.areaCode()).toList();
        this.tradeModes = reference.tradeModes();
    }

    /** The areas of the reference data with these codes, for {@link #EventFactory(ReferenceData, long, LocalDate, LocalDate, String, List)}. */
    public static List<Zone> zones(ReferenceData reference, List<String> codes) {
        return codes.stream().map(code -> reference.zone(code)
                .orElseThrow(() -> new IllegalArgumentException("no area " + code + " in the reference data"))).toList();
    }

    /**
     * From now on, each new state (amendments included, so an amendment may change it) is synthetic with
     * probability {@code syntheticShare}, and every event says it was filed by {@code filedBy} (null: says
     * nothing). Until called, no declaration is synthetic and no event says who filed it.
     */
    public EventFactory filing(double syntheticShare, FiledBy filedBy) {
        if (syntheticShare < 0 || syntheticShare > 1) {
            throw new IllegalArgumentException("not a share: " + syntheticShare);
        }
        this.syntheticShare = syntheticShare;
        this.filedBy = filedBy;
        return this;
    }

    /** A new declaration on a random day of the range, revision 1, with a number unique for {@code serial}. */
    public DeclarationEvent declared(long serial, Instant occurredAt) {
        return declared(serial, firstDay.plusDays(random.nextInt(days)), occurredAt);
    }

    /** A new declaration on the given day. */
    public DeclarationEvent declared(long serial, LocalDate day, Instant occurredAt) {
        Direction direction = random.nextBoolean() ? Direction.IMPORT : Direction.EXPORT;
        return declared(serial, day, direction, state(day, direction), occurredAt);
    }

    /** A new declaration on the given day in the given area (one of {@link #areas()} or any other). */
    public DeclarationEvent declared(long serial, LocalDate day, Zone area, Instant occurredAt) {
        Direction direction = random.nextBoolean() ? Direction.IMPORT : Direction.EXPORT;
        return declared(serial, day, direction, state(day, direction, area), occurredAt);
    }

    private DeclarationEvent declared(long serial, LocalDate day, Direction direction, DeclarationState state, Instant occurredAt) {
        String id = office + day.getYear() + (direction == Direction.IMPORT ? "1" : "0") + String.format("%09d", serial);
        return new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, eventId(), EventType.DECLARED, id, 1L,
                occurredAt, filedBy, state);
    }

    /** The areas that area declarations are drawn from. */
    public List<Zone> areas() {
        return zones;
    }

    /** The next revision with new values (same date and direction, so the number stays right). */
    public DeclarationEvent amended(DeclarationEvent previous, Instant occurredAt) {
        DeclarationState before = previous.declaration();
        return new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, eventId(), EventType.AMENDED,
                previous.declarationId(), previous.revision() + 1, occurredAt, filedBy,
                state(before.declarationDate(), before.direction()));
    }

    public DeclarationEvent cancelled(DeclarationEvent previous, Instant occurredAt) {
        return new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, eventId(), EventType.CANCELLED,
                previous.declarationId(), previous.revision() + 1L, occurredAt, filedBy, previous.declaration());
    }

    /**
     * An out-of-date revision 1 of {@code declared} with other values, as a producer that lost a race sends
     * it after newer revisions: it must change nothing.
     */
    public DeclarationEvent stale(DeclarationEvent declared, Instant occurredAt) {
        DeclarationState before = declared.declaration();
        return new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, eventId(), EventType.DECLARED,
                declared.declarationId(), 1L, occurredAt, filedBy, state(before.declarationDate(), before.direction()));
    }

    /** A version 4 UUID from the seeded stream. */
    private UUID eventId() {
        long high = eventIds.nextLong() & ~0xF000L | 0x4000L;
        long low = eventIds.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** Picks index i of n with weight 1/(i+1): a few codes carry most declarations, as in real trade. */
    private <T> T skewed(List<T> options) {
        double[] cumulative = CUMULATIVE.computeIfAbsent(options.size(), n -> {
            double[] sums = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / (i + 1);
                sums[i] = sum;
            }
            return sums;
        });
        int at = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return options.get(Math.min(at < 0 ? -at - 1 : at, options.size() - 1));
    }

    /** A state in an area drawn from {@link #areas()} for {@code ZONE_SHARE} of declarations, else in none. */
    private DeclarationState state(LocalDate day, Direction direction) {
        return state(day, direction, random.nextDouble() < ZONE_SHARE ? zones.get(random.nextInt(zones.size())) : null);
    }

    /** @param zone the area, or null for a declaration outside areas */
    private DeclarationState state(LocalDate day, Direction direction, Zone zone) {
        ZoneFlow flow = zone == null ? null : pickFlow();
        List<TradeMode> allowed = new ArrayList<>();
        for (TradeMode mode : tradeModes) {
            // The contract's rules: the flow, the one way of a one-way mode, the area types a mode is limited to.
            if (mode.allows(flow) && mode.allowsDirection(direction) && (zone == null || mode.allowsAreaType(zone.type()))) {
                allowed.add(mode);
            }
        }
        TradeMode mode = skewed(allowed);
        BigDecimal cnyPerUsd = reference.cnyPerUnit("USD", YearMonth.from(day)).orElse(OUTSIDE_TABLE_CNY_PER_USD);
        int itemCount = 1 + random.nextInt(MAX_ITEMS);
        List<DeclarationItem> items = new ArrayList<>(itemCount);
        BigDecimal totalCny = BigDecimal.ZERO;
        BigDecimal totalUsd = BigDecimal.ZERO;
        for (int i = 1; i <= itemCount; i++) {
            HsChapter chapter = skewed(chapters);
            String hsCode = chapter.code() + String.format("%08d", random.nextInt(100_000_000));
            BigDecimal cny = BigDecimal.valueOf(random.nextLong(MIN_ITEM_CENTS, MAX_ITEM_CENTS), 2);
            BigDecimal usd = cny.divide(cnyPerUsd, 2, RoundingMode.HALF_EVEN);
            items.add(new DeclarationItem(i, hsCode, BigDecimal.valueOf(1 + random.nextInt(1000)), "035", cny, usd));
            totalCny = totalCny.add(cny);
            totalUsd = totalUsd.add(usd);
        }
        String carrier = transportModes.get(random.nextInt(transportModes.size())).code();
        // Moves that cross no border carry the area's transport code instead of a carrier.
        String transport = flow == null || flow.crossesNationalBorder() ? carrier
                : reference.areaTransportCode(zone.type(), flow, direction).orElseThrow();
        return new DeclarationState(day, direction, zone == null ? null : zone.code(), flow, mode.code(), office,
                DECLARANT, skewed(countries).alpha2(), transport,
                ReferenceData.CNY, items, totalCny, totalUsd, syntheticDraws.nextDouble() < syntheticShare);
    }

    private ZoneFlow pickFlow() {
        double r = random.nextDouble();
        ZoneFlow[] flows = ZoneFlow.values();
        for (int i = 0; i < flows.length; i++) {
            r -= FLOW_WEIGHTS[i];
            if (r <= 0) {
                return flows[i];
            }
        }
        return flows[flows.length - 1];
    }
}
