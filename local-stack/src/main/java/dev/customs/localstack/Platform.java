package dev.customs.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The whole platform on one machine: broker, database server and the three services as processes,
 * started in dependency order and stopped in reverse. Used by ./run-local.sh and the platform tests.
 */
public final class Platform implements AutoCloseable {

    public static final String DECLARATION_SERVICE = "declaration-service";
    public static final String ZONE_SERVICE = "zone-service";
    public static final String STATISTICS_SERVICE = "statistics-service";
    /**
     * The browser console: started when {@link Settings#httpPorts} names its port, which must be the one the
     * realm's {@code customs-console} client redirects to ({@value #CONSOLE_PORT} in the realm file).
     */
    public static final String CONSOLE = "console";
    public static final int CONSOLE_PORT = 8084;
    private static final List<String> CONSOLE_JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC");
    /** The three services, in the order they start (the producer first). */
    public static final List<String> SERVICES = List.of(DECLARATION_SERVICE, ZONE_SERVICE, STATISTICS_SERVICE);

    /** Where each service keeps its data, in contract order. */
    private static final Map<String, String> DATABASE_OF = Map.of(
            DECLARATION_SERVICE, "declarations", ZONE_SERVICE, "zones", STATISTICS_SERVICE, "statistics");

    /**
     * How the local stack and the benchmark run each service unless SERVICE_JVM_OPTIONS says otherwise.
     * The parallel collector: in paired 500,000-event runs the consumers used 10-25% less CPU than with
     * G1 (whose concurrent threads and barriers compete for the same two cores) for 7-19% more
     * declarations/s; the services keep little live data, so its stop-the-world pauses stay short.
     */
    public static final String DEFAULT_SERVICE_JVM_OPTIONS = "-Xmx768m -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /**
     * @param rootDir   the repository root (service jars, Keycloak and its realm file are found under it)
     * @param dataDir   broker log, database cluster, Keycloak's state and service logs; null for throwaway directories
     * @param ports     fixed ports, or 0 for any free one; a service's further instances take free ones
     * @param brokers   1 for one broker in this JVM, 3 or more for a cluster of broker processes
     * @param instances how many instances of each service run (one consumer group, one outbox)
     */
    public record Settings(Path rootDir, Path dataDir, Path logDir, int kafkaPort, int postgresPort,
                           Map<String, Integer> httpPorts, List<String> jvmOptions, int keycloakPort,
                           int brokers, int instances) {
        public Settings {
            if (brokers < 1 || instances < 1) {
                throw new IllegalArgumentException("brokers and instances must be at least 1");
            }
        }
    }

    private final Settings settings;
    private KafkaServers kafka;
    private LocalPostgres postgres;
    /** Each database's owner credentials, issued at start; a restart of the database server keeps them. */
    private final Map<String, LocalPostgres.Credentials> databaseCredentials;
    private final LocalKeycloak keycloak;
    /** False when the Keycloak was handed in and outlives this platform. */
    private final boolean ownsKeycloak;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** What every service process gets on top of its own environment (an OTLP endpoint, say); see start(). */
    private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();

    private Platform(Settings settings, KafkaServers kafka, LocalPostgres postgres,
                     Map<String, LocalPostgres.Credentials> databaseCredentials, LocalKeycloak keycloak, boolean ownsKeycloak) {
        this.settings = settings;
        this.kafka = kafka;
        this.postgres = postgres;
        this.databaseCredentials = databaseCredentials;
        this.keycloak = keycloak;
        this.ownsKeycloak = ownsKeycloak;
    }

    private static void stopOwned(LocalKeycloak keycloak, boolean owned) {
        if (owned) {
            keycloak.close();
        }
    }

    /** Starts the platform with a Keycloak of its own, in {@code <dataDir>/keycloak} when there is a data directory. */
    public static Platform start(Settings settings) {
        LocalKeycloak keycloak = LocalKeycloak.launch(settings.rootDir(), settings.keycloakPort(),
                settings.dataDir() == null ? null : settings.dataDir().resolve("keycloak"), settings.logDir());
        return start(settings, keycloak, true, Map.of());
    }

    /**
     * Starts the platform against a Keycloak that several platforms share (one per test JVM, say): it may
     * still be starting, and it is left running on close. {@link Settings#keycloakPort} is not used.
     */
    public static Platform start(Settings settings, LocalKeycloak sharedKeycloak) {
        return start(settings, sharedKeycloak, false, Map.of());
    }

    /**
     * As {@link #start(Settings, LocalKeycloak)}, with environment variables every service (not the console) gets
     * on top of its own, at this start and every restart: a test's tracing settings, say.
     */
    public static Platform start(Settings settings, LocalKeycloak sharedKeycloak, Map<String, String> serviceEnvironment) {
        return start(settings, sharedKeycloak, false, serviceEnvironment);
    }

