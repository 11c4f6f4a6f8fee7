package dev.customs.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Several real Kafka brokers, each a process of its own running Kafka's {@code kafka.Kafka} from the jars on
 * this JVM's class path, so that one can be SIGKILLed as a machine fails. Every node is broker and controller
 * (a KRaft quorum of all of them); topics are replicated to three nodes with {@code min.insync.replicas=2}
 * and no unclean leader election, so a write acknowledged by all in-sync replicas survives losing any one node.
 * Listeners are secured as {@link LocalKafka}'s are.
 */
public final class KafkaCluster extends KafkaServers {

    /** Fixed so a restarted node accepts the storage it formatted before. */
    private static final String CLUSTER_ID = "customs-three-nodes-00";
    private static final short REPLICATION = 3;
    private static final int MIN_IN_SYNC = 2;
    private static final List<String> NODE_JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseParallelGC");
    /**
     * How long the nodes may take to form a quorum and register: a busy two-core machine has been seen to need
     * more than Kafka's default minute, after which a node gives up and exits.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private record NodeSettings(int id, int clientPort, int internalPort, int controllerPort, Path dir, Path config) {
        String clientAddress() {
            return "localhost:" + clientPort;
        }

        String internalAddress() {
            return "localhost:" + internalPort;
        }
    }

    private final List<NodeSettings> nodes;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final Path root;
    private final Process[] processes;

    private KafkaCluster(List<NodeSettings> nodes, Path root, boolean deleteOnClose, Path logDir, Map<String, String> passwords) {
        super(passwords);
        this.nodes = nodes;
        this.root = root;
        this.deleteOnClose = deleteOnClose;
        this.logDir = logDir;
        this.processes = new Process[nodes.size()];
    }

    /**
     * Formats and starts {@code size} nodes, waits until they form one cluster and writes the users.
     *
     * @param firstClientPort the first node's client port, the others following it; 0 for any free ones
     * @param dataDir         where the nodes' logs live, or null for a temporary directory deleted on close
     * @param logDir          where each node's output goes ({@code kafka-<id>.log})
     */
    public static KafkaCluster start(int size, int firstClientPort, Path dataDir, Path logDir, Map<String, String> passwords) {
        if (size < REPLICATION) {
            throw new IllegalArgumentException("a cluster replicating " + REPLICATION + " times needs at least that many nodes, not " + size);
        }
        Path root;
        try {
            root = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("kafka-cluster");
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cluster's directories", e);
        }
        List<int[]> ports = IntStream.rangeClosed(1, size).mapToObj(id -> new int[]{
                firstClientPort > 0 ? firstClientPort + id - 1 : Platform.freePort(), Platform.freePort(), Platform.freePort()}).toList();
        String voters = IntStream.rangeClosed(1, size).mapToObj(id -> id + "@localhost:" + ports.get(id - 1)[2])
                .collect(Collectors.joining(","));
        List<NodeSettings> nodes = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            int[] p = ports.get(id - 1);
            nodes.add(new NodeSettings(id, p[0], p[1], p[2], root.resolve("node-" + id), root.resolve("node-" + id + ".properties")));
        }
        KafkaCluster cluster = new KafkaCluster(nodes, root, dataDir == null, logDir, passwords);
        try {
            for (NodeSettings node : nodes) {
                cluster.writeConfig(node, voters);
                cluster.format(node);
            }
            nodes.forEach(node -> cluster.launch(node.id()));
            cluster.awaitMembers(nodes.get(0).internalAddress(), size);
            cluster.writeUsers(nodes.get(0).internalAddress());
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void writeConfig(NodeSettings node, String voters) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(node.id()));
        props.put("controller.quorum.voters", voters);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("log.dirs", node.dir().toAbsolutePath().toString());
        props.put("default.replication.factor", Short.toString(REPLICATION));
        props.put("min.insync.replicas", Integer.toString(MIN_IN_SYNC));
        props.put("unclean.leader.election.enable", "false");
        props.put("offsets.topic.replication.factor", Short.toString(REPLICATION));
        props.put("offsets.topic.num.partitions", "12");
        props.put("transaction.state.log.replication.factor", Short.toString(REPLICATION));
        props.put("transaction.state.log.min.isr", Integer.toString(MIN_IN_SYNC));
        props.put("transaction.state.log.num.partitions", "4");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("initial.broker.registration.timeout.ms", Long.toString(START_TIMEOUT.toMillis()));
        secure(props, node.clientPort(), node.internalPort(), node.controllerPort(), password(ADMIN));
        try (OutputStream out = Files.newOutputStream(node.config())) {
            props.store(out, "Kafka node " + node.id() + " of the local cluster; written at each start");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + node.config(), e);
        }
    }

    /** Kafka's own storage tool; a node formatted before (a kept data directory) is left as it is. */
    private void format(NodeSettings node) {
        Process tool = java(List.of("kafka.tools.StorageTool", "format", "--cluster-id", CLUSTER_ID,
                "--config", node.config().toString(), "--ignore-formatted"), logDir.resolve("kafka-" + node.id() + "-format.log"));
        try {
            if (!tool.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || tool.exitValue() != 0) {
                tool.destroyForcibly();
                throw new IllegalStateException("formatting Kafka node " + node.id() + " failed; see "
                        + logDir.resolve("kafka-" + node.id() + "-format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting node " + node.id(), e);
        }
    }

    private void launch(int id) {
        NodeSettings node = node(id);
        processes[id - 1] = java(List.of("kafka.Kafka", node.config().toString()), logDir.resolve("kafka-" + id + ".log"));
    }

    private Process java(List<String> mainAndArguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(NODE_JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(mainAndArguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainAndArguments.get(0), e);
        }
    }

    /** Waits until the cluster, asked through {@code internalAddress}, has {@code size} brokers registered and unfenced. */
    private void awaitMembers(String internalAddress, int size) {
        await("the " + size + " Kafka nodes to form a cluster", internalAdmin(internalAddress), START_TIMEOUT, admin -> {
            nodes.forEach(node -> requireAlive(node.id()));
            return admin.describeCluster().nodes().get().size() == size;
        });
    }

    private void requireAlive(int id) {
        Process process = processes[id - 1];
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Kafka node " + id + " exited; see " + logDir.resolve("kafka-" + id + ".log"));
        }
    }

    private NodeSettings node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka node " + id));
    }

    @Override
    public String bootstrapServers() {
        return String.join(",", brokerAddresses());
    }

    @Override
    List<String> brokerAddresses() {
        return nodes.stream().map(NodeSettings::clientAddress).toList();
    }

    @Override
    public short replicationFactor() {
        return REPLICATION;
    }

    @Override
    public int minInSyncReplicas() {
        return MIN_IN_SYNC;
    }

    /** The node leading most partitions of {@code topic}: the one whose loss moves most leadership. */
    public int busiestLeader(String topic) {
        return describe(topic).partitions().stream().map(p -> p.leader()).filter(leader -> leader != null)
                .collect(Collectors.groupingBy(Node::id, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** How many partitions of {@code topic} have all their replicas in sync. */
    public long fullyReplicatedPartitions(String topic) {
        return describe(topic).partitions().stream().filter(p -> p.isr().size() == p.replicas().size()).count();
    }

    private TopicDescription describe(String topic) {
        try (Admin admin = Admin.create(clientProperties(ADMIN))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /** SIGKILL: the node dies as a machine fails, without a controlled shutdown. */
    public void kill(int id) {
        Process process = processes[id - 1];
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        processes[id - 1] = null;
    }

    /** Starts a stopped node again on its log and waits until the cluster counts it among its brokers. */
    public void restart(int id) {
        if (processes[id - 1] != null && processes[id - 1].isAlive()) {
            throw new IllegalStateException("Kafka node " + id + " is running");
        }
        launch(id);
        await("Kafka node " + id + " to rejoin", internalAdmin(node(id).internalAddress()), START_TIMEOUT, admin -> {
            requireAlive(id);
            return admin.describeCluster().nodes().get().stream().anyMatch(n -> n.id() == id);
        });
    }

    @Override
    public void close() {
        for (Process process : processes) {
            if (process != null) {
                process.destroy();
            }
        }
        for (int i = 0; i < processes.length; i++) {
            Process process = processes[i];
            if (process == null) {
                continue;
            }
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            processes[i] = null;
        }
        if (deleteOnClose) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + root, e);
            }
        }
    }
}
