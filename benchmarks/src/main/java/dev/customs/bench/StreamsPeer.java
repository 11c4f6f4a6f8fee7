package dev.customs.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.EventType;
import dev.customs.contract.reference.ReferenceData;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The peer the platform is measured against: the same totals as zone-service and statistics-service
 * computed by a Kafka Streams application, as a Streams user would write it, exactly once (EOS v2) with
 * RocksDB stores. Per declaration the newest revision is kept (stale and repeated revisions change nothing);
 * a new revision withdraws the previous state's contribution and adds its own, a cancellation only withdraws.
 * The contributions are re-keyed through repartition topics to the national totals (per day and direction)
 * and the area totals (per area, day and direction): a count and CNY in cents.
 *
 * <p>Runs as a child process of the benchmark, so it starts cold and its CPU is its own. It serves on
 * loopback: {@code POST /start?app=&topic=&stateDir=} starts an application (fresh id, topic and state),
 * {@code GET /state} its state, {@code GET /totals} its stores as lines, {@code POST /stop} closes it.
 * Arguments: the client properties file, the file to write the HTTP port to, stream threads, replication
 * factor of the internal topics.
 */
public final class StreamsPeer {

    static final String NATIONAL = "national";
    static final String AREAS = "areas";
    private static final String DECLARATIONS = "declarations";
    private static final ReferenceData REFERENCE = ReferenceData.standard();

    /** One declaration's newest revision and what its state adds to the totals (nothing once cancelled). */
    record Contribution(long revision, boolean standing, boolean national, long epochDay, boolean imports,
                        String zone, long cents) {

        static Contribution of(DeclarationEvent event) {
            DeclarationState state = event.declaration();
            return new Contribution(event.revision(), event.eventType() != EventType.CANCELLED, state.countsNationally(),
                    state.declarationDate().toEpochDay(), state.direction() == Direction.IMPORT, state.zoneCode(),
                    state.totalValueCny().movePointRight(2).longValueExact());
        }

        byte[] encode() {
            byte[] zoneBytes = zone == null ? new byte[0] : zone.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(8 + 3 + 8 + 1 + 8 + zoneBytes.length).putLong(revision)
                    .put((byte) (standing ? 1 : 0)).put((byte) (national ? 1 : 0)).put((byte) (imports ? 1 : 0))
                    .putLong(epochDay).put((byte) (zone == null ? 0 : 1)).putLong(cents).put(zoneBytes).array();
        }

        static Contribution decode(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            long revision = in.getLong();
            boolean standing = in.get() == 1;
            boolean national = in.get() == 1;
            boolean imports = in.get() == 1;
            long epochDay = in.getLong();
            boolean inArea = in.get() == 1;
            long cents = in.getLong();
            String zone = inArea ? new String(bytes, in.position(), in.remaining(), StandardCharsets.UTF_8) : null;
            return new Contribution(revision, standing, national, epochDay, imports, zone, cents);
        }

        String nationalKey() {
            return epochDay + "|" + (imports ? "I" : "E");
        }

        String areaKey() {
            return zone + "|" + epochDay + "|" + (imports ? "I" : "E");
        }
    }

    /** A change to one totals row: which store and row, and the count and cents to add. */
    record Delta(boolean national, String key, long count, long cents) {
    }

    /** A totals row: declarations and CNY in cents. */
    record Sum(long count, long cents) {

        static final Sum NONE = new Sum(0, 0);

        Sum plus(Delta delta) {
            return new Sum(count + delta.count(), cents + delta.cents());
        }
    }

    static final Serde<Delta> DELTA_SERDE = Serdes.serdeFrom(
            (Serializer<Delta>) (topic, d) -> {
                byte[] key = d.key().getBytes(StandardCharsets.UTF_8);
                return ByteBuffer.allocate(1 + 16 + key.length).put((byte) (d.national() ? 1 : 0))
                        .putLong(d.count()).putLong(d.cents()).put(key).array();
            },
            (Deserializer<Delta>) (topic, bytes) -> {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                boolean national = in.get() == 1;
                long count = in.getLong();
                long cents = in.getLong();
                return new Delta(national, new String(bytes, in.position(), in.remaining(), StandardCharsets.UTF_8), count, cents);
            });

    static final Serde<Sum> SUM_SERDE = Serdes.serdeFrom(
            (Serializer<Sum>) (topic, s) -> ByteBuffer.allocate(16).putLong(s.count()).putLong(s.cents()).array(),
            (Deserializer<Sum>) (topic, bytes) -> {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                return new Sum(in.getLong(), in.getLong());
            });

    /**
     * Keeps each declaration's newest revision and forwards what changes: the previous contribution
     * withdrawn, the new one added. Records the platform would dead-letter (unreadable, against the rules,
     * keyed otherwise than by their declaration) are skipped.
     */
    static final class NewestRevision implements Processor<String, byte[], String, Delta> {

        private final DeclarationRules rules = new DeclarationRules(REFERENCE);
        private final AtomicLong skipped;
        private ProcessorContext<String, Delta> context;
        private KeyValueStore<String, byte[]> declarations;

        NewestRevision(AtomicLong skipped) {
            this.skipped = skipped;
        }

