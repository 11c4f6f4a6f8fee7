package dev.customs.localstack;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real Kafka broker (KRaft, broker and controller in one node) running in this JVM. With a data
 * directory it keeps its log across restarts; without one it uses a temporary directory deleted on close.
 * <p>
 * Clients authenticate with SASL/SCRAM-SHA-512 on the client port; an authorizer lets each user do only
 * what an ACL grants, except the super user {@link #ADMIN}. Every user's SCRAM credential is written at
 * each start with the passwords given, so a broker restarted on a kept log accepts this start's passwords.
 */
public final class LocalKafka extends KafkaServers {

    /** Fixed so a restarted broker accepts the storage it formatted before. */
    private static final String CLUSTER_ID = "customs-local-cluster0";

    private final EmbeddedKafkaBroker broker;
    private final int port;
    private final int controllerPort;

    private LocalKafka(EmbeddedKafkaBroker broker, int port, int controllerPort, Map<String, String> passwords) {
        super(passwords);
        this.broker = broker;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * @param port           the client port, 0 for any free one
     * @param controllerPort fixed so a restarted node finds its quorum where it left it, or 0 for any free one
     * @param dataDir        where the log lives, or null for a throwaway directory
     * @param passwords      every SCRAM user with its password, {@link #ADMIN} included
     */
    public static LocalKafka start(int port, int controllerPort, Path dataDir, Map<String, String> passwords) {
        String adminPassword = passwords.get(ADMIN);
        if (adminPassword == null) {
            throw new IllegalArgumentException("the users must include " + ADMIN);
        }
        int clientPort = port > 0 ? port : Platform.freePort();
        int quorumPort = controllerPort > 0 ? controllerPort : Platform.freePort();
        int internalPort = Platform.freePort();
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
                    secure(props, clientPort, internalPort, quorumPort, adminPassword);
                });
        // Formatting the log directory prints to System.out directly, not through logging.
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            broker.start();
        } finally {
            System.setOut(console);
        }
        LocalKafka kafka = new LocalKafka(broker, clientPort, quorumPort, passwords);
        try {
            kafka.writeUsers("localhost:" + internalPort);
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    List<String> brokerAddresses() {
        return List.of(bootstrapServers());
    }

    @Override
    public short replicationFactor() {
        return 1;
    }

    @Override
    public int minInSyncReplicas() {
        return 1;
    }

    @Override
    public void close() {
        broker.close();
    }
}
