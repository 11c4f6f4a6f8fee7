package dev.customs.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision alone: expected configuration and the broker's description in, differences and messages out. */
class TopicCheckTest {

    private static final TopicCheck.Target TARGET = new TopicCheck.Target("customs.declarations", "kafka:9092", "zone-service");
    private static final TopicCheck.Expected DEFAULTS = new TopicCheck.Expected(12, 1, 1, -1);
    private static final String ADMIN = "--bootstrap-server kafka:9092 --command-config <admin client properties>";

    private static TopicCheck.Found found(int partitions, List<Integer> replicationFactors, String minInsync, String retention) {
        return new TopicCheck.Found(partitions, new TreeSet<>(replicationFactors), minInsync, retention);
    }

    @Test
    void aTopicAsConfiguredHasNoProblems() {
        assertThat(TopicCheck.problems(TARGET, DEFAULTS, found(12, List.of(1), "1", "-1"))).isEmpty();
        assertThat(TopicCheck.problems(TARGET, new TopicCheck.Expected(24, 3, 2, 604_800_000),
                found(24, List.of(3), "2", "604800000"))).isEmpty();
        assertThat(TopicCheck.asConfigured(TARGET, found(12, List.of(1), "1", "-1"))).isEqualTo(
                "Topic customs.declarations as configured: partitions=12 replication-factor=1 min.insync.replicas=1"
                        + " retention.ms=-1 (checked as Kafka user zone-service)");
    }

    @Test
    void fewerPartitionsAreAddedOrAccepted() {
        assertThat(TopicCheck.problems(TARGET, DEFAULTS, found(3, List.of(1), "1", "-1"))).containsExactly(new TopicCheck.Problem(
                "partitions", "customs.topic.partitions", "12", "3",
                "kafka-topics.sh " + ADMIN + " --alter --topic customs.declarations --partitions 12"
                        + " (new keys then land on other partitions), or set CUSTOMS_TOPIC_PARTITIONS=3 if 3 is intended"));
    }

    @Test
    void morePartitionsCannotBeTakenAway() {
        assertThat(TopicCheck.problems(TARGET, DEFAULTS, found(16, List.of(1), "1", "-1"))).containsExactly(new TopicCheck.Problem(
                "partitions", "customs.topic.partitions", "12", "16",
                "set CUSTOMS_TOPIC_PARTITIONS=16 if 16 is intended (Kafka cannot take partitions away; otherwise"
                        + " recreate the topic with 12)"));
    }

    @Test
    void aReplicationFactorBelowTheClustersIsReassigned() {
        TopicCheck.Expected threeBrokers = new TopicCheck.Expected(12, 3, 2, -1);
        assertThat(TopicCheck.problems(TARGET, threeBrokers, found(12, List.of(1), "2", "-1"))).containsExactly(new TopicCheck.Problem(
                "replication factor", "customs.topic.replication-factor", "3", "1",
                "kafka-reassign-partitions.sh " + ADMIN + " --execute --reassignment-json-file <a plan giving every"
                        + " partition 3 replicas>, or set CUSTOMS_TOPIC_REPLICATION_FACTOR=1 if 1 is intended"));
    }

    @Test
    void partitionsWithDifferentReplicaCountsAreReportedAsSuch() {
        TopicCheck.Expected threeBrokers = new TopicCheck.Expected(12, 3, 2, -1);
        List<TopicCheck.Problem> problems = TopicCheck.problems(TARGET, threeBrokers, found(12, List.of(3, 1, 3), "2", "-1"));
        assertThat(problems).extracting(TopicCheck.Problem::found).containsExactly("1 and 3 (differs between partitions)");
        assertThat(problems).extracting(TopicCheck.Problem::fix).containsExactly("kafka-reassign-partitions.sh " + ADMIN
                + " --execute --reassignment-json-file <a plan giving every partition 3 replicas>");
    }

