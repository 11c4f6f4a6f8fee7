package dev.customs.localstack;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The real Kafka broker (KRaft, broker and controller in one node) running in this JVM. With a data
 * directory it keeps its log across restarts; without one it uses a temporary directory deleted on close.
 * <p>
 * Clients authenticate with SASL/SCRAM-SHA-512 on the client port; an authorizer lets each user do only
 * what an ACL grants, except the super user {@link #ADMIN}. Every user's SCRAM credential is written at
 * each start with the passwords given, so a broker restarted on a kept log accepts this start's passwords.
 */
public final class LocalKafka implements AutoCloseable {

    /** The broker's own identity (controller quorum, inter-broker) and the platform's tooling: the only super user. */
    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";

    /** Fixed so a restarted broker accepts the storage it formatted before. */
    private static final String CLUSTER_ID = "customs-local-cluster0";
    private static final int SCRAM_ITERATIONS = 8192;
    /** How long the broker may take to see what its controller has just committed (users, ACLs). */
    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedKafkaBroker broker;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> passwords;

    private LocalKafka(EmbeddedKafkaBroker broker, int port, int controllerPort, Map<String, String> passwords) {
        this.broker = broker;
        this.port = port;
        this.controllerPort = controllerPort;
        this.passwords = Map.copyOf(passwords);
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
                    props.put("auto.create.topics.enable", "false");
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
            kafka.writeUsers(internalPort);
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * Replaces the companion broker's PLAINTEXT listeners; every listener authenticates. Clients use
     * SCRAM-SHA-512 only (CLIENT). SCRAM credentials live in the metadata log, so they can neither
     * authenticate the broker to its controller nor exist before the first of them is written: the controller
     * listener and the inter-broker listener (INTERNAL, on a port of its own, which also serves to write the
     * users) take SASL PLAIN with one static JAAS user, {@link #ADMIN}, whose password is this start's.
     */
    private static void secure(Properties props, int clientPort, int internalPort, int controllerPort,
                               String adminPassword) {
        props.put("listeners", "CLIENT://localhost:" + clientPort + ",INTERNAL://localhost:" + internalPort
                + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "CLIENT://localhost:" + clientPort + ",INTERNAL://localhost:" + internalPort);
        props.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        props.put("listener.name.client.sasl.enabled.mechanisms", MECHANISM);
        // The broker is never a client on this listener: its login module needs no credentials.
        props.put("listener.name.client.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("inter.broker.listener.name", "INTERNAL");
        props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        props.put("listener.name.internal.sasl.enabled.mechanisms", "PLAIN");
        props.put("listener.name.internal.plain.sasl.jaas.config", plainJaas(adminPassword, true));
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        props.put("listener.name.controller.plain.sasl.jaas.config", plainJaas(adminPassword, true));
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + ADMIN);
        props.put("allow.everyone.if.no.acl.found", "false");
    }

    /** {@link #ADMIN}'s PLAIN login; on a listener, also the one user it accepts. */
    private static String plainJaas(String adminPassword, boolean listener) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminPassword + "\"" + (listener ? " user_" + ADMIN + "=\"" + adminPassword + "\"" : "") + ";";
    }

    private static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /**
     * Creates or updates every user's SCRAM credential over the INTERNAL listener (where {@link #ADMIN} needs
     * no SCRAM credential yet), then waits until the broker accepts {@link #ADMIN} over SCRAM: from then on
     * the broker has every user of this start.
     */
    private void writeUsers(int internalPort) {
        Map<String, Object> internal = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + internalPort,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, plainJaas(passwords.get(ADMIN), false));
        try (Admin admin = Admin.create(internal)) {
            admin.alterUserScramCredentials(passwords.entrySet().stream()
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(
                            user.getKey(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), user.getValue()))
                    .toList()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the Kafka users", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the Kafka users", e.getCause());
        }
        awaitBroker("the broker to accept user " + ADMIN, admin -> {
            try {
                admin.describeCluster().clusterId().get();
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SaslAuthenticationException) {
                    return false;
                }
                throw e;
            }
        });
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Every user's password, to start this broker again on its log with the same credentials. */
    public Map<String, String> passwords() {
        return passwords;
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user + "; the users are " + passwords.keySet());
        }
        return password;
    }

    /** What a Kafka client needs to connect as {@code user}: bootstrap servers and SASL/SCRAM settings. */
    public Map<String, Object> clientProperties(String user) {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, scramJaas(user, password(user)));
    }

    /** Creates the topics that are missing; existing ones are left as they are. */
    public void createTopics(Map<String, Integer> partitionsByTopic, Map<String, String> topicConfig) {
        try (Admin admin = Admin.create(clientProperties(ADMIN))) {
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

    /**
     * Makes {@code acls} the broker's whole access list: missing bindings are created, any other removed (a
     * kept log may hold grants an older table had). Returns once the broker enforces exactly these.
     */
    public void setAcls(Collection<AclBinding> acls) {
        Set<AclBinding> wanted = Set.copyOf(acls);
        try (Admin admin = Admin.create(clientProperties(ADMIN))) {
            Set<AclBinding> existing = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get());
            List<AclBindingFilter> stale = existing.stream().filter(acl -> !wanted.contains(acl)).map(AclBinding::toFilter).toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get();
            }
            admin.createAcls(wanted.stream().filter(acl -> !existing.contains(acl)).toList()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing ACLs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write ACLs", e.getCause());
        }
        awaitBroker("the broker to enforce the ACLs", admin ->
                Set.copyOf(admin.describeAcls(AclBindingFilter.ANY).values().get()).equals(wanted));
    }

    private interface BrokerCondition {
        boolean holds(Admin admin) throws Exception;
    }

    /** The controller commits before the broker applies; this waits for the broker to catch up. */
    private void awaitBroker(String what, BrokerCondition condition) {
        long deadline = System.nanoTime() + PROPAGATION_TIMEOUT.toNanos();
        try {
            while (true) {
                try (Admin admin = Admin.create(clientProperties(ADMIN))) {
                    if (condition.holds(admin)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("gave up waiting for " + what + " after " + PROPAGATION_TIMEOUT);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("failed while waiting for " + what, e);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
