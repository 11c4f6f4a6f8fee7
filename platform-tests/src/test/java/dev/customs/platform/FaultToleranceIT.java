package dev.customs.platform;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.localstack.Infrastructure;
import dev.customs.localstack.LocalPostgres;
import dev.customs.localstack.Platform;
import dev.customs.localstack.Tokens;
import dev.customs.localstack.RebuildTotals;
import dev.customs.rest.testing.ExactNumbers;
import dev.customs.rest.testing.Metrics;
import dev.customs.workload.Workload;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.customs.platform.TestPlatforms.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Nothing accepted is lost and nothing is counted twice, whatever fails: consumers killed with SIGKILL
 * mid-stream, the broker and the database restarted, the relay killed before relaying, bad records
 * mixed in, and a clean restart. Each test owns one year of declaration dates, so their sums never mix.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ExactNumbers.class)
class FaultToleranceIT {

    private static final long SEED = Long.getLong("fault.seed", 20_251_124L);
    private static final Duration CATCH_UP = Duration.ofMinutes(4);
    private static final String ZONE = Platform.ZONE_SERVICE;
    private static final String STATISTICS = Platform.STATISTICS_SERVICE;
    private static final List<String> CONSUMERS = List.of(ZONE, STATISTICS);
    private static final List<String> ZONES = StreamTotals.ZONES;

    private static Platform platform;
    private static Random random;

    @RegisterExtension
    static final ServiceLogsOnFailure SERVICE_LOGS = new ServiceLogsOnFailure(() -> platform);

