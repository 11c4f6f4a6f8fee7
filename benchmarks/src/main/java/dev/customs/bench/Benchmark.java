package dev.customs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.kafka.ReliableProducer;
import dev.customs.localstack.Infrastructure;
import dev.customs.localstack.LocalKafka;
import dev.customs.localstack.Platform;
import dev.customs.localstack.ServiceProcess;
import dev.customs.localstack.Tokens;
import dev.customs.workload.EventFactory;
import dev.customs.workload.Totals;
import dev.customs.workload.Workload;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./benchmark.sh}: the platform on the local stack (in-process KRaft broker, embedded PostgreSQL,
 * the three packaged services), measured phase by phase next to Kafka's own limit on the same broker.
 * Prints a table and writes it into BENCHMARKS.md. Settings come from the environment (see the script).
 */
public final class Benchmark {

    private static final String FRESHNESS = "customs_ingest_freshness_seconds";
    private static final String CONSUMED = "customs_ingest_records_consumed_total";
    private static final List<String> CONSUMERS = List.of(Platform.ZONE_SERVICE, Platform.STATISTICS_SERVICE);
    private static final String CREATED = "customs_declarations_requests_total{action=\"received\",outcome=\"created\"}";
    private static final String PUBLISHED = "customs_events_published_total";
    private static final Duration APPLY_TIMEOUT = Duration.ofMinutes(30);
    /** How often the consumers' progress is read (from the broker, see GroupProgress) and a service polled. */
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int PAYLOAD_SAMPLES = 10_000;
    private static final int STATEMENTS_SHOWN = 8;
    /** Each stream its own year and serial numbers, so the totals checks of different phases never overlap. */
    private static final long COLD_SERIAL_BASE = 100_000_000L;
    private static final long RANDOM_SERIAL_BASE = 200_000_000L;
    private static final long AREAS_SERIAL_BASE = 300_000_000L;
    private static final long MIX_SERIAL_BASE = 500_000_000L;
    private static final double WARM_TARGET = 20_000;
    private static final double COLD_TARGET = 15_000;
    /** The Streams peer commits every 100 ms under exactly-once: its progress is read as often. */
    private static final Duration PEER_POLL = Duration.ofMillis(100);
    private static final long REST_BODY_SEED = 99;
    private static final Duration REST_WARM_UP = Duration.ofSeconds(5);
    /** Fixed-rate ingest posts this many batches a second (100 declarations each at 2,000/s). */
    private static final int FRESHNESS_BATCHES_PER_SECOND = 20;

    private final Settings settings;
    private final Report report;
    private final ReferenceData reference = ReferenceData.standard();
    private Platform platform;
    private GroupProgress progress;
    private PeerProcess peer;
    private final List<String> failures = new ArrayList<>();

    /** Every knob, from the environment, with the defaults the committed figures were taken with. */
    record Settings(Path root, Path runDir, long seed, int coldEvents, int events, int mixDeclarations, Duration restDuration,
                    int batchSize, Duration freshnessDuration, int freshnessRate, Duration baselineDuration,
                    Duration queryDuration, List<String> jvmOptions, List<String> phases, int brokers, int instances,
                    Path reportFile) {

        static final String ALL_PHASES = "cold,limit,e2e,random,areas,mix,queries,baseline,rest,freshness,peer";

        boolean runs(String phase) {
            return phases.contains(phase);
        }

        static Settings fromEnvironment() {
            Path root = Path.of(env("PLATFORM_ROOT", ".")).toAbsolutePath().normalize();
            return new Settings(root, root.resolve("benchmarks/target/run"),
                    Long.parseLong(env("SEED", "20261124")),
                    Integer.parseInt(env("COLD_EVENTS", "200000")),
                    Integer.parseInt(env("EVENTS", "300000")),
                    Integer.parseInt(env("MIX_DECLARATIONS", "200000")),
                    Duration.ofSeconds(Long.parseLong(env("REST_SECONDS", "20"))),
                    Integer.parseInt(env("BATCH_SIZE", "100")),
                    Duration.ofSeconds(Long.parseLong(env("FRESHNESS_SECONDS", "30"))),
                    Integer.parseInt(env("FRESHNESS_RATE", "2000")),
                    Duration.ofSeconds(Long.parseLong(env("BASELINE_SECONDS", "30"))),
                    Duration.ofSeconds(Long.parseLong(env("QUERY_SECONDS", "20"))),
                    List.of(env("SERVICE_JVM_OPTIONS", Platform.DEFAULT_SERVICE_JVM_OPTIONS).split(" ")),
                    List.of(env("PHASES", ALL_PHASES).split(",")),
                    Integer.parseInt(env("BROKERS", "1")), Integer.parseInt(env("INSTANCES", "1")),
                    root.resolve(env("REPORT_FILE", "BENCHMARKS.md")));
        }
    }

