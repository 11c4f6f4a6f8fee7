package dev.customs.localstack;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code ./rebuild-totals.sh SERVICE}: empties one consumer's totals and rewinds its consumer group to the
 * start of customs.declarations, so that the next start replays the whole topic into empty tables.
 * Replaying gives the same totals because applying is idempotent per revision. The service must be
 * stopped: a group with live members cannot be rewound.
 */
public final class RebuildTotals {

    /** The ledger ingest-core keeps, plus every projection table: by convention named *_totals. */
    private static final String LEDGER = "applied_declarations";
    private static final String TOTALS_TABLES = """
            SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '%\\_totals'""";

    /** @param kafkaClient Kafka client settings; the consumer's own user may rewind its own group */
    public record Target(String consumerGroup, Map<String, Object> kafkaClient, String jdbcUrl, String user, String password) {
    }

    private RebuildTotals() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Infrastructure.CONSUMER_GROUPS.contains(args[0])) {
            System.err.println("usage: rebuild-totals.sh " + String.join("|", Infrastructure.CONSUMER_GROUPS));
            System.exit(2);
        }
        String service = args[0];
        String kafkaPassword = System.getenv("CUSTOMS_KAFKA_PASSWORD");
        if (kafkaPassword == null || kafkaPassword.isBlank()) {
            System.err.println("CUSTOMS_KAFKA_PASSWORD is not set: the Kafka password of " + service
                    + " (or of CUSTOMS_KAFKA_USERNAME), as the service has it");
            System.exit(2);
        }
        String kafkaUser = env("CUSTOMS_KAFKA_USERNAME", service);
        Map<String, Object> kafka = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, env("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, LocalKafka.MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + kafkaUser + "\" password=\"" + kafkaPassword + "\";");
        String database = Platform.databaseOf(service);
        String jdbcUrl = env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/" + database);
        String password = env("QUARKUS_DATASOURCE_PASSWORD", null);
        // Without a password, the local stack's database: its service role's password changes at every start,
        // so the superuser's from the kept cluster directory empties the tables.
        Target target = password != null
                ? new Target(service, kafka, jdbcUrl,
                        env("QUARKUS_DATASOURCE_USERNAME", Infrastructure.DATABASE_OWNERS.get(database)), password)
                : new Target(service, kafka, jdbcUrl, LocalPostgres.SUPERUSER,
                        LocalPostgres.readSuperuserPassword(Path.of(env("DATA_DIR", ".data")).resolve("postgres")));
        List<String> emptied = run(target);
        System.out.println("Emptied " + emptied + " and rewound group " + service + " to the start of "
                + Infrastructure.DECLARATIONS_TOPIC + ". Start " + service + " to replay; /api/ingest/status shows progress.");
    }

    /** @return the tables emptied */
    public static List<String> run(Target target) throws SQLException, ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(target.kafkaClient())) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(target.consumerGroup()))
                    .describedGroups().get(target.consumerGroup()).get();
            if (!group.members().isEmpty()) {
                throw new IllegalStateException("group " + target.consumerGroup() + " has " + group.members().size()
                        + " live member(s): stop " + target.consumerGroup() + " first");
            }
            List<String> emptied = emptyTables(target);
            rewind(admin, target.consumerGroup());
            return emptied;
        }
    }

    private static List<String> emptyTables(Target target) throws SQLException {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>(List.of(LEDGER));
            try (ResultSet rs = st.executeQuery(TOTALS_TABLES)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            // One statement: the ledger and the totals it vouches for are emptied together or not at all.
            st.execute("TRUNCATE " + String.join(", ", tables));
            return tables;
        }
    }

    private static void rewind(Admin admin, String group) throws ExecutionException, InterruptedException {
        String topic = Infrastructure.DECLARATIONS_TOPIC;
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> earliest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.earliest()));
        Map<TopicPartition, OffsetAndMetadata> start = admin.listOffsets(earliest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
        admin.alterConsumerGroupOffsets(group, start).all().get();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
