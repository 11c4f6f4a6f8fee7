package dev.customs.bench;

import dev.customs.contract.reference.ReferenceData;
import dev.customs.workload.Expectations;
import dev.customs.workload.Totals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@link StreamsPeer} child JVM, started with the services' JVM options and the benchmark's classpath:
 * one process for the run, one application in it per measured stream.
 */
final class PeerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final String url;
    private int applications;

    private PeerProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static PeerProcess start(Path dir, List<String> jvmOptions, Map<String, Object> client, int threads, short replicationFactor) {
        try {
            Files.createDirectories(dir);
            Path config = KafkaPerfTools.clientConfig(client, dir.resolve("kafka-client.properties"));
            Path portFile = dir.resolve("port");
            Files.deleteIfExists(portFile);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), StreamsPeer.class.getName(),
                    config.toString(), portFile.toString(), Integer.toString(threads), Short.toString(replicationFactor)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("streams-peer.log").toFile()).start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!Files.exists(portFile)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the Streams peer did not start; see " + dir.resolve("streams-peer.log"));
                }
                Benchmark.sleep(Duration.ofMillis(100));
            }
            return new PeerProcess(process, "http://127.0.0.1:" + Files.readString(portFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Applications started in this process before the next one: 0 means the next one finds the JVM cold. */
    int applicationsSoFar() {
        return applications;
    }

    /** Starts an application with a fresh id and state on {@code topic} and waits until it runs (subscribed). */
    void startApplication(String applicationId, String topic, Path stateDir) {
        call("POST", "/start?app=" + encode(applicationId) + "&topic=" + encode(topic) + "&stateDir=" + encode(stateDir.toString()));
        applications++;
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String state;
        while (!(state = call("GET", "/state")).equals("RUNNING")) {
            if (System.nanoTime() > deadline || state.equals("ERROR") || state.equals("PENDING_ERROR")) {
                throw new IllegalStateException("the Streams peer's application " + applicationId + " is " + state);
            }
            Benchmark.sleep(Duration.ofMillis(100));
        }
    }

    /** What the application's stores hold, against the expected totals for the range: null if exact. */
    String mismatch(Expectations expected, LocalDate from, LocalDate to, ReferenceData reference) {
        return mismatch(call("GET", "/totals"), expected, from, to, reference);
    }

    /** @param totals the peer's rows, as {@code GET /totals} answers them */
    static String mismatch(String totals, Expectations expected, LocalDate from, LocalDate to, ReferenceData reference) {
        long fromDay = from.toEpochDay();
        long toDay = to.toEpochDay();
        long[] national = new long[3];
        Map<String, long[]> byType = new HashMap<>();
        long skipped = 0;
        for (String line : totals.split("\n")) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case StreamsPeer.NATIONAL -> add(national, Long.parseLong(f[1]), f[2], f[3], f[4], fromDay, toDay);
                case StreamsPeer.AREAS -> add(byType.computeIfAbsent(reference.zone(f[1]).orElseThrow().type().name(),
                        t -> new long[3]), Long.parseLong(f[2]), f[3], f[4], f[5], fromDay, toDay);
                case "skipped" -> skipped = Long.parseLong(f[1]);
                default -> throw new IllegalStateException("unexpected line from the Streams peer: " + line);
            }
        }
        List<String> mismatches = new ArrayList<>();
        if (skipped != 0) {
            mismatches.add(skipped + " records skipped as invalid");
        }
        String nationalMismatch = expected.national(from, to).mismatch(national[0], cny(national[1]), cny(national[2]));
        if (nationalMismatch != null) {
            mismatches.add("national: " + nationalMismatch);
        }
        for (String type : expected.zoneTypes()) {
            Totals want = expected.zoneType(type, from, to);
            long[] got = byType.getOrDefault(type, new long[3]);
            String mismatch = want.mismatch(got[0], cny(got[1]), cny(got[2]));
            if (mismatch != null) {
                mismatches.add("zones " + type + ": " + mismatch);
            }
        }
        return mismatches.isEmpty() ? null : String.join("; ", mismatches);
    }

    /** Closes the application and deletes its state. */
    void stopApplication() {
        call("POST", "/stop");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds a row {@code count cents} for an import ("I") or export into [count, import cents, export cents]. */
    private static void add(long[] sums, long epochDay, String direction, String count, String cents, long fromDay, long toDay) {
        if (epochDay < fromDay || epochDay > toDay) {
            return;
        }
        sums[0] += Long.parseLong(count);
        sums[direction.equals("I") ? 1 : 2] += Long.parseLong(cents);
    }

    private static BigDecimal cny(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private String call(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(1))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = Http.send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the Streams peer answered " + method + " " + path + " with "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
