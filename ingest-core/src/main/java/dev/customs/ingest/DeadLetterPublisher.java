package dev.customs.ingest;

import dev.customs.kafka.ReliableProducer;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends rejected records to the dead-letter topic and waits for the broker's acknowledgement, so a batch's
 * offsets are committed only once its bad records are safely parked. A record is echoed unchanged when it
 * fits the broker's limits together with our headers; otherwise as a bounded prefix with its original sizes
 * and SHA-256 digests (see {@link BoundedRecord}), so no dead letter can be too large to write.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    /** Header names as SmallRye's own dead-letter strategy writes them, so tooling reads both alike. */
    public static final String REASON = "dead-letter-reason";
    public static final String KIND = "dead-letter-kind";
    public static final String SOURCE_TOPIC = "dead-letter-topic";
    public static final String SOURCE_PARTITION = "dead-letter-partition";
    public static final String SOURCE_OFFSET = "dead-letter-offset";
    /** Present ("true") when key and value are prefixes; the original record's headers are then left out. */
    public static final String TRUNCATED = "dead-letter-truncated";
    public static final String KEY_SIZE = "dead-letter-original-key-size";
    public static final String KEY_SHA256 = "dead-letter-original-key-sha256";
    public static final String VALUE_SIZE = "dead-letter-original-value-size";
    public static final String VALUE_SHA256 = "dead-letter-original-value-sha256";

    private final IngestConfig config;
    private final Map<String, Object> kafkaConfig;
    private KafkaProducer<String, byte[]> producer;

    @Inject
    public DeadLetterPublisher(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    public void publish(List<DeadLetter> deadLetters) throws InterruptedException, ExecutionException, TimeoutException {
        KafkaProducer<String, byte[]> out = producer();
        List<Future<?>> acks = new ArrayList<>(deadLetters.size());
        for (DeadLetter letter : deadLetters) {
            ConsumerRecord<String, byte[]> source = letter.source();
            BoundedRecord bounded = BoundedRecord.of(source, config.deadLetterMaxBytes(), config.reasonMaxBytes());
            RecordHeaders headers = bounded.truncated() ? new RecordHeaders() : new RecordHeaders(source.headers().toArray());
            headers.add(REASON, utf8(BoundedRecord.boundedReason(letter.reason(), config.reasonMaxBytes())));
            headers.add(KIND, utf8(letter.kind().label()));
            headers.add(SOURCE_TOPIC, utf8(source.topic()));
            headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
            headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
            if (bounded.truncated()) {
                headers.add(TRUNCATED, utf8("true"));
                headers.add(KEY_SIZE, utf8(Integer.toString(bounded.keySize())));
                headers.add(VALUE_SIZE, utf8(Integer.toString(bounded.valueSize())));
                if (bounded.keySha256() != null) {
                    headers.add(KEY_SHA256, utf8(bounded.keySha256()));
                }
                if (bounded.valueSha256() != null) {
                    headers.add(VALUE_SHA256, utf8(bounded.valueSha256()));
                }
            }
            acks.add(out.send(new ProducerRecord<>(config.deadLetterTopic(), null,
                    bounded.truncated() ? bounded.keyText() : source.key(), bounded.value(), headers)));
        }
        awaitAcks(acks);
    }

    /** Publishes records kept in quarantine, as the dead letters they would have been (see QuarantineDrain). */
    public void publishStored(List<QuarantineDrain.Stored> rows) throws InterruptedException, ExecutionException, TimeoutException {
        KafkaProducer<String, byte[]> out = producer();
        List<Future<?>> acks = new ArrayList<>(rows.size());
        for (QuarantineDrain.Stored row : rows) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON, utf8(row.reason()));
            headers.add(KIND, utf8(row.kind()));
            headers.add(SOURCE_TOPIC, utf8(row.topic()));
            headers.add(SOURCE_PARTITION, utf8(Integer.toString(row.partition())));
            headers.add(SOURCE_OFFSET, utf8(Long.toString(row.offset())));
            if (row.truncated()) {
                headers.add(TRUNCATED, utf8("true"));
                headers.add(KEY_SIZE, utf8(String.valueOf(row.keySize())));
                headers.add(VALUE_SIZE, utf8(String.valueOf(row.valueSize())));
                if (row.keySha256() != null) {
                    headers.add(KEY_SHA256, utf8(row.keySha256()));
                }
                if (row.valueSha256() != null) {
                    headers.add(VALUE_SHA256, utf8(row.valueSha256()));
                }
            }
            String key = row.key() == null ? null : new String(row.key(), StandardCharsets.UTF_8);
            acks.add(out.send(new ProducerRecord<>(config.deadLetterTopic(), null, key, row.value(), headers)));
        }
        awaitAcks(acks);
    }

    private void awaitAcks(List<Future<?>> acks) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + config.deadLetterAckTimeout().toNanos();
        for (Future<?> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = ReliableProducer.create(kafkaConfig, "dead-letters-" + config.deadLetterTopic());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
