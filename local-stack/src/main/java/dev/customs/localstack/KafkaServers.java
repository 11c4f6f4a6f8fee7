package dev.customs.localstack;

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

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Real Kafka brokers the platform runs on: one in this JVM ({@link LocalKafka}) or several as processes of
 * their own ({@link KafkaCluster}). Both secure every listener the same way and are administered the same
 * way: users, topics and ACLs are written once and then awaited on every broker, because a controller
 * commits before each broker applies.
 */
public abstract sealed class KafkaServers implements AutoCloseable permits LocalKafka, KafkaCluster {

    /** The brokers' own identity (controller quorum, inter-broker) and the platform's tooling: the only super user. */
    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";

    private static final int SCRAM_ITERATIONS = 8192;
    /** How long a broker may take to see what its controller has just committed (users, ACLs). */
    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, String> passwords;

    KafkaServers(Map<String, String> passwords) {
        if (!passwords.containsKey(ADMIN)) {
            throw new IllegalArgumentException("the users must include " + ADMIN);
        }
        this.passwords = Map.copyOf(passwords);
    }

    /** Every broker's client address, comma-separated. */
    public abstract String bootstrapServers();

    /** Each broker's client address on its own, to wait until every one of them has applied a change. */
    abstract List<String> brokerAddresses();

    /** The replication factor of the platform's topics on these brokers. */
    public abstract short replicationFactor();

    /** How many replicas of a partition must be in sync for a write with acks=all to be accepted. */
    public abstract int minInSyncReplicas();

    /** Every user's password, to start these brokers again on their logs with the same credentials. */
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
        return clientProperties(user, bootstrapServers());
    }

    private Map<String, Object> clientProperties(String user, String bootstrap) {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, scramJaas(user, password(user)));
    }

    /**
     * Replaces any PLAINTEXT listeners; every listener authenticates. Clients use SCRAM-SHA-512 only (CLIENT).
     * SCRAM credentials live in the metadata log, so they can neither authenticate a broker to its controllers
     * nor exist before the first of them is written: the controller listener and the inter-broker listener
     * (INTERNAL, on a port of its own, which also serves to write the users) take SASL PLAIN with one static
     * JAAS user, {@link #ADMIN}, whose password is this start's.
     */
    static void secure(Properties props, int clientPort, int internalPort, int controllerPort, String adminPassword) {
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
        props.put("auto.create.topics.enable", "false");
    }

    /** {@link #ADMIN}'s PLAIN login; on a listener, also the one user it accepts. */
    static String plainJaas(String adminPassword, boolean listener) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminPassword + "\"" + (listener ? " user_" + ADMIN + "=\"" + adminPassword + "\"" : "") + ";";
    }

    private static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** {@link #ADMIN} over a broker's INTERNAL listener, where it needs no SCRAM credential. */
    Map<String, Object> internalAdmin(String internalAddress) {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, internalAddress,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, plainJaas(password(ADMIN), false));
    }

    /**
     * Creates or updates every user's SCRAM credential through one broker's INTERNAL listener, then waits until
     * every broker accepts {@link #ADMIN} over SCRAM: from then on each has every user of this start.
     */
    void writeUsers(String internalAddress) {
        try (Admin admin = Admin.create(internalAdmin(internalAddress))) {
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
        awaitEveryBroker("to accept user " + ADMIN, admin -> {
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

    /** Creates the topics that are missing, replicated {@link #replicationFactor()} times; existing ones are left as they are. */
    public void createTopics(Map<String, Integer> partitionsByTopic, Map<String, String> topicConfig) {
        try (Admin admin = Admin.create(clientProperties(ADMIN))) {
            for (var topic : partitionsByTopic.entrySet()) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic.getKey(), topic.getValue(), replicationFactor())
                            .configs(topicConfig))).all().get();
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
     * Makes {@code acls} the brokers' whole access list: missing bindings are created, any other removed (a
     * kept log may hold grants an older table had). Returns once every broker enforces exactly these.
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
        awaitEveryBroker("to enforce the ACLs", admin ->
                Set.copyOf(admin.describeAcls(AclBindingFilter.ANY).values().get()).equals(wanted));
    }

    interface BrokerCondition {
        boolean holds(Admin admin) throws Exception;
    }

    /** Waits until the condition holds when asked of each broker in turn, through that broker alone. */
    void awaitEveryBroker(String what, BrokerCondition condition) {
        for (String broker : brokerAddresses()) {
            await("broker " + broker + " " + what, clientProperties(ADMIN, broker), PROPAGATION_TIMEOUT, condition);
        }
    }

    static void await(String what, Map<String, Object> client, Duration timeout, BrokerCondition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                try (Admin admin = Admin.create(client)) {
                    if (condition.holds(admin)) {
                        return;
                    }
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("failed while waiting for " + what, e.getCause());
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("gave up waiting for " + what + " after " + timeout);
                }
                Thread.sleep(100);
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
    public abstract void close();
}
