package dev.customs.localstack;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The real Kafka broker (KRaft, broker and controller in one node) running in this JVM. With a data
 * directory it keeps its log across restarts; without one it uses a temporary directory deleted on close.
 */
public final class LocalKafka implements AutoCloseable {

    /** Fixed so a restarted broker accepts the storage it formatted before. */
    private static final String CLUSTER_ID = "customs-local-cluster0";

    private final EmbeddedKafkaBroker broker;
    private final int port;
    private final int controllerPort;

    private LocalKafka(EmbeddedKafkaBroker broker, int port, int controllerPort) {
        this.broker = broker;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * @param port     the client port, 0 for any free one
     * @param dataDir  where the log lives, or null for a throwaway directory
     */
    public static LocalKafka start(int port, Path dataDir) {
        return start(port, 0, dataDir);
    }

    /** With a fixed controller port too, so a restarted node finds its quorum where it left it. */
    public static LocalKafka start(int port, int controllerPort, Path dataDir) {
        int clientPort = port > 0 ? port : Platform.freePort();
        int quorumPort = controllerPort > 0 ? controllerPort : Platform.freePort();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withKafkaPort(clientPort)
                .withControllerPort(quorumPort)
                .withClusterId(CLUSTER_ID)
                .withDeleteLogDirsOnClose(dataDir == null)
                .withAdditionalProperties(props -> {
                    if (dataDir != null) {
                        props.put("log.dirs", dataDir.toAbsolutePath().toString());
                    }
                    // One node: internal topics cannot be replicated, and a fresh group should not wait.
                    props.put("offsets.topic.num.partitions", "12");
                    props.put("transaction.state.log.num.partitions", "4");
                    props.put("auto.create.topics.enable", "false");
                });
        // Formatting the log directory prints to System.out directly, not through logging.
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            broker.start();
        } finally {
            System.setOut(console);
        }
        return new LocalKafka(broker, clientPort, quorumPort);
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public String bootstrapServers() {
        return broker.getAdvertisedListeners();
    }

    /** Creates the topics that are missing; existing ones are left as they are. */
    public void createTopics(Map<String, Integer> partitionsByTopic, Map<String, String> topicConfig) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (var topic : partitionsByTopic.entrySet()) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic.getKey(), topic.getValue(), (short) 1).configs(topicConfig)))
                            .all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
