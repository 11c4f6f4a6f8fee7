package dev.customs.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: the whole platform on this machine with the simulator running, a progress line
 * every few seconds, and everything stopped on Ctrl-C or SIGTERM. Settings come from the environment.
 */
public final class LocalPlatform {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DecimalFormat COUNT = new DecimalFormat("#,##0");
    private static final DecimalFormat MONEY = new DecimalFormat("#,##0.00");

    private static volatile boolean stopping;
    private static Tokens tokens;

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(env("PLATFORM_ROOT", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(env("DATA_DIR", root.resolve(".data").toString())).toAbsolutePath().normalize();
        int rate = Integer.parseInt(env("RATE", "200"));
        long seed = Long.parseLong(env("SEED", "42"));
        Duration every = Duration.ofSeconds(Long.parseLong(env("PROGRESS_SECONDS", "5")));
        String demoYear = env("DEMO_YEAR", "2025");
        int demoPerDay = Integer.parseInt(env("DEMO_PER_DAY", "300"));
        Platform.Settings settings = new Platform.Settings(root, dataDir, dataDir.resolve("logs"),
                Integer.parseInt(env("KAFKA_PORT", "9092")), Integer.parseInt(env("POSTGRES_PORT", "5432")),
                Map.of(Platform.DECLARATION_SERVICE, 8081, Platform.ZONE_SERVICE, 8082, Platform.STATISTICS_SERVICE, 8083,
                        Platform.CONSOLE, Platform.CONSOLE_PORT),
                List.of(env("SERVICE_JVM_OPTIONS", Platform.DEFAULT_SERVICE_JVM_OPTIONS).split(" ")),
                Integer.parseInt(env("KEYCLOAK_PORT", "8180")),
                Integer.parseInt(env("BROKERS", "1")), Integer.parseInt(env("INSTANCES", "1")));

        String taken = takenPort(settings);
        if (taken != null) {
            System.err.println(taken);
            System.exit(2);
        }
        System.out.println("Data directory: " + dataDir + " (DATA_DIR); a restart continues from it.");
        System.out.println("Starting Keycloak, Kafka, PostgreSQL, the three services and the console...");
        Platform platform = Platform.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            System.out.println("\nStopping services, Kafka, Keycloak and PostgreSQL...");
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "stop-platform"));

