package dev.customs.localstack;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the platform needs from Kafka and PostgreSQL, named once for the launcher and the tests. */
public final class Infrastructure {

    public static final String DECLARATIONS_TOPIC = "customs.declarations";
    public static final int DECLARATIONS_PARTITIONS = 12;
    public static final List<String> CONSUMER_GROUPS = List.of("zone-service", "statistics-service");
    /** Each database and the role that owns it: a service's own, which may connect to no other database. */
    public static final Map<String, String> DATABASE_OWNERS = Map.of(
            "declarations", "declaration_service", "zones", "zone_service", "statistics", "statistics_service");

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

    /** Broker with the platform's topics. */
    public static LocalKafka prepare(LocalKafka kafka) {
        // Kept forever: the topic is the log totals are rebuilt from, and dead letters await a human.
        kafka.createTopics(topics(), Map.of("retention.ms", "-1"));
        return kafka;
    }

    /**
     * Database server with each database owned by its service's role, and a fresh password for every role.
     *
     * @return the credentials of each database's owner, valid until the next prepare
     */
    public static Map<String, LocalPostgres.Credentials> prepare(LocalPostgres postgres) {
        Map<String, LocalPostgres.Credentials> credentials = new TreeMap<>();
        DATABASE_OWNERS.forEach((database, owner) -> {
            credentials.put(database, postgres.serviceRole(owner));
            postgres.ownDatabase(database, owner);
        });
        return credentials;
    }
}