    private Benchmark(Settings settings) {
        this.settings = settings;
        this.report = new Report(settings);
    }

    public static void main(String[] args) throws Exception {
        Benchmark benchmark = new Benchmark(Settings.fromEnvironment());
        int exit = benchmark.run();
        System.exit(exit);
    }

    private int run() throws Exception {
        WrkLoad.requireInstalled();
        deleteRecursively(settings.runDir());
        System.out.println("Starting Keycloak, Kafka, PostgreSQL and the three services (logs in " + settings.runDir().resolve("logs") + ")...");
        platform = Platform.start(new Platform.Settings(settings.root(), settings.runDir().resolve("data"),
                settings.runDir().resolve("logs"), 0, 0, Map.of(), settings.jvmOptions(), 0, settings.brokers(), settings.instances()));
        progress = new GroupProgress(platform.kafka().clientProperties(LocalKafka.ADMIN), DeclarationEvent.TOPIC);
        try {
            Map<String, ProcessStats.Reading> resourcesAtStart = resources();
            Instant started = Instant.now();
            // First, while every JVM (services and peer) is cold and the database empty.
            if (settings.runs("cold")) {
                endToEnd("cold", "cold start, random dates over the year", workload(settings.seed() + 2, 2021,
                        Workload.Mix.DECLARED_ONLY, Workload.Order.RANDOM_DATES, COLD_SERIAL_BASE),
                        settings.coldEvents(), Double.NaN, COLD_TARGET);
            }
            double producerLimit = settings.runs("limit") ? kafkaLimit() : Double.NaN;
            if (settings.runs("e2e")) {
                endToEnd("e2e", "day by day", workload(settings.seed(), 2025, Workload.Mix.DECLARED_ONLY,
                        Workload.Order.DAY_BY_DAY, 0), settings.events(), producerLimit, WARM_TARGET);
            }
            if (settings.runs("random")) {
                endToEnd("random", "random dates over the year", workload(settings.seed() + 3, 2023,
                        Workload.Mix.DECLARED_ONLY, Workload.Order.RANDOM_DATES, RANDOM_SERIAL_BASE),
                        settings.events(), producerLimit, WARM_TARGET);
            }
            if (settings.runs("areas")) {
                endToEnd("areas", "every declaration in an area, the 174 areas evenly", workload(settings.seed() + 4, 2022,
                        Workload.Mix.DECLARED_ONLY, Workload.Order.AREAS_EVEN, AREAS_SERIAL_BASE),
                        settings.events(), producerLimit, WARM_TARGET);
            }
            if (settings.runs("mix")) {
                endToEnd("mix", "realistic mix", workload(settings.seed() + 1, 2024, Workload.Mix.REALISTIC,
                        Workload.Order.DAY_BY_DAY, MIX_SERIAL_BASE), settings.mixDeclarations(), producerLimit, WARM_TARGET);
            }
            if (settings.runs("queries")) {
                queries("idle", settings.queryDuration());
            }
            if (settings.runs("baseline")) {
                baseline();
            }
            if (settings.runs("rest")) {
                restIngest();
            }
            if (settings.runs("freshness")) {
                freshnessAndQueriesUnderLoad();
            }
            report.resources(resourcesAtStart, resources(), Duration.between(started, Instant.now()));
        } catch (RuntimeException e) {
            failures.add("aborted: " + e);
            e.printStackTrace();
        } finally {
            if (peer != null) {
                peer.close();
            }
            progress.close();
            System.out.println("Stopping the platform...");
            platform.close();
        }
        failures.forEach(f -> report.failure(f));
        report.write();
        return failures.isEmpty() ? 0 : 1;
    }

