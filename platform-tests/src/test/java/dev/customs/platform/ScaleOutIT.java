package dev.customs.platform;

import dev.customs.contract.testing.RawPublisher;
import dev.customs.localstack.Infrastructure;
import dev.customs.localstack.KafkaCluster;
import dev.customs.localstack.Platform;
import dev.customs.localstack.Tokens;
import dev.customs.rest.testing.ExactNumbers;
import dev.customs.rest.testing.Metrics;
import dev.customs.workload.Workload;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.customs.platform.TestPlatforms.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Kafka is what the platform scales on. On three broker processes (replication 3, two replicas in sync
 * required) with two instances of every service, a stream of 20,000 declarations with amendments,
 * cancellations, redeliveries and stale revisions goes on while REST filings arrive through both
 * declaration-service instances (two relays on one outbox), the broker leading most partitions is SIGKILLed
 * and restarted, one instance of each consumer is SIGKILLed and a new one joins its group. Afterwards every
 * total equals what the test computes from what was acknowledged, to the cent.
 */
@ExtendWith(ExactNumbers.class)
class ScaleOutIT {

    private static final long SEED = Long.getLong("scale.seed", 20_261_202L);
    private static final int YEAR = 2023;
    private static final Duration CATCH_UP = Duration.ofMinutes(5);
    private static final String DECLARATIONS = Platform.DECLARATION_SERVICE;
    private static final String ZONE = Platform.ZONE_SERVICE;
    private static final String STATISTICS = Platform.STATISTICS_SERVICE;
    /** REST filings go to this month, which the Kafka stream (dated {@value #YEAR}) never touches. */
    private static final LocalDate FILED_FROM = LocalDate.of(2024, 3, 1);

    private static Platform platform;

    @RegisterExtension
    static final ServiceLogsOnFailure SERVICE_LOGS = new ServiceLogsOnFailure(() -> platform);

    @BeforeAll
    static void startPlatform() {
        platform = TestPlatforms.startScaled("scale-out", 3, 2);
        System.out.println("ScaleOutIT seed " + SEED + " (rerun with -Dscale.seed=" + SEED + ")");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void totalsStayExactWhileABrokerAndOneInstanceOfEachConsumerDieAndNewInstancesJoin() {
        assertThat(platform.instances(ZONE)).containsExactly(ZONE, ZONE + "-2");
        assertThat(platform.instances(STATISTICS)).containsExactly(STATISTICS, STATISTICS + "-2");
        KafkaCluster cluster = platform.kafkaCluster();
        Random random = new Random(SEED);
        Workload workload = StreamTotals.workload(SEED, YEAR);
        Filings filings = new Filings(new Random(SEED + 1));
        CompletableFuture<Void> filing = CompletableFuture.runAsync(filings::fileUntilStopped);

        int brokerDown = -1;
        try (RawPublisher kafka = new RawPublisher(platform.kafka()::clientProperties)) {
            for (int chunk = 0; chunk < 40; chunk++) {
                kafka.publishAll(workload.next(500));
                switch (chunk) {
                    case 5 -> {
                        brokerDown = cluster.busiestLeader(Infrastructure.DECLARATIONS_TOPIC);
                        cluster.kill(brokerDown);
                    }
                    case 10 -> {
                        sleep(Duration.ofMillis(random.nextInt(1000)));
                        platform.service(ZONE).kill();
                        platform.service(STATISTICS + "-2").kill();
                    }
                    case 15 -> {
                        platform.addInstance(ZONE);
                        platform.addInstance(STATISTICS);
                    }
                    case 25 -> cluster.restart(brokerDown);
                    default -> {
                    }
                }
            }
        } finally {
            filings.stop();
            filing.join();
        }
        assertThat(brokerDown).isBetween(1, 3);
        assertThat(workload.expected().declarations()).isEqualTo(20_000);
        assertThat(filings.accepted).as("declarations filed over REST while the stream ran").isGreaterThanOrEqualTo(200);

        String zones = platform.url(ZONE + "-3");
        String statistics = platform.url(STATISTICS);
        StreamTotals.awaitMatch(workload, zones, statistics, CATCH_UP);
        awaitFiledTotals(filings, zones, statistics);
        long everyDeclaration = workload.expected().declarations() + filings.accepted;
        assertThat(applied(zones)).isEqualTo(everyDeclaration);
        assertThat(applied(statistics)).isEqualTo(everyDeclaration);

        // The work was shared: each live instance took part.
        for (String instance : List.of(ZONE + "-2", ZONE + "-3", STATISTICS, STATISTICS + "-3")) {
            assertThat(Metrics.sum(platform.url(instance) + "/q/metrics", "customs_ingest_records_consumed_total"))
                    .as("records consumed by " + instance).isPositive();
        }
        for (String instance : platform.instances(DECLARATIONS)) {
            assertThat(Metrics.sum(platform.url(instance) + "/q/metrics", "customs_events_published_total"))
                    .as("events relayed by " + instance).isPositive();
        }
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(cluster.fullyReplicatedPartitions(Infrastructure.DECLARATIONS_TOPIC))
                        .as("partitions with every replica back in sync").isEqualTo(Infrastructure.DECLARATIONS_PARTITIONS));
    }

    /** CNY imports into area 8013, filed in batches of 50 through each declaration-service instance in turn. */
    private static final class Filings {
        private final Random random;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private volatile long accepted;
        private volatile BigDecimal importCny = BigDecimal.ZERO;

        Filings(Random random) {
            this.random = random;
        }

        void stop() {
            stopped.set(true);
        }

        void fileUntilStopped() {
            List<String> instances = platform.instances(DECLARATIONS);
            for (int batch = 0; !stopped.get() || batch < 4; batch++) {
                List<Map<String, Object>> requests = new ArrayList<>();
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = 0; i < 50; i++) {
                    BigDecimal value = BigDecimal.valueOf(1_000_000 + random.nextInt(100_000_000), 2);
                    requests.add(FaultToleranceIT.cnyImport(FILED_FROM.plusDays(i % 31), value));
                    sum = sum.add(value);
                }
                int answered = as(Tokens.DECLARANT).contentType(ContentType.JSON).body(requests)
                        .post(platform.url(instances.get(batch % instances.size())) + "/api/declarations/batch")
                        .then().statusCode(200).extract().<Integer>path("accepted");
                assertThat(answered).isEqualTo(50);
                accepted += answered;
                importCny = importCny.add(sum);
            }
        }
    }

    private static void awaitFiledTotals(Filings filings, String zones, String statistics) {
        LocalDate to = FILED_FROM.plusDays(30);
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String url : List.of(zones + "/api/zones/8013/totals", statistics + "/api/statistics/totals")) {
                as(Tokens.ANALYST).queryParam("from", FILED_FROM.toString()).queryParam("to", to.toString()).get(url)
                        .then().statusCode(200)
                        .body("declarations", equalTo((int) filings.accepted))
                        .body("importCny", equalTo(filings.importCny));
            }
        });
    }

    private static long applied(String consumerUrl) {
        return as(Tokens.OPERATOR).get(consumerUrl + "/api/ingest/status").then().statusCode(200)
                .extract().jsonPath().getLong("declarations");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
