package dev.customs.ingest;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What the broker knows about this consumer: how far its group lags behind the declarations topic, and what its
 * dead-letter topic holds. Asked as the service's own Kafka user (its group's READ implies the DESCRIBE that
 * fetching the group's offsets needs; reading the dead letters needs READ on its own dead-letter topic).
 */
@ApplicationScoped
public class IngestTopics {

    /** The longest a dead letter's value is shown, in characters. */
    public static final int MAX_VALUE_CHARS = 4096;

    private static final Logger LOG = Logger.getLogger(IngestTopics.class);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** Numbers each short-lived reader, so concurrent ones do not share a client id (and its metrics). */
    private static final AtomicInteger READERS = new AtomicInteger();

    /** One dead letter as the operator sees it: where it is, why it is there and what it holds, as text. */
    public record DeadLetterRecord(
            @Schema(description = "Partition of the dead-letter topic", example = "0") int partition,
            @Schema(description = "Offset in that partition", example = "41") long offset,
            @Schema(description = "When the dead letter was written", example = "2025-08-26T08:12:03.120Z") Instant timestamp,
            @Schema(description = "Why the record was rejected (header dead-letter-reason)",
                    example = "zoneCode: unknown special area '9999'") String reason,
            @Schema(description = "What kind of rejection (header dead-letter-kind): invalid_json, unreadable, "
                    + "unsupported_schema_version, missing_field, unknown_code, rule_violation, key_mismatch, "
                    + "database_rejected or internal_error", example = "unknown_code") String kind,
            @Schema(description = "Where the record came from (header dead-letter-topic)",
                    example = "customs.declarations") String sourceTopic,
            @Schema(description = "Its partition there (header dead-letter-partition)", example = "7") Integer sourcePartition,
            @Schema(description = "Its offset there (header dead-letter-offset)", example = "10234") Long sourceOffset,
            @Schema(description = "True when key and value are bounded prefixes of an original too large to echo "
                    + "(header dead-letter-truncated)") boolean truncated,
            @Schema(description = "The key as UTF-8 text", nullable = true, example = "801320250100000042") String key,
            @Schema(description = "The value as UTF-8 text, at most 4096 characters", nullable = true) String value,
            @Schema(description = "True when value was cut to 4096 characters here") boolean valueCut) {
    }

    private final Map<String, Object> kafkaConfig;
    private final IngestConfig config;
    private final String topic;
    private final String group;
    private Admin admin;

    @Inject
    public IngestTopics(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IngestConfig config,
                        @ConfigProperty(name = "mp.messaging.incoming.declarations.topic") String topic,
                        @ConfigProperty(name = "mp.messaging.incoming.declarations.group.id") String group) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.topic = topic;
        this.group = group;
    }

    public String deadLetterTopic() {
        return config.deadLetterTopic();
    }

    /**
     * Records on the declarations topic the group has not committed yet: per partition its end offset minus the
     * group's committed offset (the beginning offset where the group has committed none); empty when the broker
     * does not answer within two seconds.
     */
    public OptionalLong lag() {
        return ask("the lag of group " + group, client -> {
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<TopicPartition> partitions = partitions(client, topic);
            Map<TopicPartition, Long> end = offsets(client, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> beginning = offsets(client, partitions, OffsetSpec.earliest());
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                long from = at == null ? beginning.get(partition) : Math.max(at.offset(), beginning.get(partition));
                lag += Math.max(0, end.get(partition) - from);
            }
            return lag;
        });
    }

    /** Records ever written to the dead-letter topic still in its log (end minus beginning offsets); empty as lag. */
    public OptionalLong deadLetters() {
        return ask("the size of " + deadLetterTopic(), client -> {
            List<TopicPartition> partitions = partitions(client, deadLetterTopic());
            Map<TopicPartition, Long> end = offsets(client, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> beginning = offsets(client, partitions, OffsetSpec.earliest());
            return partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
        });
    }

    /** A count the admin client works out; each of its calls waits at most ASK_TIMEOUT. */
    @FunctionalInterface
    private interface Question {
        long answer(Admin client) throws InterruptedException, ExecutionException, TimeoutException;
    }

    /** The broker's answer, or empty when it does not give one in time (the status shows null, not an error). */
    private OptionalLong ask(String what, Question question) {
        try {
            return OptionalLong.of(question.answer(admin()));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debugf(e, "the broker did not tell %s", what);
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /**
     * The newest {@code limit} dead letters, newest first (by timestamp, then offset), read by a short-lived consumer
     * of its own partitions without a group; empty when the broker does not answer in time.
     */
    public Optional<List<DeadLetterRecord>> newestDeadLetters(int limit) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader-" + deadLetterTopic() + "-" + READERS.incrementAndGet());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(limit, 1));
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic(), ASK_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, ASK_TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, ASK_TIMEOUT);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(beginning.get(partition), end.get(partition) - limit));
            }
            List<DeadLetterRecord> read = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, ASK_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    LOG.warnf("reading %s took longer than %s", deadLetterTopic(), READ_TIMEOUT);
                    return Optional.empty();
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        read.add(view(record));
                    }
                }
            }
            return Optional.of(read.stream()
                    .sorted(Comparator.comparing(DeadLetterRecord::timestamp).thenComparingLong(DeadLetterRecord::offset)
                            .thenComparingInt(DeadLetterRecord::partition).reversed())
                    .limit(limit).toList());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.debugf(e, "the broker did not hand over %s", deadLetterTopic());
            return Optional.empty();
        }
    }

    static DeadLetterRecord view(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        boolean cut = value != null && value.length() > MAX_VALUE_CHARS;
        if (cut) {
            int end = MAX_VALUE_CHARS;
            if (Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
            value = value.substring(0, end);
        }
        return new DeadLetterRecord(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                text(headers, DeadLetterPublisher.REASON), text(headers, DeadLetterPublisher.KIND),
                text(headers, DeadLetterPublisher.SOURCE_TOPIC), number(headers, DeadLetterPublisher.SOURCE_PARTITION, Integer::valueOf),
                number(headers, DeadLetterPublisher.SOURCE_OFFSET, Long::valueOf),
                "true".equals(text(headers, DeadLetterPublisher.TRUNCATED)),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), value, cut);
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A numeric header, or null where it is missing or not a number (a dead letter may come from any producer). */
    private static <N extends Number> N number(Headers headers, String name, Function<String, N> parse) {
        String text = text(headers, name);
        try {
            return text == null ? null : parse.apply(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<TopicPartition> partitions(Admin client, String name)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = client.describeTopics(List.of(name)).allTopicNames()
                .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(name);
        return description.partitions().stream().map(p -> new TopicPartition(name, p.partition())).toList();
    }

    private static Map<TopicPartition, Long> offsets(Admin client, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = client.listOffsets(request).all()
                .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            props.keySet().retainAll(AdminClientConfig.configNames());
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-status-" + group);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
