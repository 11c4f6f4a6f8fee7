package dev.customs.platform;

import dev.customs.localstack.LocalKeycloak;
import dev.customs.localstack.Platform;
import io.restassured.specification.RequestSpecification;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Starts the packaged platform for a test class, with logs under platform-tests/target. Every platform of
 * the test JVM shares one Keycloak, started with the first and stopped when the JVM exits: each start
 * takes half a minute, and the realm only hands out tokens.
 */
final class TestPlatforms {

    private static final List<String> SERVICE_JVM = List.of("-Xmx512m");
    private static LocalKeycloak keycloak;

    private TestPlatforms() {
    }

    static Path root() {
        return Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    }

    /** @param dataDir null for throwaway broker and database directories */
    static Platform start(String name, Path dataDir) {
        return start(name, dataDir, Map.of());
    }

    /** With environment variables every service gets on top of its own (a test's tracing settings, say). */
    static Platform startWithEnvironment(String name, Map<String, String> serviceEnvironment) {
        return Platform.start(settings(name, null, Map.of(), 1, 1), keycloak(), serviceEnvironment);
    }

    /** With the browser console on the port the realm's console client redirects to. */
    static Platform startWithConsole(String name) {
        return start(name, null, Map.of(Platform.CONSOLE, Platform.CONSOLE_PORT));
    }

    /** On {@code brokers} broker processes, with {@code instances} instances of every service. */
    static Platform startScaled(String name, int brokers, int instances) {
        return start(name, null, Map.of(), brokers, instances);
    }

    private static Platform start(String name, Path dataDir, Map<String, Integer> httpPorts) {
        return start(name, dataDir, httpPorts, 1, 1);
    }

    private static Platform start(String name, Path dataDir, Map<String, Integer> httpPorts, int brokers, int instances) {
        return Platform.start(settings(name, dataDir, httpPorts, brokers, instances), keycloak());
    }

    private static Platform.Settings settings(String name, Path dataDir, Map<String, Integer> httpPorts, int brokers, int instances) {
        return new Platform.Settings(root(), dataDir, root().resolve("platform-tests/target/" + name + "-logs"),
                0, 0, httpPorts, SERVICE_JVM, 0, brokers, instances);
    }

    /** A request with a valid token of one of the realm's demo users ({@code Tokens.OPERATOR}, ...). */
    static RequestSpecification as(String user) {
        return given().header("Authorization", keycloak().tokens().bearer(user));
    }

    /** Launched, not awaited: the platform waits for it after starting the broker and the database. */
    private static synchronized LocalKeycloak keycloak() {
        if (keycloak == null) {
            keycloak = LocalKeycloak.launch(root(), 0, null, root().resolve("platform-tests/target/keycloak-logs"));
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "stop-test-keycloak"));
        }
        return keycloak;
    }
}
