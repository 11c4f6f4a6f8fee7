package dev.customs.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record that is not a valid event, with why. */
public record DeadLetter(ConsumerRecord<String, byte[]> source, DeadLetterKind kind, String reason) {
}
