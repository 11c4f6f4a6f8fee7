package dev.customs.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The ingest meters that need the applier's outcome: how fresh the applied events are and how much trade
 * value they moved. Every label value comes from a closed set (direction, zone flow, the zone code list),
 * never from a declaration id or an HS code. Consumer lag per partition is not here: the Kafka client
 * already publishes it as {@code kafka_consumer_fetch_manager_records_lag{topic,partition}}.
 */
final class IngestMetrics {

    static final String FRESHNESS = "customs_ingest_freshness";
    static final String TRADE_VALUE = "customs_ingest_trade_value_cny";
    static final String NO_ZONE = "none";

    // Label values worked out once instead of lower-casing per applied state.
    private static final Map<Direction, String> DIRECTION_LABELS = labels(Direction.class);
    private static final Map<ZoneFlow, String> ZONE_FLOW_LABELS = labels(ZoneFlow.class);

    private record ValueKey(String direction, String zoneFlow, String zone, String change) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer freshness;
    private final Map<ValueKey, Counter> tradeValue = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.freshness = Timer.builder(FRESHNESS)
                .description("End-to-end freshness: from the event's occurredAt to its revision being applied (committed)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
    }

    /** Records a batch's outcome once its transaction has committed. */
    void recordApplied(DeclarationEventApplier.Outcome outcome) {
        Instant now = clock.instant();
        for (DeclarationEvent event : outcome.appliedEvents()) {
            if (event.occurredAt() != null) {
                freshness.record(age(event.occurredAt(), now), TimeUnit.NANOSECONDS);
            }
        }
        // Summed exactly per label set, converted to floating point once per batch.
        Map<ValueKey, BigDecimal> sums = new HashMap<>();
        addValues(sums, outcome.addedStates(), "added");
        addValues(sums, outcome.withdrawnStates(), "withdrawn");
        sums.forEach((key, sum) -> counter(key).increment(sum.doubleValue()));
    }

    /**
     * A producer's clock ahead of ours would give a negative age: counted as fresh, not as missing. An age
     * past the longest a long holds in nanoseconds (about 292 years: an occurredAt of 1700, say) counts as that
     * longest, instead of overflowing and failing the batch after its commit.
     */
    static long age(Instant occurredAt, Instant now) {
        Duration age = Duration.between(occurredAt, now);
        if (age.isNegative()) {
            return 0;
        }
        return age.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE : age.toNanos();
    }

    private static void addValues(Map<ValueKey, BigDecimal> sums, List<DeclarationState> states, String change) {
        for (DeclarationState state : states) {
            if (state.totalValueCny() == null || state.direction() == null) {
                continue;
            }
            ValueKey key = new ValueKey(DIRECTION_LABELS.get(state.direction()),
                    state.zoneFlow() == null ? NO_ZONE : ZONE_FLOW_LABELS.get(state.zoneFlow()),
                    state.zoneCode() == null ? NO_ZONE : state.zoneCode(), change);
            sums.merge(key, state.totalValueCny(), BigDecimal::add);
        }
    }

    private static <E extends Enum<E>> Map<E, String> labels(Class<E> type) {
        Map<E, String> labels = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            labels.put(value, value.name().toLowerCase(Locale.ROOT));
        }
        return labels;
    }

    private Counter counter(ValueKey key) {
        // Both sides of a label set exist from the first use on, so "added - withdrawn" never drops a series.
        String other = key.change().equals("added") ? "withdrawn" : "added";
        tradeValue.computeIfAbsent(new ValueKey(key.direction(), key.zoneFlow(), key.zone(), other), this::register);
        return tradeValue.computeIfAbsent(key, this::register);
    }

    private Counter register(ValueKey key) {
        return Counter.builder(TRADE_VALUE)
                .description("Trade value (CNY, declaration total) of declaration states applied by this consumer: "
                        + "change=added for newly applied states, change=withdrawn for states replaced by an "
                        + "amendment or a cancellation; added minus withdrawn is the net change of the totals")
                .baseUnit("cny")
                .tag("direction", key.direction())
                .tag("zone_flow", key.zoneFlow())
                .tag("zone", key.zone())
                .tag("change", key.change())
                .register(registry);
    }
}