    @BeforeAll
    static void startPlatform() throws IOException {
        Path dataDir = TestPlatforms.root().resolve("platform-tests/target/fault-data");
        deleteRecursively(dataDir);
        platform = TestPlatforms.start("fault", dataDir);
        random = new Random(SEED);
        System.out.println("FaultToleranceIT seed " + SEED + " (rerun with -Dfault.seed=" + SEED + ")");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void consumersKilledFiveTimesEachStillCountEveryDeclarationOnce() {
        int year = 2023;
        Workload workload = workload(SEED, year);
        long appliedBefore = applied(ZONE);
        int chunks = 40;
        Set<Integer> killAt = randomChunks(chunks, 10);
        int kills = 0;
        try (RawPublisher kafka = new RawPublisher(platform.kafka()::clientProperties)) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                kafka.publishAll(workload.next(500));
                if (killAt.contains(chunk)) {
                    String victim = CONSUMERS.get(kills++ % 2);
                    sleepRandomly(Duration.ofMillis(800));
                    platform.service(victim).kill();
                    platform.restart(victim);
                }
            }
        }
        assertThat(kills).isEqualTo(10);
        assertThat(workload.expected().declarations()).isEqualTo(20_000);
        awaitTotalsMatch(workload);
        assertThat(applied(ZONE) - appliedBefore).isEqualTo(workload.expected().declarations());
    }

    @Test
    @Order(2)
    void brokerRestartedMidStreamConsumersReportNotReadyFilingGoesOnAndAllResume() {
        int year = 2022;
        Workload workload = workload(SEED + 1, year);
        try (RawPublisher kafka = new RawPublisher(platform.kafka()::clientProperties)) {
            for (int chunk = 0; chunk < 5; chunk++) {
                kafka.publishAll(workload.next(1000));
            }
        }
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> platform.restartKafka(Duration.ofSeconds(20)));
        BigDecimal filedDuringOutage = BigDecimal.ZERO;
        try {
            awaitNotReady(List.of(ZONE, STATISTICS), Duration.ofSeconds(18));
            // declaration-service stays ready and keeps filing: its outbox holds the events until the broker is back.
            given().get(platform.url(Platform.DECLARATION_SERVICE) + "/q/health/ready").then().statusCode(200);
            List<Map<String, Object>> requests = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                BigDecimal value = BigDecimal.valueOf(1_000_000 + random.nextInt(100_000_000), 2);
                requests.add(cnyImport(LocalDate.of(2024, 6, 1 + i % 30), value));
                filedDuringOutage = filedDuringOutage.add(value);
            }
            as(Tokens.DECLARANT).contentType(ContentType.JSON).body(requests)
                    .post(platform.url(Platform.DECLARATION_SERVICE) + "/api/declarations/batch")
                    .then().statusCode(200).body("accepted", equalTo(100));
        } finally {
            restart.join();
        }
        try (RawPublisher kafka = new RawPublisher(platform.kafka()::clientProperties)) {
            for (int chunk = 0; chunk < 5; chunk++) {
                kafka.publishAll(workload.next(1000));
            }
        }
        awaitReady();
        awaitTotalsMatch(workload);
        BigDecimal imports = filedDuringOutage;
        await().atMost(CATCH_UP).untilAsserted(() -> as(Tokens.ANALYST).queryParam("from", "2024-06-01").queryParam("to", "2024-06-30")
                .get(platform.url(STATISTICS) + "/api/statistics/totals")
                .then().statusCode(200).body("declarations", equalTo(100)).body("importCny", equalTo(imports)));
    }

    @Test
    @Order(3)
    void databaseRestartedMidStreamServicesReportNotReadyAndResume() {
        int year = 2021;
        Workload workload = workload(SEED + 2, year);
        try (RawPublisher kafka = new RawPublisher(platform.kafka()::clientProperties)) {
            kafka.publishAll(workload.next(5000));
            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> platform.restartPostgres(Duration.ofSeconds(10)));
            try {
                awaitNotReady(Platform.SERVICES, Duration.ofSeconds(9));
                kafka.publishAll(workload.next(5000));
            } finally {
                restart.join();
            }
        }
        awaitReady();
        awaitTotalsMatch(workload);
    }

    @Test
    @Order(4)
    void everyAcceptedDeclarationArrivesAfterTheRelayIsKilled() throws SQLException {
        String declarations = Platform.DECLARATION_SERVICE;
        // A relay that would wait an hour: the outbox holds everything when the service dies.
        platform.service(declarations).stop(Duration.ofSeconds(20));
        platform.restart(declarations, Map.of("OUTBOX_POLL_INTERVAL", "1h"));
        BigDecimal expectedImports = BigDecimal.ZERO;
        int accepted = 0;
        for (int batch = 0; batch < 4; batch++) {
            List<Map<String, Object>> requests = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                BigDecimal value = BigDecimal.valueOf(1_000_000 + random.nextInt(100_000_000), 2);
                requests.add(cnyImport(LocalDate.of(2025, 3, 1 + i % 28), value));
                expectedImports = expectedImports.add(value);
            }
            accepted += as(Tokens.DECLARANT).contentType(ContentType.JSON).body(requests)
                    .post(platform.url(declarations) + "/api/declarations/batch")
                    .then().statusCode(200).extract().<Integer>path("accepted");
        }
        assertThat(accepted).isEqualTo(1000);
        platform.service(declarations).kill();
        assertThat(outboxRows()).as("events accepted but not yet relayed when the service died").isEqualTo(1000);

        platform.restart(declarations);
        BigDecimal imports = expectedImports;
        await().atMost(CATCH_UP).untilAsserted(() -> {
            as(Tokens.ANALYST).queryParam("from", "2025-03-01").queryParam("to", "2025-03-31")
                    .get(platform.url(ZONE) + "/api/zones/8013/totals")
                    .then().statusCode(200).body("declarations", equalTo(1000)).body("importCny", equalTo(imports));
            as(Tokens.ANALYST).queryParam("from", "2025-03-01").queryParam("to", "2025-03-31")
                    .get(platform.url(STATISTICS) + "/api/statistics/totals")
                    .then().statusCode(200).body("declarations", equalTo(1000)).body("importCny", equalTo(imports));
        });
        assertThat(outboxRows()).isZero();
    }

    @Test
    @Order(5)
    void badRecordsGoToDeadLettersAndTheValidOnesAroundThemCountOnce() {
        int year = 2019;
        Workload workload = workload(SEED + 3, year);
        List<DeclarationEvent> valid = workload.next(300);
        String validJson = new String(dev.customs.contract.event.EventCodec.toBytes(valid.get(0)), java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("invalid_json", "{\"schemaVersion\": 1, \"eventId\": ");
        bad.put("missing_field", validJson.replaceFirst("\"declarationDate\":\"[0-9-]+\",", ""));
        bad.put("unknown_code", validJson.replaceFirst("\"tradeMode\":\"[0-9]{4}\"", "\"tradeMode\":\"0000\""));
        bad.put("unsupported_schema_version", validJson.replaceFirst("\"schemaVersion\":1", "\"schemaVersion\":2"));
        bad.put("rule_violation", validJson.replaceFirst("\"totalValueCny\":[0-9.]+", "\"totalValueCny\":0.01"));
        try (RawPublisher kafka = new RawPublisher(platform.kafka()::clientProperties)) {
            kafka.publishAll(valid.subList(0, 150));
            bad.forEach((kind, value) -> kafka.publishRaw("bad-" + kind, value));
            kafka.publishRaw(valid.get(1).declarationId().replace("4200", "4201"), validJson.replace(
                    valid.get(0).eventId().toString(), java.util.UUID.randomUUID().toString()));
            kafka.publishAll(valid.subList(150, valid.size()));
            awaitTotalsMatch(workload);

            for (String consumer : CONSUMERS) {
                List<ConsumerRecord<String, byte[]>> dead = kafka.readAll(Infrastructure.deadLetterTopic(consumer), 6, Duration.ofSeconds(30));
                Map<String, String> kinds = dead.stream().collect(Collectors.toMap(ConsumerRecord::key,
                        r -> RawPublisher.header(r, "dead-letter-kind")));
                Map<String, String> expected = bad.keySet().stream().collect(Collectors.toMap(k -> "bad-" + k, k -> k));
                expected.put(valid.get(1).declarationId().replace("4200", "4201"), "key_mismatch");
                assertThat(kinds).as("dead letters of " + consumer).isEqualTo(expected);
                assertThat(dead).allSatisfy(r -> {
                    assertThat(RawPublisher.header(r, "dead-letter-reason")).isNotBlank();
                    assertThat(RawPublisher.header(r, "dead-letter-topic")).isEqualTo(DeclarationEvent.TOPIC);
                    assertThat(RawPublisher.header(r, "dead-letter-offset")).matches("\\d+");
                });
            }
        }
    }

    @Test
    @Order(6)
    void aCleanRestartReprocessesNothing() {
        int year = 2018;
        Workload workload = workload(SEED + 4, year);
        try (RawPublisher kafka = new RawPublisher(platform.kafka()::clientProperties)) {
            kafka.publishAll(workload.next(2000));
        }
        awaitTotalsMatch(workload);
        for (String consumer : CONSUMERS) {
            long applied = applied(consumer);
            platform.service(consumer).stop(Duration.ofSeconds(30));
            platform.restart(consumer);
            // Long enough for any redelivery to have arrived and been counted.
            ServiceSleep.of(Duration.ofSeconds(8));
            assertThat(Metrics.sum(platform.url(consumer) + "/q/metrics", "customs_ingest_records_consumed_total")).as(consumer + " consumed after restart").isZero();
            assertThat(applied(consumer)).isEqualTo(applied);
        }
        awaitTotalsMatch(workload);
    }

    @Test
    @Order(7)
    void rebuildingFromTheTopicGivesIdenticalTotals() throws Exception {
        for (String consumer : CONSUMERS) {
            Map<String, String> before = answers(consumer);
            long applied = applied(consumer);
            platform.service(consumer).stop(Duration.ofSeconds(30));
            List<String> emptied = RebuildTotals.run(new RebuildTotals.Target(consumer, platform.kafka().clientProperties(consumer),
                    platform.postgres().jdbcUrl(Platform.databaseOf(consumer)), platform.credentials(consumer).username(),
                    platform.credentials(consumer).password()));
            assertThat(emptied).contains("applied_declarations");
            platform.restart(consumer);
            await().atMost(CATCH_UP).untilAsserted(() -> assertThat(applied(consumer)).isEqualTo(applied));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answers(consumer)).isEqualTo(before));
        }
    }

    /** Every totals answer of a consumer, as the exact JSON it serves. */
    private static Map<String, String> answers(String consumer) {
        List<String> paths = consumer.equals(ZONE)
                ? Stream.concat(ZONES.stream().map(z -> "/api/zones/" + z + "/totals"),
                        Stream.of("/api/zones/ranking?limit=200")).toList()
                : List.of("/api/statistics/totals", "/api/statistics/partners?limit=250", "/api/statistics/regions",
                        "/api/statistics/commodities?level=chapter", "/api/statistics/trade-modes",
                        "/api/statistics/series?granularity=month&from=2018-01-01&to=2025-12-31");
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : paths) {
            answers.put(path, as(Tokens.ANALYST).get(platform.url(consumer) + path).then().statusCode(200).extract().asString());
        }
        return answers;
    }

    // --- helpers -------------------------------------------------------------------------------------

    /**
     * Each of these services notices within {@code atMost} of the outage starting. They are asked side by
     * side: while the broker is away a readiness answer itself takes the client timeout (5 s), so asking
     * one after the other would spend most of the window waiting on the first two.
     */
    private static void awaitNotReady(List<String> services, Duration atMost) {
        ExecutorService askers = Executors.newFixedThreadPool(services.size());
        try {
            CompletableFuture.allOf(services.stream().map(service -> CompletableFuture.runAsync(() ->
                    await().atMost(atMost).untilAsserted(() ->
                            given().get(platform.url(service) + "/q/health/ready").then().statusCode(503)), askers))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            askers.shutdownNow();
        }
    }

    private static void awaitReady() {
        Platform.SERVICES.forEach(service -> await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                given().get(platform.url(service) + "/q/health/ready").then().statusCode(200)));
    }

    private static Workload workload(long seed, int year) {
        return StreamTotals.workload(seed, year);
    }

    private static void awaitTotalsMatch(Workload workload) {
        StreamTotals.awaitMatch(workload, platform.url(ZONE), platform.url(STATISTICS), CATCH_UP);
    }

    private static long applied(String consumer) {
        return as(Tokens.OPERATOR).get(platform.url(consumer) + "/api/ingest/status").then().statusCode(200)
                .extract().jsonPath().getLong("declarations");
    }


    private static long outboxRows() throws SQLException {
        LocalPostgres.Credentials owner = platform.credentials(Platform.DECLARATION_SERVICE);
        try (Connection c = DriverManager.getConnection(platform.postgres().jdbcUrl("declarations"), owner.username(), owner.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, Object> cnyImport(LocalDate date, BigDecimal value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("declarationDate", date.toString());
        body.put("direction", "IMPORT");
        body.put("zoneCode", "8013");
        body.put("zoneFlow", "FIRST_LINE");
        body.put("tradeMode", "5034");
        body.put("customsOffice", "8013");
        body.put("declarantCode", "91500000MA5U12346T");
        body.put("partnerCountry", "DE");
        body.put("transportMode", "3");
        body.put("currency", "CNY");
        body.put("items", List.of(Map.of("itemNo", 1, "hsCode", "8471300000", "quantity", 1, "unit", "台", "value", value)));
        return body;
    }

    private static Set<Integer> randomChunks(int chunks, int count) {
        return random.ints(1, chunks).distinct().limit(count).boxed().collect(Collectors.toSet());
    }

    private static void sleepRandomly(Duration atMost) {
        ServiceSleep.of(Duration.ofMillis(random.nextInt((int) atMost.toMillis() + 1)));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static final class ServiceSleep {
        static void of(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