    /** Keycloak boots while the broker and the database start, and must be ready before the services. */
    private static Platform start(Settings settings, LocalKeycloak keycloak, boolean ownsKeycloak,
                                  Map<String, String> serviceEnvironment) {
        KafkaServers kafka;
        LocalPostgres postgres;
        try {
            kafka = settings.brokers() == 1
                    ? Infrastructure.startKafka(settings.kafkaPort(), 0,
                            settings.dataDir() == null ? null : settings.dataDir().resolve("kafka"))
                    : Infrastructure.startKafkaCluster(settings.brokers(), settings.kafkaPort(),
                            settings.dataDir() == null ? null : settings.dataDir().resolve("kafka-cluster"), settings.logDir());
        } catch (RuntimeException e) {
            stopOwned(keycloak, ownsKeycloak);
            throw e;
        }
        try {
            postgres = LocalPostgres.start(settings.postgresPort(),
                    settings.dataDir() == null ? null : settings.dataDir().resolve("postgres"));
        } catch (RuntimeException e) {
            kafka.close();
            stopOwned(keycloak, ownsKeycloak);
            throw e;
        }
        Map<String, LocalPostgres.Credentials> credentials;
        try {
            credentials = Infrastructure.prepare(postgres);
        } catch (RuntimeException e) {
            postgres.close();
            kafka.close();
            stopOwned(keycloak, ownsKeycloak);
            throw e;
        }
        Platform platform = new Platform(settings, kafka, postgres, credentials, keycloak, ownsKeycloak);
        platform.serviceEnvironment.putAll(serviceEnvironment);
        try {
            keycloak.awaitReady(LocalKeycloak.READY_TIMEOUT);
            for (String service : SERVICES) {
                int port = settings.httpPorts().getOrDefault(service, 0);
                for (int instance = 1; instance <= settings.instances(); instance++) {
                    String name = instanceName(service, instance);
                    platform.services.put(name, platform.process(name, service, instance == 1 && port != 0 ? port : freePort(),
                            platform.environmentOf(service)));
                }
            }
            if (settings.httpPorts().containsKey(CONSOLE)) {
                platform.services.put(CONSOLE, platform.console(settings.httpPorts().get(CONSOLE)));
            }
            platform.services.values().forEach(ServiceProcess::start);
            platform.services.values().forEach(s -> s.awaitReady(READY_TIMEOUT));
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /**
     * Starts one more instance of a service's jar, against a database of its own (created if missing, owned by
     * the service's role) and with settings overridden: a benchmark's differently configured consumer, say. It
     * stops with the platform. It connects to Kafka as {@code service}'s user, which may use only that service's
     * group and dead-letter topic: an instance with others overrides CUSTOMS_KAFKA_USERNAME/_PASSWORD too.
     */
    public ServiceProcess startInstance(String instance, String service, String database, Map<String, String> overrides) {
        postgres.ownDatabase(database, credentials(service).username());
        Map<String, String> env = environmentOf(service);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.putAll(overrides);
        ServiceProcess process = process(instance, service, freePort(), env);
        services.put(instance, process);
        process.start();
        process.awaitReady(READY_TIMEOUT);
        return process;
    }

    /** The first instance of a service carries its name; the n-th, {@code <service>-<n>}. */
    public static String instanceName(String service, int instance) {
        return instance == 1 ? service : service + "-" + instance;
    }

    /** Every running or stopped instance of {@code service}, the first one first. */
    public List<String> instances(String service) {
        return services.keySet().stream().filter(name -> name.equals(service) || name.matches(Pattern.quote(service) + "-\\d+")).toList();
    }

    /**
     * Starts one more instance of a service as {@link #start} starts them, on a free port: a consumer joins its
     * group, a producer relays the same outbox. It stops with the platform.
     */
    public ServiceProcess addInstance(String service) {
        String name = instanceName(service, instances(service).size() + 1);
        ServiceProcess process = process(name, service, freePort(), environmentOf(service));
        services.put(name, process);
        process.start();
        process.awaitReady(READY_TIMEOUT);
        return process;
    }

    /** The console, pointed at this platform's Keycloak and services as a browser on this machine reaches them. */
    private ServiceProcess console(int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CONSOLE_OIDC_ISSUER", keycloak.issuer());
        env.put("CONSOLE_SERVICES_DECLARATIONS", url(DECLARATION_SERVICE));
        env.put("CONSOLE_SERVICES_ZONES", url(ZONE_SERVICE));
        env.put("CONSOLE_SERVICES_STATISTICS", url(STATISTICS_SERVICE));
        return new ServiceProcess(CONSOLE, settings.rootDir().resolve("console/target/quarkus-app/quarkus-run.jar"),
                port, env, CONSOLE_JVM_OPTIONS, settings.logDir());
    }

    /** A process named {@code name} running {@code service}'s packaged jar. */
    private ServiceProcess process(String name, String service, int port, Map<String, String> environment) {
        return new ServiceProcess(name, settings.rootDir().resolve(service).resolve("target/quarkus-app/quarkus-run.jar"),
                port, environment, settings.jvmOptions(), settings.logDir());
    }

    /** Stops one service (SIGTERM, then SIGKILL after the grace period). */
    public void stop(String name) {
        services.get(name).stop(STOP_GRACE);
    }

    public static String databaseOf(String service) {
        return DATABASE_OF.get(service);
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public String url(String service) {
        return services.get(service).url();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The running brokers: their users' passwords and client settings. */
    public KafkaServers kafka() {
        return kafka;
    }

    /** The broker processes, when {@link Settings#brokers} asked for a cluster. */
    public KafkaCluster kafkaCluster() {
        if (kafka instanceof KafkaCluster cluster) {
            return cluster;
        }
        throw new IllegalStateException("this platform runs one broker in-process, not a cluster");
    }

    /** Creates topics with the platform's topic settings (a benchmark's own, say). */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        kafka.createTopics(partitionsByTopic, Map.of());
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    /** What a service connects to its database with: its own role, which reaches no other database. */
    public LocalPostgres.Credentials credentials(String service) {
        return databaseCredentials.get(DATABASE_OF.get(service));
    }

    public LocalKeycloak keycloak() {
        return keycloak;
    }

    /** Access tokens of the demo users, for requests to the services. */
    public Tokens tokens() {
        return keycloak.tokens();
    }

    /** Restarts a service (after a kill or a stop) and waits until it is ready again. */
    public void restart(String name) {
        restart(name, Map.of());
    }

    public void restart(String name, Map<String, String> environmentOverrides) {
        ServiceProcess service = services.get(name);
        service.start(environmentOverrides);
        service.awaitReady(READY_TIMEOUT);
    }

    /** Stops the in-process broker and starts it again on the same ports and log; needs a data directory. */
    public void restartKafka(Duration down) {
        if (!(kafka instanceof LocalKafka broker)) {
            throw new IllegalStateException("a cluster's nodes are restarted one by one: kafkaCluster().restart(id)");
        }
        Path dir = requireDataDir().resolve("kafka");
        broker.close();
        ServiceProcess.sleep(down);
        // The same passwords: the running services keep the ones they were started with.
        kafka = LocalKafka.start(broker.port(), broker.controllerPort(), dir, broker.passwords());
    }

    /** Stops the database server and starts it again on the same port and cluster; needs a data directory. */
    public void restartPostgres(Duration down) {
        Path dir = requireDataDir().resolve("postgres");
        int port = postgres.port();
        postgres.close();
        ServiceProcess.sleep(down);
        postgres = LocalPostgres.start(port, dir);
    }

    private Path requireDataDir() {
        if (settings.dataDir() == null) {
            throw new IllegalStateException("restarting infrastructure needs Settings.dataDir");
        }
        return settings.dataDir();
    }

    private Map<String, String> environmentOf(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("CUSTOMS_KAFKA_USERNAME", service);
        env.put("CUSTOMS_KAFKA_PASSWORD", kafka.password(service));
        env.put("CUSTOMS_TOPIC_REPLICATION_FACTOR", Short.toString(kafka.replicationFactor()));
        env.put("CUSTOMS_TOPIC_MIN_INSYNC_REPLICAS", Integer.toString(kafka.minInSyncReplicas()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASE_OF.get(service)));
        env.put("QUARKUS_DATASOURCE_USERNAME", credentials(service).username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", credentials(service).password());
        env.put("CUSTOMS_OIDC_ISSUER", keycloak.issuer());
        Integer consolePort = settings.httpPorts().get(CONSOLE);
        if (consolePort != null) {
            env.put("CUSTOMS_CONSOLE_ORIGIN", "http://localhost:" + consolePort);
        }
        // The services log JSON in production; on this machine their log files stay lines a person reads.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(serviceEnvironment);
        return env;
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        for (ServiceProcess service : reversed) {
            try {
                service.stop(STOP_GRACE);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        List<AutoCloseable> servers = ownsKeycloak ? List.of(kafka, keycloak, postgres) : List.of(kafka, postgres);
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                failures.add(new IllegalStateException("stopping " + server.getClass().getSimpleName(), e));
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("the platform did not stop cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
