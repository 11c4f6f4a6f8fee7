package dev.customs.localstack;

import java.util.List;
import java.util.Map;

/** What the platform needs from Kafka and PostgreSQL, named once for the launcher and the tests. */
public final class Infrastructure {

    public static final String DECLARATIONS_TOPIC = "customs.declarations";
    public static final int DECLARATIONS_PARTITIONS = 12;
    public static final List<String> CONSUMER_GROUPS = List.of("zone-service", "statistics-service");
    public static final List<String> DATABASES = List.of("declarations", "zones", "statistics");

    private Infrastructure() {
    }

    /** The dead-letter topic of one consumer group; each group rejects records on its own. */
    public static String deadLetterTopic(String consumerGroup) {
        return DECLARATIONS_TOPIC + ".dead-letter." + consumerGroup;
    }

    /** Every topic with its partition count. */
    public static Map<String, Integer> topics() {
        return Map.of(
                DECLARATIONS_TOPIC, DECLARATIONS_PARTITIONS,
                deadLetterTopic(CONSUMER_GROUPS.get(0)), 1,
                deadLetterTopic(CONSUMER_GROUPS.get(1)), 1);
    }

    /** Broker with the platform's topics, and database server with its databases. */
    public static LocalKafka prepare(LocalKafka kafka) {
        // Kept forever: the topic is the log totals are rebuilt from, and dead letters await a human.
        kafka.createTopics(topics(), Map.of("retention.ms", "-1"));
        return kafka;
    }

    public static LocalPostgres prepare(LocalPostgres postgres) {
        postgres.createDatabases(DATABASES);
        return postgres;
    }
}