    @Test
    void minInsyncReplicasIsAlteredOrAccepted() {
        assertThat(TopicCheck.problems(TARGET, new TopicCheck.Expected(12, 3, 2, -1), found(12, List.of(3), "1", "-1")))
                .containsExactly(new TopicCheck.Problem("min.insync.replicas", "customs.topic.min-insync-replicas", "2", "1",
                        "kafka-configs.sh " + ADMIN + " --alter --entity-type topics --entity-name customs.declarations"
                                + " --add-config min.insync.replicas=2, or set CUSTOMS_TOPIC_MIN_INSYNC_REPLICAS=1 if 1 is intended"));
    }

    @Test
    void retentionIsAlteredOrAccepted() {
        assertThat(TopicCheck.problems(TARGET, DEFAULTS, found(12, List.of(1), "1", "604800000")))
                .containsExactly(new TopicCheck.Problem("retention.ms", "customs.topic.retention-ms", "-1", "604800000",
                        "kafka-configs.sh " + ADMIN + " --alter --entity-type topics --entity-name customs.declarations"
                                + " --add-config retention.ms=-1, or set CUSTOMS_TOPIC_RETENTION_MS=604800000 if 604800000 is intended"));
    }

    @Test
    void aSettingTheBrokerDoesNotStateIsSetOnTheTopic() {
        assertThat(TopicCheck.problems(TARGET, DEFAULTS, found(12, List.of(1), "1", null)))
                .containsExactly(new TopicCheck.Problem("retention.ms", "customs.topic.retention-ms", "-1", "none",
                        "kafka-configs.sh " + ADMIN + " --alter --entity-type topics --entity-name customs.declarations"
                                + " --add-config retention.ms=-1"));
    }

    @Test
    void everyDifferenceIsInOneMessageInTheOrderOfTheSettings() {
        List<TopicCheck.Problem> problems = TopicCheck.problems(TARGET, new TopicCheck.Expected(12, 3, 2, -1),
                found(3, List.of(1), "1", "604800000"));
        assertThat(problems).extracting(TopicCheck.Problem::property)
                .containsExactly("partitions", "replication factor", "min.insync.replicas", "retention.ms");
        assertThat(TopicCheck.misconfigured(TARGET, problems)).isEqualTo(
                "Topic customs.declarations at kafka:9092 is not configured as this service expects (checked as Kafka user"
                        + " zone-service); not starting. 4 differences:"
                        + "\n  - " + problems.get(0).describe()
                        + "\n  - " + problems.get(1).describe()
                        + "\n  - " + problems.get(2).describe()
                        + "\n  - " + problems.get(3).describe());
        assertThat(problems.get(0).describe()).isEqualTo("partitions: expected 12 (customs.topic.partitions), found 3."
                + " Fix: " + problems.get(0).fix());
    }

    @Test
    void aMissingTopicIsCreatedByAnAdministrator() {
        assertThat(TopicCheck.missing(TARGET, new TopicCheck.Expected(12, 3, 2, -1))).isEqualTo(
                "Topic customs.declarations does not exist at kafka:9092; not starting. Kafka user zone-service may not"
                        + " create topics. Create it as an administrator: kafka-topics.sh " + ADMIN + " --create --topic"
                        + " customs.declarations --partitions 12 --replication-factor 3 --config min.insync.replicas=2"
                        + " --config retention.ms=-1");
    }

    @Test
    void aMissingGrantIsNamedWithItsCommand() {
        assertThat(TopicCheck.notAllowed(TARGET, "DescribeConfigs")).isEqualTo(
                "Kafka user zone-service may not DescribeConfigs topic customs.declarations at kafka:9092, which the"
                        + " start-up check needs; not starting. Grant it as an administrator: kafka-acls.sh " + ADMIN
                        + " --add --allow-principal User:zone-service --operation DescribeConfigs --topic customs.declarations");
    }

    @Test
    void aSilentBrokerIsNamedWithTheTimeout() {
        assertThat(TopicCheck.unanswered(TARGET, Duration.ofSeconds(60), "TimeoutException: timed out")).isEqualTo(
                "Kafka at kafka:9092 did not describe topic customs.declarations within 60 s (last error:"
                        + " TimeoutException: timed out); not starting. Start the broker or point KAFKA_BOOTSTRAP_SERVERS"
                        + " at it; CUSTOMS_TOPIC_CHECK_TIMEOUT sets how long a start waits for it.");
    }
}
