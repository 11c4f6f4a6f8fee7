package dev.customs.kafka;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * How {@link TopicCheck#TOPIC} must be configured for this service to start (see {@link TopicCheckAtStart}).
 * The defaults, in kafka-support's {@code META-INF/microprofile-config.properties}, are what the local stack and
 * compose create; a cluster of three brokers sets {@code CUSTOMS_TOPIC_REPLICATION_FACTOR=3} and
 * {@code CUSTOMS_TOPIC_MIN_INSYNC_REPLICAS=2}.
 */
@ConfigMapping(prefix = "customs.topic")
public interface TopicSettings {

    /** The topic's partition count, exactly. */
    int partitions();

    /** Replicas of every partition, exactly. */
    int replicationFactor();

    /** The topic's {@code min.insync.replicas} (its own setting or the broker's default), exactly. */
    int minInsyncReplicas();

    /** The topic's {@code retention.ms}, exactly; -1 keeps every event, which rebuilding totals relies on. */
    long retentionMs();

    /** How long the check waits for a broker that does not answer at start before the start fails. */
    Duration checkTimeout();
}