    /** Kafka's perf tools on a topic shaped like ours, with our events as payloads. */
    private double kafkaLimit() throws IOException {
        System.out.println("Limit: Kafka's ProducerPerformance and ConsumerPerformance, " + settings.events() + " records...");
        String topic = "bench.limit";
        Map<String, Integer> topics = Map.of(topic, Infrastructure.DECLARATIONS_PARTITIONS);
        platform.createTopics(topics);
        Path payloads = settings.runDir().resolve("payloads.txt");
        EventFactory factory = new EventFactory(reference, settings.seed(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        long bytes = 0;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < PAYLOAD_SAMPLES; i++) {
            String json = new String(EventCodec.toBytes(factory.declared(i, Instant.now())), java.nio.charset.StandardCharsets.UTF_8);
            bytes += json.length();
            lines.append(json).append('\n');
        }
        Files.writeString(payloads, lines);
        KafkaPerfTools tools = new KafkaPerfTools(settings.root().resolve("benchmarks/target/lib"), settings.runDir().resolve("logs"));
        KafkaPerfTools.ProducerLimit producer = tools.produce(platform.kafka().clientProperties(LocalKafka.ADMIN), topic, settings.events(), payloads);
        KafkaPerfTools.ConsumerLimit consumer = tools.consume(platform.kafka().clientProperties(LocalKafka.ADMIN), topic, settings.events());
        report.limit(bytes / PAYLOAD_SAMPLES, producer, consumer);
        return producer.recordsPerSecond();
    }

    /** Declarations from the default office over the whole of {@code year}. */
    private Workload workload(long seed, int year, Workload.Mix mix, Workload.Order order, long serialBase) {
        return new Workload(reference, seed, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), mix, serialBase)
                .ordered(order);
    }

    /**
     * Publishes a workload at full speed and times it until both consumers have applied every record; then,
     * with phase {@code peer}, the same records to the Kafka Streams peer.
     */
    private void endToEnd(String phase, String name, Workload workload, int declarations, double producerLimit, double target) {
        System.out.println("End-to-end, " + name + ": " + declarations + " declarations at full speed...");
        Map<String, Double> before = new LinkedHashMap<>();
        CONSUMERS.forEach(service -> before.put(service, consumed(service)));
        // Generated and encoded beforehand, so the run measures the pipeline and not the generator.
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        workload.generate(declarations, event -> records.add(
                new ProducerRecord<>(Infrastructure.DECLARATIONS_TOPIC, event.declarationId(), EventCodec.toBytes(event))));
        StatementProfile statements = new StatementProfile(platform.postgres(),
                CONSUMERS.stream().map(Platform::databaseOf).toList());
        statements.reset();
        double cpuBefore = platformCpuSeconds();
        long start = System.nanoTime();
        publish(records, platform.kafka().clientProperties(Infrastructure.EXTERNAL_PRODUCER));
        double publishSeconds = seconds(System.nanoTime() - start);
        Map<String, Double> applySeconds = new LinkedHashMap<>();
        applySeconds.putAll(awaitConsumed(before, workload.events(), start));
        double cpuSeconds = platformCpuSeconds() - cpuBefore;
        List<StatementProfile.Entry> profile = statements.top(STATEMENTS_SHOWN);
        String check = checkTotals(workload);
        if (check != null) {
            failures.add(name + ": " + check);
        }
        Report.Peer peerResult = settings.runs("peer") ? peer(phase, workload, records) : null;
        if (peerResult != null && peerResult.mismatch() != null) {
            failures.add(name + ", Streams peer: " + peerResult.mismatch());
        }
        report.endToEnd(name, workload, publishSeconds, applySeconds, cpuSeconds, producerLimit, target, check, peerResult);
        report.statements(name, workload.events(), profile);
    }

