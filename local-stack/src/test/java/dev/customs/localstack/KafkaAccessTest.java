package dev.customs.localstack;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static dev.customs.localstack.Infrastructure.DECLARATIONS_TOPIC;
import static dev.customs.localstack.Infrastructure.EXTERNAL_PRODUCER;
import static dev.customs.localstack.Infrastructure.deadLetterTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local broker as the platform starts it: who may connect, and what each user may do once connected. */
class KafkaAccessTest {

    private static final String ZONES = "zone-service";
    private static final String STATISTICS = "statistics-service";
    private static final String DECLARATIONS = "declaration-service";

    private static LocalKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = Infrastructure.startKafka(0, 0, null);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void anAnonymousClientCanNeitherListTopicsNorProduce() {
        Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(anonymous)) {
            // The listener speaks only SASL: a plaintext client never gets an answer, only a closed connection.
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class);
        }
        Map<String, Object> producer = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        assertThat(sendFailure(producer, DECLARATIONS_TOPIC)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertRefused(withPassword(kafka, EXTERNAL_PRODUCER, "not-" + EXTERNAL_PRODUCER));
    }

    @Test
    void aRestartOnAKeptLogTakesNewPasswordsAndKeepsTheGrants(@TempDir Path dataDir) {
        Map<String, String> before;
        int port;
        int controllerPort;
        try (LocalKafka first = Infrastructure.startKafka(0, 0, dataDir)) {
            before = first.passwords();
            port = first.port();
            controllerPort = first.controllerPort();
        }
        try (LocalKafka again = Infrastructure.startKafka(port, controllerPort, dataDir)) {
            assertThat(again.password(ZONES)).isNotEqualTo(before.get(ZONES));
            assertRefused(withPassword(again, ZONES, before.get(ZONES)));
            Map<String, Object> zones = again.clientProperties(ZONES);
            assertThat(send(zones, deadLetterTopic(ZONES), "bad record").topic()).isEqualTo(deadLetterTopic(ZONES));
            assertThat(sendFailure(zones, DECLARATIONS_TOPIC)).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theExternalProducerMayWriteTheDeclarationsTopicAndNothingElse() {
        assertThat(kafka.password(EXTERNAL_PRODUCER)).isEqualTo("external-producer");
        Map<String, Object> client = kafka.clientProperties(EXTERNAL_PRODUCER);
        assertThat(send(client, DECLARATIONS_TOPIC, "from outside").topic()).isEqualTo(DECLARATIONS_TOPIC);
        assertThat(sendFailure(client, deadLetterTopic(ZONES))).isInstanceOf(TopicAuthorizationException.class);
        assertThat(readFailure(client, null)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aConsumerReadsWithItsOwnGroupAndWritesOnlyItsOwnDeadLetters() {
        String value = "for the zones " + UUID.randomUUID();
        send(kafka.clientProperties(EXTERNAL_PRODUCER), DECLARATIONS_TOPIC, value);
        Map<String, Object> zones = kafka.clientProperties(ZONES);

        assertThat(readAndCommit(zones, ZONES)).contains(value);
        assertThat(readFailure(zones, STATISTICS)).isInstanceOf(GroupAuthorizationException.class);
        assertThat(sendFailure(zones, DECLARATIONS_TOPIC)).isInstanceOf(TopicAuthorizationException.class);
        assertThat(send(zones, deadLetterTopic(ZONES), "bad record").topic()).isEqualTo(deadLetterTopic(ZONES));
        assertThat(sendFailure(zones, deadLetterTopic(STATISTICS))).isInstanceOf(TopicAuthorizationException.class);
    }

    /** For the operators' list of dead letters: each consumer reads its own dead-letter topic, without a group, only. */
    @Test
    void aConsumerReadsItsOwnDeadLettersAndNotTheOthers() {
        String value = "parked by the zones " + UUID.randomUUID();
        RecordMetadata parked = send(kafka.clientProperties(ZONES), deadLetterTopic(ZONES), value);
        Map<String, Object> zones = kafka.clientProperties(ZONES);

        assertThat(readOne(zones, parked)).isEqualTo(value);
        send(kafka.clientProperties(STATISTICS), deadLetterTopic(STATISTICS), "parked by statistics");
        assertThat(readFailure(zones, deadLetterTopic(STATISTICS), null)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void declarationServiceWritesTheTopicAndCannotReadIt() {
        Map<String, Object> declarations = kafka.clientProperties(DECLARATIONS);
        assertThat(send(declarations, DECLARATIONS_TOPIC, "filed").topic()).isEqualTo(DECLARATIONS_TOPIC);
        assertThat(readFailure(declarations, null)).isInstanceOf(TopicAuthorizationException.class);
    }

    /** For the start-up topic check: each service reads the topic's configuration; the outside producer may not. */
    @Test
    void eachServiceDescribesTheTopicsConfigurationAndTheExternalProducerCannot() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, DECLARATIONS_TOPIC);
        for (String service : List.of(DECLARATIONS, ZONES, STATISTICS)) {
            try (Admin admin = Admin.create(kafka.clientProperties(service))) {
                Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
                assertThat(config.get("retention.ms").value()).as(service).isEqualTo("-1");
                assertThat(config.get("min.insync.replicas").value()).as(service).isEqualTo("1");
            }
        }
        try (Admin admin = Admin.create(kafka.clientProperties(EXTERNAL_PRODUCER))) {
            assertThatThrownBy(() -> admin.describeConfigs(List.of(topic)).all().get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static Map<String, Object> withPassword(LocalKafka broker, String user, String password) {
        Map<String, Object> client = new HashMap<>(broker.clientProperties(user));
        client.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + user + "\" password=\"" + password + "\";");
        return client;
    }

    private static void assertRefused(Map<String, Object> client) {
        try (Admin admin = Admin.create(client)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** Sends one record with an idempotent producer, as the services do, and returns where it landed. */
    private static RecordMetadata send(Map<String, Object> client, String topic, String value) {
        try (KafkaProducer<String, String> producer = producer(client)) {
            return producer.send(new ProducerRecord<>(topic, "key", value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("sending to " + topic + " failed", e);
        }
    }

    private static Throwable sendFailure(Map<String, Object> client, String topic) {
        try (KafkaProducer<String, String> producer = producer(client)) {
            producer.send(new ProducerRecord<>(topic, "key", "refused")).get();
            throw new AssertionError("sending to " + topic + " succeeded");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** Every value on the declarations topic, read from the start as {@code group}, which then commits its position. */
    private static List<String> readAndCommit(Map<String, Object> client, String group) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(client, group)) {
            List<TopicPartition> partitions = consumer.partitionsFor(DECLARATIONS_TOPIC).stream()
                    .map(p -> new TopicPartition(DECLARATIONS_TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
            partitions.forEach(p -> positions.put(p, new OffsetAndMetadata(consumer.position(p))));
            consumer.commitSync(positions);
        }
        return values;
    }

    /** The value of the record at {@code where}, read without a group (assigned and sought, as the service does). */
    private static String readOne(Map<String, Object> client, RecordMetadata where) {
        try (KafkaConsumer<String, String> consumer = consumer(client, null)) {
            TopicPartition partition = new TopicPartition(where.topic(), where.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, where.offset());
            for (int polls = 0; polls < 20; polls++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value();
                }
            }
            throw new AssertionError("nothing read at " + partition + " offset " + where.offset());
        }
    }

    /** What stops {@code client} from reading the declarations topic (with {@code group}, or none). */
    private static Throwable readFailure(Map<String, Object> client, String group) {
        return readFailure(client, DECLARATIONS_TOPIC, group);
    }

    private static Throwable readFailure(Map<String, Object> client, String topic, String group) {
        try (KafkaConsumer<String, String> consumer = consumer(client, group)) {
            TopicPartition first = new TopicPartition(topic, 0);
            consumer.assign(List.of(first));
            consumer.seekToBeginning(List.of(first));
            if (group != null) {
                consumer.commitSync(Map.of(first, new OffsetAndMetadata(0)));
            }
            consumer.poll(Duration.ofSeconds(5));
            throw new AssertionError("reading " + topic + (group == null ? "" : " as group " + group) + " succeeded");
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> client, String group) {
        Map<String, Object> props = new HashMap<>(client);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