        Path kafkaUsers = writeKafkaUsers(platform.kafka(), dataDir);
        String declarations = platform.url(Platform.DECLARATION_SERVICE);
        String zones = platform.url(Platform.ZONE_SERVICE);
        String statistics = platform.url(Platform.STATISTICS_SERVICE);
        tokens = platform.tokens();
        LocalKeycloak keycloak = platform.keycloak();
        System.out.printf("""

                Customs trade platform is up.
                  console              %12$s/   (log in as analyst/analyst; declarant, admin-8013, operator alike)
                  declaration-service  %1$s/api/declarations   %1$s/q/swagger-ui
                  zone-service         %2$s/api/zones          %2$s/q/swagger-ui
                  statistics-service   %3$s/api/statistics/totals %3$s/q/swagger-ui
                  Kafka                %4$s (topic customs.declarations), SASL/SCRAM-SHA-512: user and password
                                       external-producer; this run's users and passwords in %11$s
                  PostgreSQL           %5$s (databases declarations, zones, statistics)
                  Keycloak             %6$s (issuer %7$s; users declarant, analyst, admin-8013, operator, password = user name)
                  Logs                 %8$s

                A token for curl (-H "Authorization: Bearer $TOKEN"; another user name for another role):
                  TOKEN=$(curl -s -d 'grant_type=password&client_id=%9$s&username=analyst&password=analyst' %10$s | jq -r .access_token)
                """, declarations, zones, statistics, platform.bootstrapServers(),
                platform.postgres().jdbcUrl(""), keycloak.url(), keycloak.issuer(), settings.logDir(),
                Tokens.CLIENT_ID, keycloak.tokenEndpoint(), kafkaUsers, platform.url(Platform.CONSOLE));
        if (settings.instances() > 1) {
            System.out.println("  Further instances (one consumer group per consumer, one outbox):");
            for (String service : Platform.SERVICES) {
                platform.instances(service).stream().skip(1).forEach(instance ->
                        System.out.printf("    %-21s%s%n", instance, platform.url(instance)));
            }
            System.out.println();
        }
        if (!"0".equals(demoYear) && demoPerDay > 0) {
            backfillDemoYear(declarations, Integer.parseInt(demoYear), demoPerDay, every);
        }
        if (rate > 0 && post(declarations + "/api/simulator/start", "{\"ratePerSecond\": " + rate + ", \"seed\": " + seed + "}")) {
            System.out.println("Simulator started at " + rate + " declarations/s (RATE=0 leaves it off). Ctrl-C stops everything.\n");
        } else {
            System.out.println("Simulator off. Ctrl-C stops everything.\n");
        }
        // The shutdown hook counts down: no progress lines once stopping has begun.
        while (!stopped.await(every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) && !stopping) {
            System.out.println(progress(declarations, zones, statistics));
        }
    }

    /**
     * Files a whole year of generated declarations the first time the platform starts on a data directory,
     * so that the README's examples, which query that year, answer with figures; a restart finds the year
     * filed and skips it. Waits for the backfill (the live simulator cannot run beside it) and shows its days.
     */
    private static void backfillDemoYear(String declarations, int year, int perDay, Duration every)
            throws IOException, InterruptedException {
        JsonNode filed = get(Tokens.OPERATOR, declarations + "/api/declarations/summary?from=" + year + "-01-01&to=" + year + "-12-31");
        if (filed == null || filed.path("declarations").asLong() > 0) {
            return;
        }
        System.out.printf("Filing the demo year %d (%d declarations a day, DEMO_YEAR=0 skips it)...%n", year, perDay);
        if (!post(declarations + "/api/simulator/backfill", "{\"from\": \"" + year + "-01-01\", \"to\": \"" + year
                + "-12-31\", \"declarationsPerDay\": " + perDay + ", \"seed\": " + year + "}")) {
            return;
        }
        JsonNode status;
        do {
            Thread.sleep(every.toMillis());
            status = get(Tokens.OPERATOR, declarations + "/api/simulator");
            if (status != null) {
                System.out.printf("[%s] demo year %d: day %s of %s, %s declarations filed%n", LocalTime.now().format(CLOCK),
                        year, count(status, "daysDone"), count(status, "totalDays"), count(status, "sent"));
            }
        } while (!stopping && (status == null || status.path("running").asBoolean()));
    }

    /**
     * The broker's users and this run's passwords (user=password), readable by this user only, for the
     * operator's tools: ./rebuild-totals.sh reads its service's password from it.
     */
    private static Path writeKafkaUsers(KafkaServers kafka, Path dataDir) throws IOException {
        Path file = dataDir.resolve("kafka-users.properties");
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        StringBuilder lines = new StringBuilder("# Kafka users of the local broker; the passwords change at every start.\n");
        kafka.passwords().forEach((user, password) -> lines.append(user).append('=').append(password).append('\n'));
        Files.writeString(file, lines);
        return file;
    }

    /**
     * Names the first fixed port something else already listens on, or null when all are free: failing here
     * says which one, where a broker or service failing to bind halfway through the start would not.
     */
    private static String takenPort(Platform.Settings settings) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka (KAFKA_PORT)", settings.kafkaPort());
        for (int node = 2; node <= settings.brokers(); node++) {
            ports.put("Kafka node " + node + " (KAFKA_PORT+" + (node - 1) + ")", settings.kafkaPort() + node - 1);
        }
        ports.put("PostgreSQL (POSTGRES_PORT)", settings.postgresPort());
        ports.put("Keycloak (KEYCLOAK_PORT)", settings.keycloakPort());
        settings.httpPorts().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(service -> ports.put(service.getKey(), service.getValue()));
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(port.getValue()));
            } catch (IOException e) {
                return "Port " + port.getValue() + " for " + port.getKey() + " is already in use (" + e.getMessage()
                        + "). Stop what listens on it (see `ss -ltnp 'sport = :" + port.getValue() + "'`)"
                        + (port.getKey().contains("_PORT") ? " or choose another port with the variable named." : ".");
            }
        }
        return null;
    }

    private static String progress(String declarations, String zones, String statistics) {
        JsonNode simulator = get(Tokens.OPERATOR, declarations + "/api/simulator");
        JsonNode zoneStatus = get(Tokens.OPERATOR, zones + "/api/ingest/status");
        JsonNode statisticsStatus = get(Tokens.OPERATOR, statistics + "/api/ingest/status");
        JsonNode totals = get(Tokens.ANALYST, statistics + "/api/statistics/totals");
        return "[" + LocalTime.now().format(CLOCK) + "] sent " + count(simulator, "sent")
                + " | applied by zone-service " + count(zoneStatus, "declarations")
                + ", statistics-service " + count(statisticsStatus, "declarations")
                + " | national trade CNY " + money(totals, "totalCny")
                + " (zones' share " + text(totals, "zoneShare") + ")";
    }

    private static String count(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? "?" : COUNT.format(node.get(field).asLong());
    }

    private static String money(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? "?" : MONEY.format(new BigDecimal(node.get(field).asText()));
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? "?" : node.get(field).asText();
    }

    /** The answer as {@code user}, or null when there is none (a service or Keycloak busy or restarting). */
    private static JsonNode get(String user, String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                            .header("Authorization", tokens.bearer(user)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean post(String url, String body) throws IOException, InterruptedException {
        String authorization;
        try {
            authorization = tokens.bearer(Tokens.OPERATOR);
        } catch (UncheckedIOException | IllegalStateException e) {
            System.out.println("No operator token for " + url + ": " + e.getMessage());
            return false;
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            System.out.println("The simulator refused " + url + " (" + response.statusCode() + "): " + response.body());
            return false;
        }
        return true;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