    /** Sends every record at full speed with the platform's producer settings, as {@code client}'s user. */
    private void publish(List<ProducerRecord<String, byte[]>> records, Map<String, Object> client) {
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = ReliableProducer.create(client, "benchmark")) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        sendFailure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (sendFailure.get() != null) {
            throw new IllegalStateException("publishing failed", sendFailure.get());
        }
    }

    /** CPU seconds so far of the two consumer services and PostgreSQL: what applying a stream costs the platform. */
    private double platformCpuSeconds() {
        double sum = ProcessStats.of(ProcessStats.postmasterOf(platform.postgres().port())).cpuSeconds();
        for (String service : CONSUMERS) {
            for (String instance : platform.instances(service)) {
                sum += ProcessStats.of(platform.service(instance).pid()).cpuSeconds();
            }
        }
        return sum;
    }

    /**
     * The same records (keys, values, producer settings) to a topic of their own, consumed by a fresh
     * application in the Streams peer's JVM, already running and subscribed: timed from the first send until
     * its group has committed every record, through its repartition topics too. Then its totals, checked.
     */
    private Report.Peer peer(String phase, Workload workload, List<ProducerRecord<String, byte[]>> records) {
        String topic = "bench.peer." + phase;
        String application = "bench-peer-" + phase;
        System.out.println("Kafka Streams peer on the same " + records.size() + " records (" + topic + ")...");
        platform.createTopics(Map.of(topic, Infrastructure.DECLARATIONS_PARTITIONS));
        Map<String, Object> admin = platform.kafka().clientProperties(LocalKafka.ADMIN);
        if (peer == null) {
            peer = PeerProcess.start(settings.runDir().resolve("peer"), settings.jvmOptions(), admin,
                    Runtime.getRuntime().availableProcessors(), platform.kafka().replicationFactor());
        }
        boolean warm = peer.applicationsSoFar() > 0;
        peer.startApplication(application, topic, settings.runDir().resolve("peer").resolve("state-" + phase));
        List<ProducerRecord<String, byte[]>> copies = new ArrayList<>(records.size());
        records.forEach(r -> copies.add(new ProducerRecord<>(topic, r.key(), r.value())));
        records.clear();
        double cpuBefore = ProcessStats.of(peer.pid()).cpuSeconds();
        long start = System.nanoTime();
        publish(copies, admin);
        double seconds = awaitPeer(application, topic, copies.size(), start);
        double cpuSeconds = ProcessStats.of(peer.pid()).cpuSeconds() - cpuBefore;
        String mismatch = peer.mismatch(workload.expected(), workload.from(), workload.to(), reference);
        peer.stopApplication();
        return new Report.Peer(seconds, cpuSeconds, warm, mismatch);
    }

    /**
     * Seconds from {@code start} until the application's group has committed all {@code records} of the
     * input topic and everything on its repartition topics. Under exactly-once the input offsets commit in
     * the transaction that writes the repartition records, so once they are all committed the repartition
     * topics' end offsets read afterwards are final.
     */
    private double awaitPeer(String application, String topic, long records, long start) {
        long deadline = start + APPLY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(platform.kafka().clientProperties(LocalKafka.ADMIN))) {
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Streams peer did not process " + records + " records in " + APPLY_TIMEOUT);
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(application)
                        .partitionsToOffsetAndMetadata().get();
                long input = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
                if (input >= records) {
                    List<String> repartition = admin.listTopics().names().get().stream()
                            .filter(t -> t.startsWith(application + "-") && t.endsWith("-repartition")).toList();
                    Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                    admin.describeTopics(repartition).allTopicNames().get().values().forEach(d -> d.partitions().forEach(
                            p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                    boolean done = admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        return (at == null ? 0 : at.offset()) >= end.getValue().offset();
                    });
                    if (done) {
                        return seconds(System.nanoTime() - start);
                    }
                }
                sleep(PEER_POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Streams peer", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the Streams peer's progress", e.getCause());
        }
    }

    /** Records a consumer service has handled: what its group (named as the service) has committed. */
    private double consumed(String service) {
        return progress.committed(service);
    }

    /** Seconds from {@code start} until each consumer service has handled {@code records} more records. */
    private Map<String, Double> awaitConsumed(Map<String, Double> before, long records, long start) {
        Map<String, Double> done = new LinkedHashMap<>();
        long deadline = start + APPLY_TIMEOUT.toNanos();
        while (done.size() < before.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumers did not apply " + records + " records in " + APPLY_TIMEOUT);
            }
            for (Map.Entry<String, Double> consumer : before.entrySet()) {
                if (!done.containsKey(consumer.getKey())
                        && consumed(consumer.getKey()) - consumer.getValue() >= records) {
                    done.put(consumer.getKey(), seconds(System.nanoTime() - start));
                }
            }
            sleep(POLL);
        }
        return done;
    }

    /**
     * Freshness is measured at a steady rate from an idle pipeline: the REST phases before it publish faster
     * than the consumers apply while wrk and the service hold the CPU, and a backlog left from them would be
     * counted as the fixed-rate declarations' delay.
     */
    private void awaitConsumersCaughtUp() {
        long onTopic = recordsOnTopic();
        Map<String, Double> sinceStart = new LinkedHashMap<>();
        CONSUMERS.forEach(service -> sinceStart.put(service, 0.0));
        awaitConsumed(sinceStart, onTopic, System.nanoTime());
    }

    /** Every record published to customs.declarations so far: the sum of its partitions' end offsets. */
    private long recordsOnTopic() {
        return progress.end();
    }

    /** The services' totals for the workload's range against the benchmark's own sums, to the cent. */
    private String checkTotals(Workload workload) {
        List<String> mismatches = new ArrayList<>();
        String range = "from=" + workload.from() + "&to=" + workload.to();
        JsonNode national = Http.getJson(platform.url(Platform.STATISTICS_SERVICE) + "/api/statistics/totals?" + range,
                platform.tokens().bearer(Tokens.ANALYST));
        String nationalMismatch = workload.expected().national(workload.from(), workload.to()).mismatch(
                national.path("declarations").asLong(),
                national.path("importCny").decimalValue(), national.path("exportCny").decimalValue());
        if (nationalMismatch != null) {
            mismatches.add("national: " + nationalMismatch);
        }
        // Every flow: the expected totals count each area declaration, and the rollup counts the first line unless asked.
        JsonNode rollup = Http.getJson(platform.url(Platform.ZONE_SERVICE) + "/api/zones/rollup?by=type&flow=ALL&" + range,
                platform.tokens().bearer(Tokens.ANALYST));
        Map<String, JsonNode> byType = new TreeMap<>();
        rollup.forEach(row -> byType.put(row.path("key").asText(), row));
        for (String type : workload.expected().zoneTypes()) {
            Totals expected = workload.expected().zoneType(type, workload.from(), workload.to());
            JsonNode row = byType.get(type);
            String mismatch = row == null ? "missing" : expected.mismatch(row.path("declarations").asLong(),
                    row.path("importCny").decimalValue(), row.path("exportCny").decimalValue());
            if (mismatch != null) {
                mismatches.add("zones " + type + ": " + mismatch);
            }
        }
        return mismatches.isEmpty() ? null : String.join("; ", mismatches);
    }

    /**
     * The same statistics-service code with one record per poll, so each record is its own transaction
     * (and its own ledger lookup and upserts), next to the real batched configuration, each consuming the
     * same topic from the start alone on the machine for the same time, into a database of its own.
     */
    private void baseline() {
        System.out.println("Baseline: one transaction per record vs batches, " + settings.baselineDuration().toSeconds() + " s each...");
        double perRecord = consumeRate("baseline-per-record", Map.of(
                "MP_MESSAGING_INCOMING_DECLARATIONS_MAX_POLL_RECORDS", "1"));
        double batched = consumeRate("baseline-batched", Map.of());
        report.baseline(perRecord, batched);
    }

    private double consumeRate(String instance, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>(overrides);
        env.put("MP_MESSAGING_INCOMING_DECLARATIONS_GROUP_ID", instance);
        env.put("INGEST_DEAD_LETTER_TOPIC", Infrastructure.deadLetterTopic(instance));
        // Its group and dead-letter topic are not statistics-service's: the measuring instance runs as the admin.
        env.put("CUSTOMS_KAFKA_USERNAME", LocalKafka.ADMIN);
        env.put("CUSTOMS_KAFKA_PASSWORD", platform.kafka().password(LocalKafka.ADMIN));
        ServiceProcess process = platform.startInstance(instance, Platform.STATISTICS_SERVICE,
                instance.replace('-', '_'), env);
        try {
            while (Http.metric(process.url(), CONSUMED) == 0) {
                sleep(POLL);
            }
            double from = Http.metric(process.url(), CONSUMED);
            long start = System.nanoTime();
            sleep(settings.baselineDuration());
            double to = Http.metric(process.url(), CONSUMED);
            return (to - from) / seconds(System.nanoTime() - start);
        } finally {
            platform.stop(instance);
        }
    }

    /** Single and batch POSTs from wrk, then the time until the outbox relay has published them all. */
    private void restIngest() {
        EventFactory factory = new EventFactory(reference, REST_BODY_SEED, today().minusDays(30), today().minusDays(1));
        String declarations = platform.url(Platform.DECLARATION_SERVICE);
        WrkLoad wrk = new WrkLoad(settings.runDir().resolve("wrk"), () -> platform.tokens().bearer(Tokens.DECLARANT));

        System.out.println("REST: single POST for " + settings.restDuration().toSeconds() + " s...");
        String one = RestBodies.single(factory.declared(0, Instant.now()).declaration());
        warmUp(() -> wrk.post("single-warm-up", declarations + "/api/declarations", one, 2, 16, REST_WARM_UP));
        restPhase("single POST", 1, () -> wrk.post("single", declarations + "/api/declarations", one, 2, 16, settings.restDuration()));

        System.out.println("REST: POST /batch of " + settings.batchSize() + " for " + settings.restDuration().toSeconds() + " s...");
        List<DeclarationState> states = new ArrayList<>();
        for (int i = 0; i < settings.batchSize(); i++) {
            states.add(factory.declared(i, Instant.now()).declaration());
        }
        String batch = RestBodies.batch(states);
        warmUp(() -> wrk.post("batch-warm-up", declarations + "/api/declarations/batch", batch, 1, 4, REST_WARM_UP));
        restPhase("POST /batch", settings.batchSize(),
                () -> wrk.post("batch", declarations + "/api/declarations/batch", batch, 1, 4, settings.restDuration()));
    }

    /**
     * Unrecorded load first, then until the relay has caught up: the first seconds of a code path pay for
     * class loading and JIT compilation, which a long-running service pays once.
     */
    private void warmUp(Supplier<WrkLoad.Result> load) {
        String url = platform.url(Platform.DECLARATION_SERVICE);
        load.get();
        for (Http.Scrape scrape = Http.scrape(url); scrape.sum(PUBLISHED) < scrape.sum(CREATED); scrape = Http.scrape(url)) {
            sleep(POLL);
        }
    }

    private void restPhase(String name, int perRequest, Supplier<WrkLoad.Result> load) {
        String url = platform.url(Platform.DECLARATION_SERVICE);
        Http.Scrape before = Http.scrape(url);
        double createdBefore = before.sum(CREATED);
        double publishedBefore = before.sum(PUBLISHED);
        long start = System.nanoTime();
        WrkLoad.Result result = load.get();
        // wrk counts the requests answered within its duration; the service still finishes those in flight,
        // so wait until the count of created declarations stops moving and the relay has published them all.
        long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
        double created = -1;
        while (true) {
            Http.Scrape scrape = Http.scrape(url);
            double now = scrape.sum(CREATED) - createdBefore;
            if (now == created && scrape.sum(PUBLISHED) - publishedBefore >= created) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": the outbox relay did not publish " + now + " events");
            }
            created = now;
            sleep(POLL);
        }
        double relayedSeconds = seconds(System.nanoTime() - start);
        long published = (long) (Http.metric(url, PUBLISHED) - publishedBefore);
        if (result.non2xx() > 0 || result.socketErrors() > 0 || published != (long) created
                || created < result.requests() * perRequest) {
            failures.add(name + ": " + result.non2xx() + " non-2xx answers, " + result.socketErrors() + " socket errors, "
                    + (long) created + " declarations created for " + result.requests() + " requests of " + perRequest
                    + ", " + published + " events published");
        }
        report.rest(name, perRequest, result, published / relayedSeconds);
    }

    /** A fixed rate of declarations over REST while analysts query; freshness from the consumers' histograms. */
    private void freshnessAndQueriesUnderLoad() throws InterruptedException {
        System.out.println("Freshness: " + settings.freshnessRate() + " declarations/s for "
                + settings.freshnessDuration().toSeconds() + " s, with queries running...");
        EventFactory factory = new EventFactory(reference, REST_BODY_SEED + 1, today().minusDays(30), today().minusDays(1));
        int perBatch = settings.freshnessRate() / FRESHNESS_BATCHES_PER_SECOND;
        List<String> batches = new ArrayList<>();
        for (int b = 0; b < FRESHNESS_BATCHES_PER_SECOND; b++) {
            List<DeclarationState> states = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
                states.add(factory.declared(i, Instant.now()).declaration());
            }
            batches.add(RestBodies.batch(states));
        }
        List<String> consumers = List.of(platform.url(Platform.ZONE_SERVICE), platform.url(Platform.STATISTICS_SERVICE));
        awaitConsumersCaughtUp();
        Map<String, TreeMap<Double, Double>> before = new LinkedHashMap<>();
        Map<String, Double> consumedBefore = new LinkedHashMap<>();
        for (String url : consumers) {
            before.put(url, Http.scrape(url).buckets(FRESHNESS));
        }
        CONSUMERS.forEach(service -> consumedBefore.put(service, consumed(service)));
        AtomicReference<List<QueryLoad.Latency>> underLoad = new AtomicReference<>();
        Thread queries = new Thread(() -> underLoad.set(QueryLoad.run(queryList(), settings.freshnessDuration(), analyst())), "queries");
        queries.start();
        FixedRateIngest.Result sent = FixedRateIngest.run(platform.url(Platform.DECLARATION_SERVICE),
                () -> platform.tokens().bearer(Tokens.DECLARANT), batches, perBatch,
                settings.freshnessRate(), settings.freshnessDuration());
        queries.join();
        awaitConsumed(consumedBefore, sent.accepted(), System.nanoTime());
        if (sent.failedRequests() > 0 || sent.accepted() != sent.sent()) {
            failures.add("freshness: " + sent.failedRequests() + " failed requests, " + sent.accepted() + " of " + sent.sent() + " accepted");
        }
        Map<String, double[]> freshness = new LinkedHashMap<>();
        for (String url : consumers) {
            TreeMap<Double, Double> after = Http.scrape(url).buckets(FRESHNESS);
            freshness.put(serviceName(url), new double[]{Http.quantile(before.get(url), after, 0.5),
                    Http.quantile(before.get(url), after, 0.99)});
        }
        report.freshness(settings.freshnessRate(), sent.accepted(), freshness);
        report.queries("under ingest at " + settings.freshnessRate() + "/s", underLoad.get());
    }

    private void queries(String label, Duration duration) {
        System.out.println("Queries (" + label + ") for " + duration.toSeconds() + " s over a year of data...");
        report.queries(label, QueryLoad.run(queryList(), duration, analyst()));
    }

    /** The Authorization header of the analyst, whose questions the query load asks. */
    private Supplier<String> analyst() {
        return () -> platform.tokens().bearer(Tokens.ANALYST);
    }

    /** What analysts ask most, over the full year of the day-by-day run (2025). */
    private List<QueryLoad.Query> queryList() {
        String zones = platform.url(Platform.ZONE_SERVICE) + "/api/zones";
        String stats = platform.url(Platform.STATISTICS_SERVICE) + "/api/statistics";
        String year = "from=2025-01-01&to=2025-12-31";
        String area = reference.zones().get(0).code();
        List<QueryLoad.Query> list = new ArrayList<>();
        list.add(new QueryLoad.Query("zone", "area totals (year)", zones + "/" + area + "/totals?" + year));
        list.add(new QueryLoad.Query("zone", "area series (2 years)", zones + "/" + area + "/series?from=2024-01-01&to=2025-12-31"));
        list.add(new QueryLoad.Query("zone", "ranking top 10 (year)", zones + "/ranking?limit=10&" + year));
        list.add(new QueryLoad.Query("zone", "rollup by province (year)", zones + "/rollup?by=province&" + year));
        list.add(new QueryLoad.Query("zone", "concentration top 30 (year)", zones + "/concentration?" + year));
        list.add(new QueryLoad.Query("zone", "area totals (half month)", zones + "/" + area + "/totals?from=2025-03-01&to=2025-03-15"));
        list.add(new QueryLoad.Query("statistics", "national totals (year)", stats + "/totals?" + year));
        list.add(new QueryLoad.Query("statistics", "partners top 10 (year)", stats + "/partners?limit=10&" + year));
        list.add(new QueryLoad.Query("statistics", "regions (year)", stats + "/regions?" + year));
        list.add(new QueryLoad.Query("statistics", "commodities by chapter (year)", stats + "/commodities?level=chapter&" + year));
        list.add(new QueryLoad.Query("statistics", "trade modes (year)", stats + "/trade-modes?" + year));
        list.add(new QueryLoad.Query("statistics", "regimes (year)", stats + "/regimes?" + year));
        list.add(new QueryLoad.Query("statistics", "series (2 years)", stats + "/series?from=2024-01-01&to=2025-12-31"));
        list.add(new QueryLoad.Query("statistics", "monthly report", stats + "/monthly-report?month=2025-06"));
        list.add(new QueryLoad.Query("statistics", "national totals (half month)", stats + "/totals?from=2025-03-01&to=2025-03-15"));
        return list;
    }

    private Map<String, ProcessStats.Reading> resources() {
        Map<String, ProcessStats.Reading> readings = new LinkedHashMap<>();
        for (String service : Platform.SERVICES) {
            readings.put(service, ProcessStats.of(platform.service(service).pid()));
        }
        readings.put("PostgreSQL (all backends)", ProcessStats.of(ProcessStats.postmasterOf(platform.postgres().port())));
        readings.put("benchmark JVM (Kafka broker, load generators)", ProcessStats.ofThisJvm());
        if (peer != null) {
            readings.put("Kafka Streams peer (from its start)", ProcessStats.of(peer.pid()));
        }
        return readings;
    }

    private String serviceName(String url) {
        return url.equals(platform.url(Platform.ZONE_SERVICE)) ? Platform.ZONE_SERVICE : Platform.STATISTICS_SERVICE;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
