package dev.customs.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Keycloak from its distribution zip (unpacked by local-stack's build into target/keycloak), in
 * development mode with the realm of deploy/keycloak imported, as a child process with its log in a file.
 * With a state directory it keeps its database across restarts (Keycloak skips importing a realm that
 * exists); without one it uses a temporary directory deleted on close.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "customs";
    /** Where the build unpacks the distribution, and the realm file, relative to the repository root. */
    private static final String DISTRIBUTION = "local-stack/target/keycloak";
    private static final String REALM_FILE = "deploy/keycloak/customs-realm.json";
    /** Keycloak 26 needs Java 21 or later; the services and this launcher run on 17. */
    private static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";
    /** Keycloak re-augments its server on every development-mode start: minutes on a loaded two-core machine. */
    public static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(250);

    private final int port;
    private final Path home;
    private final boolean temporaryHome;
    private final Path log;
    private final Process process;
    private final Tokens tokens;

    private LocalKeycloak(int port, Path home, boolean temporaryHome, Path log, Process process) {
        this.port = port;
        this.home = home;
        this.temporaryHome = temporaryHome;
        this.log = log;
        this.process = process;
        this.tokens = new Tokens(issuer());
    }

    /**
     * Starts Keycloak and returns at once, so that the caller can start other servers while it boots (about
     * half a minute); {@link #awaitReady} waits for it.
     *
     * @param rootDir  the repository root (the unpacked distribution and the realm file are found under it)
     * @param port     the HTTP port, 0 for any free one
     * @param stateDir Keycloak's database and working files, or null for a throwaway directory
     */
    public static LocalKeycloak launch(Path rootDir, int port, Path stateDir, Path logDir) {
        Path kcSh = rootDir.resolve(DISTRIBUTION).resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException(kcSh + " is missing: build with ./mvnw package -DskipTests");
        }
        Path javaHome = Path.of(env("KEYCLOAK_JAVA_HOME", DEFAULT_JAVA_HOME));
        if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
            throw new IllegalStateException("Keycloak needs Java 21 or later: set KEYCLOAK_JAVA_HOME to its home ("
                    + javaHome + "/bin/java does not exist)");
        }
        int httpPort = port == 0 ? Platform.freePort() : port;
        Path log = logDir.resolve("keycloak.log");
        try {
            Path home = stateDir == null ? Files.createTempDirectory("keycloak") : stateDir;
            // kc.home.dir moves Keycloak's data (H2 database, import directory, transaction logs) out of the
            // shared distribution, so every instance has its own; it must hold a providers directory too.
            Files.createDirectories(home.resolve("providers"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(rootDir.resolve(REALM_FILE), imports.resolve("customs-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(kcSh.toString(), "start-dev", "--import-realm",
                    "--http-port=" + httpPort, "--hostname=http://localhost:" + httpPort,
                    "--http-management-port=" + Platform.freePort(), "--health-enabled=true",
                    "-Dkc.home.dir=" + home)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // kc.sh prefers $JAVA over JAVA_HOME; neither of this JVM's may reach it.
            builder.environment().remove("JAVA");
            builder.environment().put("JAVA_HOME", javaHome.toString());
            // On Java 24 and later, JBoss Threads' executor threads die without this (thread-local reset).
            builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            return new LocalKeycloak(httpPort, home, stateDir == null, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    /** Starts Keycloak and waits until it is ready. */
    public static LocalKeycloak start(Path rootDir, int port, Path stateDir, Path logDir) {
        LocalKeycloak keycloak = launch(rootDir, port, stateDir, logDir);
        try {
            keycloak.awaitReady(READY_TIMEOUT);
            return keycloak;
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
    }

    /** Waits until the realm publishes its OpenID configuration; fails early if the process dies. */
    public LocalKeycloak awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI configuration = URI.create(issuer() + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            // Generous: a booting Keycloak on a busy machine answers slowly, and logs every request cut off.
            if (ServiceProcess.status(configuration, Duration.ofSeconds(15)) == 200) {
                return this;
            }
            ServiceProcess.sleep(POLL);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + log);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The issuer the services check tokens against ({@code CUSTOMS_OIDC_ISSUER}). */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** Access tokens of the demo users, shared by every caller of this Keycloak. */
    public Tokens tokens() {
        return tokens;
    }

    /**
     * SIGTERM to kc.sh and the JVM it runs, then SIGKILL to whatever has not ended after a grace period.
     * The tree is taken first: once kc.sh ends, its JVM would no longer be found as its descendant.
     */
    @Override
    public void close() {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                break;
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (temporaryHome) {
            deleteRecursively(home);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }


    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
