package dev.customs.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * What the start-up check decides, without a broker: the configuration a service expects of
 * {@link #TOPIC}, what the broker describes, the differences, and the one message that says what is wrong and how
 * to fix it. {@link TopicCheckAtStart} asks the broker and logs the message.
 */
public final class TopicCheck {

    /** The topic every service uses, as the contract pins it. */
    public static final String TOPIC = "customs.declarations";

    /** How the commands below reach the broker as an administrator (the services' users may not change topics). */
    static final String ADMIN_CONFIG = "--command-config <admin client properties>";

    private TopicCheck() {
    }

    /** The configuration the service expects (customs.topic.*). */
    public record Expected(int partitions, int replicationFactor, int minInsyncReplicas, long retentionMs) {

        public static Expected of(TopicSettings settings) {
            return new Expected(settings.partitions(), settings.replicationFactor(), settings.minInsyncReplicas(),
                    settings.retentionMs());
        }
    }

    /**
     * What the broker describes: the partition count, the distinct replica counts of the partitions (one, unless
     * a reassignment left them uneven), and the topic's effective {@code min.insync.replicas} and
     * {@code retention.ms} as the broker states them (null where it states none).
     */
    public record Found(int partitions, SortedSet<Integer> replicationFactors, String minInsyncReplicas,
                        String retentionMs) {
    }

    /** Which topic was checked, where, and as which Kafka user: the commands in the messages use them. */
    public record Target(String topic, String bootstrapServers, String user) {
    }

    /** One property that differs, with its fix. */
    public record Problem(String property, String configKey, String expected, String found, String fix) {

        /** {@code partitions: expected 12 (customs.topic.partitions), found 3. Fix: ...} */
        public String describe() {
            return property + ": expected " + expected + " (" + configKey + "), found " + found + ". Fix: " + fix;
        }
    }

    /** Every property of {@code found} that is not as {@code expected}; empty when the topic is as configured. */
    public static List<Problem> problems(Target target, Expected expected, Found found) {
        List<Problem> problems = new ArrayList<>();
        String servers = "--bootstrap-server " + target.bootstrapServers() + " " + ADMIN_CONFIG;
        String alterConfig = "kafka-configs.sh " + servers + " --alter --entity-type topics --entity-name "
                + target.topic() + " --add-config ";

        if (found.partitions() != expected.partitions()) {
            String keep = "set " + env("partitions") + "=" + found.partitions() + " if " + found.partitions() + " is intended";
            String fix = found.partitions() < expected.partitions()
                    ? "kafka-topics.sh " + servers + " --alter --topic " + target.topic() + " --partitions "
                      + expected.partitions() + " (new keys then land on other partitions), or " + keep
                    : keep + " (Kafka cannot take partitions away; otherwise recreate the topic with "
                      + expected.partitions() + ")";
            problems.add(new Problem("partitions", key("partitions"), String.valueOf(expected.partitions()),
                    String.valueOf(found.partitions()), fix));
        }

        SortedSet<Integer> factors = found.replicationFactors();
        if (factors.size() != 1 || factors.first() != expected.replicationFactor()) {
            String reassign = "kafka-reassign-partitions.sh " + servers
                    + " --execute --reassignment-json-file <a plan giving every partition " + expected.replicationFactor()
                    + " replicas>";
            boolean uniform = factors.size() == 1;
            String fix = uniform
                    ? reassign + ", or set " + env("replication-factor") + "=" + factors.first() + " if "
                      + factors.first() + " is intended"
                    : reassign;
            String text = factors.isEmpty() ? "no partitions"
                    : uniform ? String.valueOf(factors.first())
                    : factors.stream().map(String::valueOf).collect(Collectors.joining(" and ")) + " (differs between partitions)";
            problems.add(new Problem("replication factor", key("replication-factor"),
                    String.valueOf(expected.replicationFactor()), text, fix));
        }

        config(problems, "min.insync.replicas", "min-insync-replicas", String.valueOf(expected.minInsyncReplicas()),
                found.minInsyncReplicas(), alterConfig);
        config(problems, "retention.ms", "retention-ms", String.valueOf(expected.retentionMs()), found.retentionMs(),
                alterConfig);
        return problems;
    }

    private static void config(List<Problem> problems, String name, String setting, String expected, String found,
                               String alterConfig) {
        if (expected.equals(found)) {
            return;
        }
        String fix = alterConfig + name + "=" + expected
                + (found == null ? "" : ", or set " + env(setting) + "=" + found + " if " + found + " is intended");
        problems.add(new Problem(name, key(setting), expected, found == null ? "none" : found, fix));
    }

    /** The one message for a topic that is not as configured: every difference, each with its fix. */
    public static String misconfigured(Target target, List<Problem> problems) {
        return "Topic " + target.topic() + " at " + target.bootstrapServers() + " is not configured as this service "
                + "expects (checked as Kafka user " + target.user() + "); not starting. "
                + problems.size() + (problems.size() == 1 ? " difference:" : " differences:")
                + problems.stream().map(p -> "\n  - " + p.describe()).collect(Collectors.joining());
    }

    /** The message for a topic that does not exist: the services may not create it, an administrator does. */
    public static String missing(Target target, Expected expected) {
        return "Topic " + target.topic() + " does not exist at " + target.bootstrapServers() + "; not starting. "
                + "Kafka user " + target.user() + " may not create topics. Create it as an administrator: "
                + "kafka-topics.sh --bootstrap-server " + target.bootstrapServers() + " " + ADMIN_CONFIG
                + " --create --topic " + target.topic() + " --partitions " + expected.partitions()
                + " --replication-factor " + expected.replicationFactor()
                + " --config min.insync.replicas=" + expected.minInsyncReplicas()
                + " --config retention.ms=" + expected.retentionMs();
    }

    /**
     * The message for a user the broker refuses an operation the check needs: {@code Describe} (the partitions and
     * replicas; without it the broker does not even say whether the topic exists) or {@code DescribeConfigs}.
     */
    public static String notAllowed(Target target, String operation) {
        return "Kafka user " + target.user() + " may not " + operation + " topic " + target.topic() + " at "
                + target.bootstrapServers() + ", which the start-up check needs; not starting. Grant it as an "
                + "administrator: kafka-acls.sh --bootstrap-server " + target.bootstrapServers() + " " + ADMIN_CONFIG
                + " --add --allow-principal User:" + target.user() + " --operation " + operation + " --topic "
                + target.topic();
    }

    /** The message for credentials the broker refuses. */
    public static String refused(Target target, String reason) {
        return "Kafka at " + target.bootstrapServers() + " refused the credentials of user " + target.user() + " ("
                + reason + "), so topic " + target.topic() + " could not be checked; not starting. Check "
                + "CUSTOMS_KAFKA_USERNAME and CUSTOMS_KAFKA_PASSWORD.";
    }

    /** The message for a broker that gave no answer (or only errors) for the whole check timeout. */
    public static String unanswered(Target target, Duration waited, String lastError) {
        return "Kafka at " + target.bootstrapServers() + " did not describe topic " + target.topic() + " within "
                + waited.toSeconds() + " s (last error: " + lastError + "); not starting. Start the broker or point "
                + "KAFKA_BOOTSTRAP_SERVERS at it; CUSTOMS_TOPIC_CHECK_TIMEOUT sets how long a start waits for it.";
    }

    /** The one INFO line of a topic as configured. */
    public static String asConfigured(Target target, Found found) {
        return "Topic " + target.topic() + " as configured: partitions=" + found.partitions() + " replication-factor="
                + found.replicationFactors().first() + " min.insync.replicas=" + found.minInsyncReplicas()
                + " retention.ms=" + found.retentionMs() + " (checked as Kafka user " + target.user() + ")";
    }

    private static String key(String setting) {
        return "customs.topic." + setting;
    }

    private static String env(String setting) {
        return "CUSTOMS_TOPIC_" + setting.toUpperCase().replace('-', '_');
    }
}
