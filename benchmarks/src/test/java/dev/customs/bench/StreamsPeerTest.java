package dev.customs.bench;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.EventType;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.workload.EventFactory;
import dev.customs.workload.Workload;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The peer must be a fair one: the same totals as the platform, to the cent, from the same kind of stream. */
class StreamsPeerTest {

    private static final ReferenceData REFERENCE = ReferenceData.standard();
    private static final String TOPIC = "bench.peer.test";
    private static final LocalDate FROM = LocalDate.of(2019, 1, 1);
    private static final LocalDate TO = LocalDate.of(2019, 12, 31);

    @TempDir
    Path state;

    /**
     * Amendments, cancellations, redeliveries and stale revisions, each present: only each declaration's newest
     * revision counts. The stream's order is no concern of the peer's per-declaration logic; one order does.
     */
    @Test
    void theStoresHoldTheExpectedTotalsOfAnUnreliableProducersStream() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC);
        Workload workload = new Workload(REFERENCE, new EventFactory(REFERENCE, 41, FROM, TO), 41, FROM, TO,
                Workload.Mix.UNRELIABLE_PRODUCER, 1, clock).ordered(Workload.Order.RANDOM_DATES);
        List<DeclarationEvent> events = new ArrayList<>();
        Result result = run(workload, 400, "unreliable", events::add);

        assertThat(PeerProcess.mismatch(result.rows(), workload.expected(), FROM, TO, REFERENCE)).isNull();
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(events).extracting(DeclarationEvent::eventType).contains(EventType.AMENDED, EventType.CANCELLED);
        assertThat(events.stream().map(DeclarationEvent::eventId).distinct().count()).isLessThan(events.size());
        Set<String> amended = new HashSet<>();
        Set<UUID> seen = new HashSet<>();
        long stale = 0;
        for (DeclarationEvent e : events) {
            if (e.eventType() == EventType.AMENDED) {
                amended.add(e.declarationId());
            }
            if (seen.add(e.eventId()) && e.eventType() == EventType.DECLARED && amended.contains(e.declarationId())) {
                stale++;
            }
        }
        assertThat(stale).as("stale first revisions after an amendment").isPositive();
    }

    /** The check itself is no rubber stamp: one declaration fewer and it names what differs. */
    @Test
    void aMissingDeclarationIsAMismatch() {
        Workload workload = new Workload(REFERENCE, new EventFactory(REFERENCE, 37, FROM, TO), 37, FROM, TO,
                Workload.Mix.DECLARED_ONLY, 1, Clock.systemUTC());
        Result result = run(workload, 50, "short", event -> { });
        assertThat(PeerProcess.mismatch(result.rows(), workload.expected(), FROM, TO, REFERENCE)).isNull();
        workload.next(1);

        assertThat(PeerProcess.mismatch(result.rows(), workload.expected(), FROM, TO, REFERENCE)).startsWith("national: ");
    }

    /** The stores' rows as {@code GET /totals} answers them, without the count of skipped records. */
    private record Result(String rows, long skipped) {
    }

    /**
     * Pipes the workload's records through the topology, with an unreadable record and one keyed otherwise.
     * Few records: the test driver commits, and so flushes RocksDB, after every record.
     */
    private Result run(Workload workload, int declarations, String name, Consumer<DeclarationEvent> piped) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "peer-test-" + name);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.resolve(name).toString());
        AtomicLong skipped = new AtomicLong();
        try (TopologyTestDriver driver = new TopologyTestDriver(StreamsPeer.topology(TOPIC, skipped), props)) {
            TestInputTopic<String, byte[]> input = driver.createInputTopic(TOPIC, new StringSerializer(), new ByteArraySerializer());
            input.pipeInput("22002019100000001", "{not json".getBytes(StandardCharsets.UTF_8));
            boolean[] first = {true};
            workload.generate(declarations, event -> {
                if (first[0]) {
                    input.pipeInput("another key", EventCodec.toBytes(event));
                    first[0] = false;
                }
                input.pipeInput(event.declarationId(), EventCodec.toBytes(event));
                piped.accept(event);
            });
            return new Result(StreamsPeer.rows(StreamsPeer.NATIONAL, driver.getKeyValueStore(StreamsPeer.NATIONAL))
                    + StreamsPeer.rows(StreamsPeer.AREAS, driver.getKeyValueStore(StreamsPeer.AREAS)), skipped.get());
        }
    }
}
