package dev.customs.contract.testing;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.EventCodec;
import dev.customs.kafka.ReliableProducer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * An outside producer, as the contract allows: publishes events or arbitrary bytes straight to Kafka as the
 * contract's outside producer, {@value #PRODUCER}; reads back as {@value #READER}, who may read any topic.
 */
public final class RawPublisher implements AutoCloseable {

    public static final String PRODUCER = "external-producer";
    public static final String READER = "admin";

    private final Map<String, Object> reader;
    private final KafkaProducer<String, byte[]> producer;

    /** @param clientAs a Kafka user's client settings (bootstrap servers and credentials) */
    public RawPublisher(Function<String, Map<String, Object>> clientAs) {
        this.reader = clientAs.apply(READER);
        this.producer = ReliableProducer.create(clientAs.apply(PRODUCER), "test-publisher");
    }

    public void publish(DeclarationEvent event) {
        send(event.declarationId(), EventCodec.toBytes(event));
    }

    /** Publishes many events and waits until the broker has acknowledged all of them. */
    public void publishAll(List<DeclarationEvent> events) {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>(events.size());
        for (DeclarationEvent event : events) {
            acks.add(producer.send(new ProducerRecord<>(DeclarationEvent.TOPIC, event.declarationId(), EventCodec.toBytes(event))));
        }
        for (java.util.concurrent.Future<?> ack : acks) {
            try {
                ack.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("publish failed", e.getCause());
            }
        }
    }

    public void publishRaw(String key, String value) {
        send(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(DeclarationEvent.TOPIC, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publish failed", e.getCause());
        }
    }

    /** Every record on a (single-partition) topic from the beginning, waiting until {@code expected} arrived. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected, Duration timeout) {
        Map<String, Object> props = new HashMap<>(reader);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more poll: more records than expected is a failure the caller must see.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