        @Override
        public void init(ProcessorContext<String, Delta> context) {
            this.context = context;
            this.declarations = context.getStateStore(DECLARATIONS);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            DeclarationEvent event = valid(record);
            if (event == null) {
                skipped.incrementAndGet();
                return;
            }
            byte[] stored = declarations.get(event.declarationId());
            Contribution previous = stored == null ? null : Contribution.decode(stored);
            if (previous != null && event.revision() <= previous.revision()) {
                return;
            }
            Contribution now = Contribution.of(event);
            declarations.put(event.declarationId(), now.encode());
            if (previous != null && previous.standing()) {
                forward(record, previous, -1);
            }
            if (now.standing()) {
                forward(record, now, 1);
            }
        }

        private void forward(Record<String, byte[]> record, Contribution c, int sign) {
            if (c.national()) {
                context.forward(record.withValue(new Delta(true, c.nationalKey(), sign, sign * c.cents())));
            }
            if (c.zone() != null) {
                context.forward(record.withValue(new Delta(false, c.areaKey(), sign, sign * c.cents())));
            }
        }

        private DeclarationEvent valid(Record<String, byte[]> record) {
            try {
                DeclarationEvent event = EventCodec.parse(record.value());
                return event != null && rules.check(event).isEmpty()
                        && Objects.equals(record.key(), event.declarationId()) ? event : null;
            } catch (RuntimeException | StackOverflowError e) {
                // What the platform dead-letters as invalid or unreadable.
                return null;
            }
        }
    }

    static Topology topology(String topic, AtomicLong skipped) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECLARATIONS),
                Serdes.String(), Serdes.ByteArray()));
        KStream<String, Delta> deltas = builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new NewestRevision(skipped), DECLARATIONS);
        total(deltas.filter((id, delta) -> delta.national()), NATIONAL);
        total(deltas.filter((id, delta) -> !delta.national()), AREAS);
        return builder.build();
    }

    /** Re-keyed by the totals row (a repartition topic) and summed into a RocksDB store. */
    private static void total(KStream<String, Delta> deltas, String store) {
        deltas.groupBy((id, delta) -> delta.key(), Grouped.with(store, Serdes.String(), DELTA_SERDE))
                .aggregate(() -> Sum.NONE, (key, delta, sum) -> sum.plus(delta),
                        Materialized.<String, Sum, KeyValueStore<Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String()).withValueSerde(SUM_SERDE));
    }

    private final Properties client;
    private final int threads;
    private final short replicationFactor;
    private final AtomicLong skipped = new AtomicLong();
    private KafkaStreams streams;

    private StreamsPeer(Properties client, int threads, short replicationFactor) {
        this.client = client;
        this.threads = threads;
        this.replicationFactor = replicationFactor;
    }

    public static void main(String[] args) throws IOException {
        Properties client = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            client.load(in);
        }
        StreamsPeer peer = new StreamsPeer(client, Integer.parseInt(args[2]), Short.parseShort(args[3]));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/start", exchange -> peer.answer(exchange, () -> peer.start(query(exchange))));
        server.createContext("/state", exchange -> peer.answer(exchange, peer::state));
        server.createContext("/totals", exchange -> peer.answer(exchange, peer::totals));
        server.createContext("/stop", exchange -> peer.answer(exchange, peer::stop));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(peer::stop));
        Path portFile = Path.of(args[1]);
        Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(written, Integer.toString(server.getAddress().getPort()));
        Files.move(written, portFile);
    }

    private synchronized String start(Map<String, String> query) {
        if (streams != null) {
            throw new IllegalStateException("an application is running");
        }
        Properties props = new Properties();
        props.putAll(client);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, query.get("app"));
        props.put(StreamsConfig.STATE_DIR_CONFIG, query.get("stateDir"));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        skipped.set(0);
        streams = new KafkaStreams(topology(query.get("topic"), skipped), props);
        streams.start();
        return "started";
    }

    private synchronized String state() {
        return streams == null ? "NONE" : streams.state().name();
    }

    /** Every totals row: {@code national <epochDay> <I|E> <count> <cents>}, {@code areas <zone> ...}, and the skipped records. */
    private synchronized String totals() {
        StringBuilder out = new StringBuilder();
        for (String store : new String[]{NATIONAL, AREAS}) {
            out.append(rows(store, streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()))));
        }
        return out.append("skipped ").append(skipped.get()).append('\n').toString();
    }

    static String rows(String store, ReadOnlyKeyValueStore<String, Sum> rows) {
        StringBuilder out = new StringBuilder();
        try (KeyValueIterator<String, Sum> all = rows.all()) {
            while (all.hasNext()) {
                KeyValue<String, Sum> row = all.next();
                out.append(store).append(' ').append(row.key.replace('|', ' ')).append(' ')
                        .append(row.value.count()).append(' ').append(row.value.cents()).append('\n');
            }
        }
        return out.toString();
    }

    private synchronized String stop() {
        if (streams != null) {
            streams.close();
            streams.cleanUp();
            streams = null;
        }
        return "stopped";
    }

    private void answer(HttpExchange exchange, Supplier<String> action) throws IOException {
        int status = 200;
        String body;
        try {
            body = action.get();
        } catch (RuntimeException e) {
            status = 500;
            body = e.toString();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
