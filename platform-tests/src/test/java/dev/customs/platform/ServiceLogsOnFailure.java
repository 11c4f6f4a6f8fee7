package dev.customs.platform;

import dev.customs.localstack.Platform;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * When a platform test fails, prints each service's last warnings and errors to the test output. CI keeps
 * only that output, not the service logs under target/, and a failure there is often a service that
 * stopped consuming long before the assertion timed out.
 */
final class ServiceLogsOnFailure implements TestWatcher {

    private static final int KINDS_PER_SERVICE = 20;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int MAX_LINE_LENGTH = 600;
    /** The Kafka client's reconnect chatter says nothing a broker restart test does not already know. */
    private static final String RECONNECT_NOISE = "NetworkClient]";

    private final Supplier<Platform> platform;

    ServiceLogsOnFailure(Supplier<Platform> platform) {
        this.platform = platform;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Platform running = platform.get();
        if (running == null) {
            return;
        }
        for (String service : Platform.SERVICES) {
            Path log = running.service(service).log();
            System.out.println("--- " + service + ": last warnings and errors (" + log + ")");
            warningsAndErrors(log).forEach(System.out::println);
        }
    }

    /**
     * The last distinct warnings and errors, each with how often it came: lines that differ only in their
     * numbers (time, partition, offset) count as one, so a burst of failed commits does not hide the error.
     */
    private static List<String> warningsAndErrors(Path log) {
        if (!Files.isRegularFile(log)) {
            return List.of("(no log)");
        }
        Map<String, String> lastOfKind = new LinkedHashMap<>();
        Map<String, Integer> countOfKind = new HashMap<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            // Lines as a person reads them (the local stack's default), or JSON (production's, as TracingIT runs).
            lines.filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")
                            || line.contains("\"level\":\"WARN\"") || line.contains("\"level\":\"ERROR\""))
                    .filter(line -> !line.contains(RECONNECT_NOISE))
                    .forEach(line -> {
                        String kind = DIGITS.matcher(line).replaceAll("#");
                        lastOfKind.remove(kind);
                        lastOfKind.put(kind, line);
                        countOfKind.merge(kind, 1, Integer::sum);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> picked = lastOfKind.entrySet().stream()
                .map(e -> shorten(e.getValue()) + (countOfKind.get(e.getKey()) > 1 ? "  [x" + countOfKind.get(e.getKey()) + "]" : ""))
                .toList();
        return picked.subList(Math.max(0, picked.size() - KINDS_PER_SERVICE), picked.size());
    }

    private static String shorten(String line) {
        return line.length() > MAX_LINE_LENGTH ? line.substring(0, MAX_LINE_LENGTH) + " ..." : line;
    }
}
