package dev.customs.kafka;

import dev.customs.localstack.Infrastructure;
import dev.customs.localstack.LocalKafka;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check against the real broker as the platform starts it (KRaft, SASL/SCRAM, the platform's ACLs), asked as
 * each service's own Kafka user. The last test replaces the topic with a wrongly configured one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicCheckBrokerTest {

    private static final String TOPIC = Infrastructure.DECLARATIONS_TOPIC;
    private static final TopicCheck.Expected DEFAULTS = new TopicCheck.Expected(12, 1, 1, -1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SEVEN_DAYS = "604800000";

    private static LocalKafka kafka;
    private static String admin;

    @BeforeAll
    static void startBroker() {
        kafka = Infrastructure.startKafka(0, 0, null);
        admin = "--bootstrap-server " + kafka.bootstrapServers() + " --command-config <admin client properties>";
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static TopicCheckAtStart.Result check(String user, TopicCheck.Expected expected) {
        return TopicCheckAtStart.check(kafka.clientProperties(user), user, expected, TIMEOUT);
    }

    @Test
    @Order(1)
    void eachServiceFindsTheTopicTheLocalStackCreatesAsConfigured() {
        assertThat(TopicCheck.TOPIC).isEqualTo(TOPIC);
        for (String service : List.of("declaration-service", "zone-service", "statistics-service")) {
            assertThat(check(service, DEFAULTS)).isEqualTo(new TopicCheckAtStart.Result(true, "Topic customs.declarations"
                    + " as configured: partitions=12 replication-factor=1 min.insync.replicas=1 retention.ms=-1"
                    + " (checked as Kafka user " + service + ")"));
        }
    }

    /** What a service configured for three brokers (CUSTOMS_TOPIC_REPLICATION_FACTOR=3, ..._MIN_INSYNC_REPLICAS=2) says here. */
    @Test
    @Order(2)
    void aServiceConfiguredForThreeBrokersNamesReplicationAndMinInsyncReplicas() {
        assertThat(check("zone-service", new TopicCheck.Expected(12, 3, 2, -1))).isEqualTo(new TopicCheckAtStart.Result(false,
                "Topic customs.declarations at " + kafka.bootstrapServers() + " is not configured as this service expects"
                        + " (checked as Kafka user zone-service); not starting. 2 differences:"
                        + "\n  - replication factor: expected 3 (customs.topic.replication-factor), found 1. Fix:"
                        + " kafka-reassign-partitions.sh " + admin + " --execute --reassignment-json-file <a plan giving"
                        + " every partition 3 replicas>, or set CUSTOMS_TOPIC_REPLICATION_FACTOR=1 if 1 is intended"
                        + "\n  - min.insync.replicas: expected 2 (customs.topic.min-insync-replicas), found 1. Fix:"
                        + " kafka-configs.sh " + admin + " --alter --entity-type topics --entity-name customs.declarations"
                        + " --add-config min.insync.replicas=2, or set CUSTOMS_TOPIC_MIN_INSYNC_REPLICAS=1 if 1 is intended"));
    }

    /** The outside producer may describe the topic but not its configuration: the check names the grant it lacks. */
    @Test
    @Order(3)
    void aUserWithoutDescribeConfigsIsToldWhichGrantItLacks() {
        assertThat(check(Infrastructure.EXTERNAL_PRODUCER, DEFAULTS)).isEqualTo(new TopicCheckAtStart.Result(false,
                "Kafka user external-producer may not DescribeConfigs topic customs.declarations at "
                        + kafka.bootstrapServers() + ", which the start-up check needs; not starting. Grant it as an"
                        + " administrator: kafka-acls.sh " + admin + " --add --allow-principal User:external-producer"
                        + " --operation DescribeConfigs --topic customs.declarations"));
    }

    @Test
    @Order(4)
    void aBrokerThatDoesNotAnswerFailsTheCheckOnceTheTimeoutIsOver() throws IOException {
        Map<String, Object> nowhere = new HashMap<>(kafka.clientProperties("zone-service"));
        String servers = "localhost:" + freePort();
        nowhere.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
        TopicCheckAtStart.Result result = TopicCheckAtStart.check(nowhere, "zone-service", DEFAULTS, Duration.ofSeconds(1));
        assertThat(result.passed()).isFalse();
        assertThat(result.message())
                .startsWith("Kafka at " + servers + " did not describe topic customs.declarations within 1 s (last error: ")
                .contains("TimeoutException")
                .endsWith("); not starting. Start the broker or point KAFKA_BOOTSTRAP_SERVERS at it;"
                        + " CUSTOMS_TOPIC_CHECK_TIMEOUT sets how long a start waits for it.");
    }

    @Test
    @Order(5)
    void aWrongPasswordIsNamedAtOnce() {
        Map<String, Object> wrong = new HashMap<>(kafka.clientProperties("zone-service"));
        wrong.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"zone-service\" password=\"not-the-password\";");
        TopicCheckAtStart.Result result = TopicCheckAtStart.check(wrong, "zone-service", DEFAULTS, TIMEOUT);
        assertThat(result.passed()).isFalse();
        assertThat(result.message())
                .startsWith("Kafka at " + kafka.bootstrapServers() + " refused the credentials of user zone-service (")
                .contains("SCRAM-SHA-512")
                .endsWith("), so topic customs.declarations could not be checked; not starting. Check"
                        + " CUSTOMS_KAFKA_USERNAME and CUSTOMS_KAFKA_PASSWORD.");
    }

    /** Last: replaces the topic, first with none, then with 3 partitions kept 7 days. */
    @Test
    @Order(6)
    void aMissingOrWronglyConfiguredTopicIsNamedWithItsFix() throws Exception {
        try (Admin client = Admin.create(kafka.clientProperties(LocalKafka.ADMIN))) {
            client.deleteTopics(List.of(TOPIC)).all().get();
            awaitPartitions(client, 0);
            assertThat(check("declaration-service", DEFAULTS)).isEqualTo(new TopicCheckAtStart.Result(false,
                    "Topic customs.declarations does not exist at " + kafka.bootstrapServers() + "; not starting. Kafka"
                            + " user declaration-service may not create topics. Create it as an administrator:"
                            + " kafka-topics.sh " + admin + " --create --topic customs.declarations --partitions 12"
                            + " --replication-factor 1 --config min.insync.replicas=1 --config retention.ms=-1"));

            create(client, new NewTopic(TOPIC, 3, (short) 1).configs(Map.of("retention.ms", SEVEN_DAYS)));
            awaitPartitions(client, 3);
            assertThat(check("statistics-service", DEFAULTS)).isEqualTo(new TopicCheckAtStart.Result(false,
                    "Topic customs.declarations at " + kafka.bootstrapServers() + " is not configured as this service"
                            + " expects (checked as Kafka user statistics-service); not starting. 2 differences:"
                            + "\n  - partitions: expected 12 (customs.topic.partitions), found 3. Fix: kafka-topics.sh "
                            + admin + " --alter --topic customs.declarations --partitions 12 (new keys then land on"
                            + " other partitions), or set CUSTOMS_TOPIC_PARTITIONS=3 if 3 is intended"
                            + "\n  - retention.ms: expected -1 (customs.topic.retention-ms), found 604800000. Fix:"
                            + " kafka-configs.sh " + admin + " --alter --entity-type topics --entity-name"
                            + " customs.declarations --add-config retention.ms=-1, or set CUSTOMS_TOPIC_RETENTION_MS=604800000"
                            + " if 604800000 is intended"));
            // The same topic, as a service that expects it says.
            assertThat(check("zone-service", new TopicCheck.Expected(3, 1, 1, 604_800_000L)).passed()).isTrue();
        }
    }

    /** A port nothing listens on once this returns. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A deleted topic's name is free only once the controller has finished deleting it; asks again until then. */
    private static void create(Admin client, NewTopic topic) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                client.createTopics(List.of(topic)).all().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Waits until the broker describes the topic with {@code partitions} partitions (0: until it no longer exists). */
    private static void awaitPartitions(Admin client, int partitions) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            int found;
            try {
                TopicDescription description = client.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
                found = description.partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                found = 0;
            }
            if (found == partitions) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker still describes " + found + " partitions of " + TOPIC);
            }
            Thread.sleep(100);
        }
    }
}
