package dev.customs.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
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

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(env("PLATFORM_ROOT", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(env("DATA_DIR", root.resolve(".data").toString())).toAbsolutePath().normalize();
        int rate = Integer.parseInt(env("RATE", "200"));
        long seed = Long.parseLong(env("SEED", "42"));
        Duration every = Duration.ofSeconds(Long.parseLong(env("PROGRESS_SECONDS", "5")));
        Platform.Settings settings = new Platform.Settings(root, dataDir, dataDir.resolve("logs"),
                Integer.parseInt(env("KAFKA_PORT", "9092")), Integer.parseInt(env("POSTGRES_PORT", "5432")),
                Map.of(Platform.DECLARATION_SERVICE, 8081, Platform.ZONE_SERVICE, 8082, Platform.STATISTICS_SERVICE, 8083),
                List.of(env("SERVICE_JVM_OPTIONS", Platform.DEFAULT_SERVICE_JVM_OPTIONS).split(" ")));

        System.out.println("Data directory: " + dataDir + " (DATA_DIR); a restart continues from it.");
        System.out.println("Starting Kafka, PostgreSQL and the three services...");
        Platform platform = Platform.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            System.out.println("\nStopping services, Kafka and PostgreSQL...");
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "stop-platform"));

        String declarations = platform.url(Platform.DECLARATION_SERVICE);
        String zones = platform.url(Platform.ZONE_SERVICE);
        String statistics = platform.url(Platform.STATISTICS_SERVICE);
        System.out.printf("""

                Customs trade platform is up.
                  declaration-service  %1$s/api/declarations   %1$s/q/swagger-ui
                  zone-service         %2$s/api/zones          %2$s/q/swagger-ui
                  statistics-service   %3$s/api/statistics/totals %3$s/q/swagger-ui
                  Kafka                %4$s (topic customs.declarations)
                  PostgreSQL           %5$s (databases declarations, zones, statistics)
                  Logs                 %6$s
                """, declarations, zones, statistics, platform.bootstrapServers(),
                platform.postgres().jdbcUrl(""), settings.logDir());
        if (rate > 0) {
            post(declarations + "/api/simulator/start", "{\"ratePerSecond\": " + rate + ", \"seed\": " + seed + "}");
            System.out.println("Simulator started at " + rate + " declarations/s (RATE=0 leaves it off). Ctrl-C stops everything.\n");
        } else {
            System.out.println("Simulator off (RATE=0). Ctrl-C stops everything.\n");
        }
        // The shutdown hook counts down: no progress lines once stopping has begun.
        while (!stopped.await(every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) && !stopping) {
            System.out.println(progress(declarations, zones, statistics));
        }
    }

    private static String progress(String declarations, String zones, String statistics) {
        JsonNode simulator = get(declarations + "/api/simulator");
        JsonNode zoneStatus = get(zones + "/api/ingest/status");
        JsonNode statisticsStatus = get(statistics + "/api/ingest/status");
        JsonNode totals = get(statistics + "/api/statistics/totals");
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

    private static JsonNode get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            System.out.println("Simulator did not start (" + response.statusCode() + "): " + response.body());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
