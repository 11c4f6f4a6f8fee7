package dev.customs.bench;

import org.apache.kafka.clients.CommonClientConfigs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker's own limit, measured by Kafka's perf tools (the kafka-tools artifact) as child processes
 * against the same broker, with payloads that are real encoded events of the benchmark.
 */
final class KafkaPerfTools {

    record ProducerLimit(long records, double recordsPerSecond, double mbPerSecond, double p50Ms, double p99Ms) {
    }

    record ConsumerLimit(long records, double recordsPerSecond, double mbPerSecond) {
    }

    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\).*?(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private final Path classpath;
    private final Path logDir;

    KafkaPerfTools(Path classpath, Path logDir) {
        this.classpath = classpath;
        this.logDir = logDir;
    }

    /** ProducerPerformance with the settings our producers use (acks=all, idempotent, lz4, linger 5 ms). */
    ProducerLimit produce(Map<String, Object> client, String topic, long records, Path payloadFile) {
        List<String> out = run("producer-perf", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--throughput", "-1",
                "--payload-file", payloadFile.toString(), "--command-config", clientConfig(client).toString(),
                "--producer-props", "acks=all", "enable.idempotence=true",
                "linger.ms=5", "compression.type=lz4");
        for (int i = out.size() - 1; i >= 0; i--) {
            Matcher m = PRODUCER_SUMMARY.matcher(out.get(i));
            if (m.find()) {
                return new ProducerLimit(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(6)));
            }
        }
        throw new IllegalStateException("no summary from ProducerPerformance: " + out);
    }

    /** ConsumerPerformance reading the same records; the rate excludes the group join (fetch time only). */
    ConsumerLimit consume(Map<String, Object> client, String topic, long records) {
        List<String> out = run("consumer-perf", "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", client.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString(),
                "--command-config", clientConfig(client).toString(), "--topic", topic, "--messages", Long.toString(records),
                "--group", "bench-limit-consumer", "--timeout", "30000");
        // Header "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
        // rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec", then one line of values.
        for (int i = 0; i < out.size() - 1; i++) {
            if (out.get(i).startsWith("start.time")) {
                String[] header = out.get(i).split(",\\s*");
                String[] values = out.get(i + 1).split(",\\s*");
                return new ConsumerLimit(Long.parseLong(values[index(header, "data.consumed.in.nMsg")]),
                        Double.parseDouble(values[index(header, "fetch.nMsg.sec")]),
                        Double.parseDouble(values[index(header, "fetch.MB.sec")]));
            }
        }
        throw new IllegalStateException("no summary from ConsumerPerformance: " + out);
    }

    /** The client settings as a properties file for the tools, readable by this user only: it holds a password. */
    private Path clientConfig(Map<String, Object> client) {
        return clientConfig(client, logDir.resolve("kafka-client.properties"));
    }

    static Path clientConfig(Map<String, Object> client, Path file) {
        Properties props = new Properties();
        client.forEach((key, value) -> props.setProperty(key, value.toString()));
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            try (Writer out = Files.newBufferedWriter(file)) {
                props.store(out, null);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int index(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("ConsumerPerformance has no column " + column);
    }

    private List<String> run(String name, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath + "/*", mainClass));
        command.addAll(List.of(args));
        Path log = logDir.resolve(name + ".log");
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            int exit = process.waitFor();
            List<String> lines = Files.readAllLines(log);
            if (exit != 0) {
                throw new IllegalStateException(mainClass + " exited with " + exit + "; see " + log);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
