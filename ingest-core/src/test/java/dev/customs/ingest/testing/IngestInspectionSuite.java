package dev.customs.ingest.testing;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.ingest.IngestConfig;
import dev.customs.ingest.IngestTopics;
import dev.customs.rest.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What an operator sees of a consumer's place in the stream: the group's lag and the dead letters, counted and
 * listed, each against what the broker says when asked directly (as admin). Each consumer runs it as a
 * {@code @QuarkusTest} of its own, acting as an operator, saying which group and dead-letter topic are its own.
 */
public abstract class IngestInspectionSuite {

    @Inject
    IngestConfig config;

    /** This consumer's dead-letter topic. */
    protected abstract String deadLetterTopic();

    /** This consumer's group. */
    protected abstract String consumerGroup();

    /** Kafka client settings for a test's own client, as {@code user}. */
    protected abstract Map<String, Object> kafkaClient(String user);

    @Test
    void aRejectedRecordIsCountedAndListedWithItsReasonAndOffsets() throws Exception {
        String key = "8013" + "2031" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        String value = "保税区 {not json " + UUID.randomUUID();
        RecordMetadata source = publish(key, value);

        JsonPath listed = await().atMost(Duration.ofSeconds(60)).until(
                () -> given().queryParam("limit", 200).get("/api/ingest/dead-letters").then().statusCode(200)
                        .contentType("application/json").extract().jsonPath(),
                list -> list.getList("key").contains(key));
        Map<String, Object> letter = listed.<Map<String, Object>>getList("").stream()
                .filter(l -> key.equals(l.get("key"))).findFirst().orElseThrow();
        assertThat(letter.get("kind")).isEqualTo("invalid_json");
        assertThat((String) letter.get("reason")).startsWith("not valid JSON");
        assertThat(letter.get("sourceTopic")).isEqualTo(DeclarationEvent.TOPIC);
        assertThat(letter.get("sourcePartition")).isEqualTo(source.partition());
        assertThat(((Number) letter.get("sourceOffset")).longValue()).isEqualTo(source.offset());
        assertThat(letter.get("truncated")).isEqualTo(false);
        assertThat(letter.get("value")).isEqualTo(value);
        assertThat(letter.get("valueCut")).isEqualTo(false);

        // Where it is in the dead-letter topic, as the broker hands it to its admin.
        try (RawPublisher kafka = new RawPublisher(this::kafkaClient)) {
            ConsumerRecord<String, byte[]> stored = kafka.readAll(deadLetterTopic(), Integer.MAX_VALUE, Duration.ofSeconds(3))
                    .stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertThat(letter.get("partition")).isEqualTo(stored.partition());
            assertThat(((Number) letter.get("offset")).longValue()).isEqualTo(stored.offset());
            assertThat(Instant.parse((String) letter.get("timestamp"))).isEqualTo(Instant.ofEpochMilli(stored.timestamp()));
        }

        // Newest first: nothing was rejected after it.
        given().queryParam("limit", 1).get("/api/ingest/dead-letters").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].key", equalTo(key));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath status = given().get("/api/ingest/status").then().statusCode(200).extract().jsonPath();
            assertThat(status.getString("deadLetterTopic")).isEqualTo(deadLetterTopic());
            assertThat(status.getLong("deadLetters")).isEqualTo(deadLettersInTheTopic()).isPositive();
        });
    }

    @Test
    void aLongValueIsCutTo4096Characters() throws Exception {
        String key = "8013" + "2032" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        String value = "{".repeat(5000);
        publish(key, value);
        JsonPath listed = await().atMost(Duration.ofSeconds(60)).until(
                () -> given().get("/api/ingest/dead-letters").then().statusCode(200).extract().jsonPath(),
                list -> list.getList("key").contains(key));
        Map<String, Object> letter = listed.<Map<String, Object>>getList("").stream()
                .filter(l -> key.equals(l.get("key"))).findFirst().orElseThrow();
        assertThat(letter.get("value")).isEqualTo("{".repeat(4096));
        assertThat(letter.get("valueCut")).isEqualTo(true);
        assertThat(letter.get("truncated")).isEqualTo(false);
    }

    @Test
    void theLagIsWhatTheBrokerSaysTheGroupHasNotCommitted() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            long before = lagAsTheAdminSeesIt();
            long lag = given().get("/api/ingest/status").then().statusCode(200).extract().jsonPath().getLong("lag");
            long after = lagAsTheAdminSeesIt();
            assertThat(before).isEqualTo(after);
            assertThat(lag).isEqualTo(before);
        });
    }

    /**
     * On a topic and group of the test's own, with records and commits placed by hand: 4, 3 and 2 records in three
     * partitions, the group at 1 and 3 in the first two and nowhere in the third, so (4 - 1) + (3 - 3) + 2 = 5.
     */
    @Test
    void theLagCountsEveryRecordTheGroupHasNotCommittedAndAPartitionWithoutACommitFromItsBeginning() throws Exception {
        String topic = "lag-probe-" + UUID.randomUUID();
        String group = "lag-probe-" + UUID.randomUUID();
        Map<String, Object> admin = kafkaClient(RawPublisher.READER);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            Map<String, Object> props = new HashMap<>(admin);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                int[] records = {4, 3, 2};
                for (int partition = 0; partition < records.length; partition++) {
                    for (int i = 0; i < records[partition]; i++) {
                        producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i)).get();
                    }
                }
            }
            client.alterConsumerGroupOffsets(group, Map.of(
                    new TopicPartition(topic, 0), new OffsetAndMetadata(1),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(3))).all().get();
        }
        IngestTopics topics = new IngestTopics(admin, config, topic, group);
        try {
            assertThat(topics.lag()).hasValue(5);
        } finally {
            topics.close();
        }
    }

    @Test
    void theLimitIsOneTo200() {
        for (String limit : new String[]{"0", "201", "ten", "-1"}) {
            given().queryParam("limit", limit).get("/api/ingest/dead-letters")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void onlyOperatorsSeeTheDeadLettersAndTheStatus() {
        for (String token : new String[]{TestTokens.analyst(), TestTokens.declarant(), TestTokens.areaAdminOf("8013")}) {
            given().auth().oauth2(token).get("/api/ingest/dead-letters")
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/ingest/status")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    /** Sends one raw record to the declarations topic as the outside producer; where it landed. */
    private RecordMetadata publish(String key, String value) throws Exception {
        Map<String, Object> props = new HashMap<>(kafkaClient(RawPublisher.PRODUCER));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            return producer.send(new ProducerRecord<>(DeclarationEvent.TOPIC, key, value)).get();
        }
    }

    private long deadLettersInTheTopic() throws Exception {
        try (Admin admin = Admin.create(kafkaClient(RawPublisher.READER))) {
            List<TopicPartition> partitions = partitions(admin, deadLetterTopic());
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> beginning = offsets(admin, partitions, OffsetSpec.earliest());
            return partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
        }
    }

    /** The end offsets of the declarations topic minus the group's committed ones (its beginning where none). */
    private long lagAsTheAdminSeesIt() throws Exception {
        try (Admin admin = Admin.create(kafkaClient(RawPublisher.READER))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup())
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = partitions(admin, DeclarationEvent.TOPIC);
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> beginning = offsets(admin, partitions, OffsetSpec.earliest());
            long lag = 0;
            for (TopicPartition p : partitions) {
                long from = committed.containsKey(p) ? committed.get(p).offset() : beginning.get(p);
                lag += end.get(p) - from;
            }
            return lag;
        }
    }

    private static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all().get()
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
