package dev.customs.localstack;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;

/** What the platform needs from Kafka and PostgreSQL, named once for the launcher and the tests. */
public final class Infrastructure {

    public static final String DECLARATIONS_TOPIC = "customs.declarations";
    public static final int DECLARATIONS_PARTITIONS = 12;
    public static final List<String> CONSUMER_GROUPS = List.of("zone-service", "statistics-service");
    /** Each database and the role that owns it: a service's own, which may connect to no other database. */
    public static final Map<String, String> DATABASE_OWNERS = Map.of(
            "declarations", "declaration_service", "zones", "zone_service", "statistics", "statistics_service");

    /** The outside producer of the contract; its password is pinned there (local stack and compose only). */
    public static final String EXTERNAL_PRODUCER = "external-producer";
    /** Every Kafka user: each service under its own name, the outside producer, and the platform's tooling. */
    public static final List<String> KAFKA_USERS = List.of(
            "declaration-service", "zone-service", "statistics-service", EXTERNAL_PRODUCER, LocalKafka.ADMIN);
    private static final Map<String, String> PINNED_PASSWORDS = Map.of(EXTERNAL_PRODUCER, EXTERNAL_PRODUCER);

    /** One permission: {@code user} may do {@code operations} on the resource named exactly {@code name}. */
    public record Grant(String user, ResourceType type, String name, List<AclOperation> operations) {
    }

    /**
     * Least privilege, and all of it: whatever is not granted here is refused ({@link LocalKafka#ADMIN} aside).
     * The idempotent producers need no cluster permission: since Kafka 3.0 a producer id is granted to any
     * user who may write some topic. READ on a group implies DESCRIBE, which committing and fetching offsets need
     * (and /api/ingest/status's lag). READ on its own dead-letter topic, without a group, lets a consumer list its
     * dead letters (/api/ingest/dead-letters). DESCRIBE_CONFIGS on the declarations topic lets each service check at
     * start that its retention and min.insync.replicas are as configured (kafka-support's TopicCheckAtStart); the
     * outside producer runs no such check and gets none.
     */
    public static final List<Grant> ACCESS = List.of(
            new Grant("declaration-service", TOPIC, DECLARATIONS_TOPIC, List.of(WRITE, DESCRIBE, DESCRIBE_CONFIGS)),
            new Grant(EXTERNAL_PRODUCER, TOPIC, DECLARATIONS_TOPIC, List.of(WRITE, DESCRIBE)),
            new Grant("zone-service", TOPIC, DECLARATIONS_TOPIC, List.of(READ, DESCRIBE, DESCRIBE_CONFIGS)),
            new Grant("zone-service", GROUP, "zone-service", List.of(READ)),
            new Grant("zone-service", TOPIC, deadLetterTopic("zone-service"), List.of(WRITE, DESCRIBE, READ)),
            new Grant("statistics-service", TOPIC, DECLARATIONS_TOPIC, List.of(READ, DESCRIBE, DESCRIBE_CONFIGS)),
            new Grant("statistics-service", GROUP, "statistics-service", List.of(READ)),
            new Grant("statistics-service", TOPIC, deadLetterTopic("statistics-service"), List.of(WRITE, DESCRIBE, READ)));

    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** {@link #ACCESS} as the broker's ACL bindings, from any host. */
    public static List<AclBinding> acls() {
        return ACCESS.stream().flatMap(grant -> grant.operations().stream().map(operation -> new AclBinding(
                new ResourcePattern(grant.type(), grant.name(), PatternType.LITERAL),
                new AccessControlEntry("User:" + grant.user(), "*", operation, AclPermissionType.ALLOW)))).toList();
    }

    /** A password for every Kafka user: the pinned ones as pinned, the others new and random. */
    public static Map<String, String> newKafkaPasswords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : KAFKA_USERS) {
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            passwords.put(user, PINNED_PASSWORDS.getOrDefault(user, Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
        }
        return passwords;
    }

    /** A broker in this JVM with this start's users, the platform's topics and its access list. */
    public static LocalKafka startKafka(int port, int controllerPort, Path dataDir) {
        return withTopicsAndAcls(LocalKafka.start(port, controllerPort, dataDir, newKafkaPasswords()), Map.of());
    }

    /**
     * {@code size} broker processes replicating every topic three times, each partition writable while two of
     * its replicas are in sync; with this start's users, the platform's topics and its access list.
     */
    public static KafkaCluster startKafkaCluster(int size, int firstPort, Path dataDir, Path logDir) {
        KafkaCluster cluster = KafkaCluster.start(size, firstPort, dataDir, logDir, newKafkaPasswords());
        return withTopicsAndAcls(cluster, Map.of("min.insync.replicas", Integer.toString(cluster.minInSyncReplicas())));
    }

    private static <K extends KafkaServers> K withTopicsAndAcls(K kafka, Map<String, String> topicConfig) {
        try {
            // Kept forever: the topic is the log totals are rebuilt from, and dead letters await a human.
            Map<String, String> config = new LinkedHashMap<>(topicConfig);
            config.put("retention.ms", "-1");
            kafka.createTopics(topics(), config);
            kafka.setAcls(acls());
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
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
