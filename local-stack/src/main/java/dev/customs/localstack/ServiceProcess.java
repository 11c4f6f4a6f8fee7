package dev.customs.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service running as a child process, with its log in a file. */
public final class ServiceProcess {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
        this.log = logDir.resolve(name + ".log");
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public void start() {
        start(Map.of());
    }

    /** Starts with some environment overridden for this run only (a fault test's slow relay, say). */
    public synchronized void start(Map<String, String> overrides) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().putAll(overrides);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process dies. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (status(URI.create(url() + "/q/health/ready"), Duration.ofSeconds(2)) == 200) {
                return;
            }
            sleep(POLL);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    /** The JVM's process id, for resource readings; -1 when it is not running. */
    public long pid() {
        return isAlive() ? process.pid() : -1;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, as an orchestrator stops a container, then SIGKILL if it does not end in time. */
    public synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL: the crash a fault test wants, with no shutdown hooks run. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The status a GET of {@code uri} answers, or -1 when nothing answers within {@code timeout}. */
    static int status(URI uri, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
