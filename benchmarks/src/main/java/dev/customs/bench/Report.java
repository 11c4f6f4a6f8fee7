package dev.customs.bench;

import dev.customs.workload.Workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's table: printed, and written into BENCHMARKS.md between the results markers, so the
 * hand-written analysis around it (what was changed, before and after) stays.
 */
final class Report {

    static final String START = "<!-- benchmark results: written by ./benchmark.sh -->";
    static final String END = "<!-- end of benchmark results -->";

    /** The platform applies a stream at least this many times as fast as the Kafka Streams peer. */
    private static final double PEER_RATIO_TARGET = 2;
    private static final double BATCH_TARGET = 10_000;
    private static final double SINGLE_TARGET = 2_000;
    private static final double SINGLE_P99_TARGET_MS = 50;
    private static final double FRESHNESS_P99_TARGET_S = 1;
    private static final double QUERY_P99_TARGET_MS = 20;

    private final Benchmark.Settings settings;
    private final List<String> sections = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    /**
     * The Kafka Streams peer on a stream's records: seconds from the first send until it had processed them
     * all, its CPU seconds meanwhile, whether its JVM had run an application before, and its totals (null: exact).
     */
    record Peer(double seconds, double cpuSeconds, boolean warm, String mismatch) {
    }

    Report(Benchmark.Settings settings) {
        this.settings = settings;
    }

    void limit(long averageBytes, KafkaPerfTools.ProducerLimit producer, KafkaPerfTools.ConsumerLimit consumer) {
        section("Kafka's own limit (kafka-tools, same broker, " + averageBytes + "-byte records: our events)",
                "| Tool | Records | Records/s | MB/s | p50 / p99 latency |",
                "|---|---:|---:|---:|---|",
                "| ProducerPerformance (acks=all, idempotent, lz4) | " + count(producer.records()) + " | "
                        + count(producer.recordsPerSecond()) + " | " + fixed(producer.mbPerSecond()) + " | "
                        + fixed(producer.p50Ms()) + " / " + fixed(producer.p99Ms()) + " ms |",
                "| ConsumerPerformance (fetch time) | " + count(consumer.records()) + " | "
                        + count(consumer.recordsPerSecond()) + " | " + fixed(consumer.mbPerSecond()) + " | |");
    }

    void endToEnd(String name, Workload workload, double publishSeconds, Map<String, Double> applySeconds,
                  double cpuSeconds, double producerLimit, double target, String mismatch, Peer peer) {
        double slowest = applySeconds.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double rate = workload.declarations() / slowest;
        List<String> rows = new ArrayList<>(List.of(
                "| Measure | Value | Target |", "|---|---:|---|",
                "| Declarations / events published | " + count(workload.declarations()) + " / " + count(workload.events()) + " | |",
                "| Publishing (Kafka producer) | " + fixed(publishSeconds) + " s, " + count(workload.events() / publishSeconds) + " events/s | |"));
        applySeconds.forEach((service, s) -> rows.add("| Applied by " + service + " | " + fixed(s) + " s, "
                + count(workload.events() / s) + " events/s | |"));
        rows.add("| **End-to-end, both consumers** | **" + count(rate) + " declarations/s** | "
                + verdict(rate >= target, "≥ " + count(target) + "/s") + " |");
        rows.add("| CPU seconds meanwhile (both consumers and PostgreSQL) | " + fixed(cpuSeconds) + " s | |");
        if (!Double.isNaN(producerLimit)) {
            rows.add("| Ratio to the producer limit | " + fixed(100 * (workload.events() / slowest) / producerLimit) + " % | |");
        }
        rows.add("| Totals (national, zones by type) | " + exactness(mismatch) + " | exact |");
        if (peer != null) {
            double peerRate = workload.declarations() / peer.seconds();
            rows.add("| Kafka Streams peer, same records (exactly_once_v2, RocksDB; JVM " + (peer.warm() ? "warm" : "cold")
                    + ") | " + fixed(peer.seconds()) + " s, " + count(peerRate) + " declarations/s, "
                    + fixed(peer.cpuSeconds()) + " CPU s | |");
            rows.add("| **Ratio platform / peer** | **" + fixed(rate / peerRate) + "×** | "
                    + verdict(rate / peerRate >= PEER_RATIO_TARGET, "≥ 2×") + " |");
            rows.add("| Peer's totals (national, zones by type) | " + exactness(peer.mismatch()) + " | exact |");
        }
        section("End-to-end, " + name + " (" + workload.from() + " to " + workload.to() + ")", rows.toArray(String[]::new));
    }

    /** PostgreSQL's execution time per statement over an end-to-end phase, per event of the phase. */
    void statements(String name, long events, List<StatementProfile.Entry> entries) {
        List<String> rows = new ArrayList<>(List.of(
                "| Database | Statement | Calls | Rows | Total | µs per event |", "|---|---|---:|---:|---:|---:|"));
        for (StatementProfile.Entry e : entries) {
            rows.add("| " + e.database() + " | `" + e.query().replace("|", "\\|") + "` | " + count(e.calls()) + " | "
                    + count(e.rows()) + " | " + count(e.totalMillis()) + " ms | " + fixed(1000 * e.totalMillis() / events) + " |");
        }
        section("PostgreSQL statements, " + name + " (pg_stat_statements: execution time inside the server)",
                rows.toArray(String[]::new));
    }

    private static String exactness(String mismatch) {
        return mismatch == null ? "exact to the cent" : "**MISMATCH: " + mismatch + "**";
    }

    void baseline(double perRecord, double batched) {
        section("Consumer design: one transaction per record vs batches (statistics-service, alone, same events)",
                "| Consumer | Records/s |", "|---|---:|",
                "| Baseline: `max.poll.records=1`, one transaction per record | " + count(perRecord) + " |",
                "| As built: batches of up to 1,000 records, one transaction per batch | " + count(batched) + " |",
                "| Factor | **" + fixed(batched / perRecord) + "×** |");
    }

    void rest(String name, int perRequest, WrkLoad.Result result, double relayedPerSecond) {
        double declarationsPerSecond = result.requestsPerSecond() * perRequest;
        boolean single = perRequest == 1;
        String target = single
                ? verdict(declarationsPerSecond >= SINGLE_TARGET && result.p99Ms() < SINGLE_P99_TARGET_MS, "≥ 2,000/s, p99 < 50 ms")
                : verdict(declarationsPerSecond >= BATCH_TARGET, "≥ 10,000/s");
        section("REST ingest: " + name + (single ? "" : " of " + perRequest) + " (wrk, loopback)",
                "| Measure | Value | Target |", "|---|---:|---|",
                "| Requests | " + count(result.requests()) + " in " + fixed(result.seconds()) + " s, "
                        + result.non2xx() + " non-2xx, " + result.socketErrors() + " socket errors | |",
                "| **Declarations accepted/s** | **" + count(declarationsPerSecond) + "** | " + target + " |",
                "| Latency p50 / p99 / max | " + fixed(result.p50Ms()) + " / " + fixed(result.p99Ms()) + " / "
                        + fixed(result.maxMs()) + " ms | |",
                "| Relayed to Kafka (until the outbox was empty) | " + count(relayedPerSecond) + " events/s | |");
    }

    void freshness(int rate, long accepted, Map<String, double[]> quantiles) {
        List<String> rows = new ArrayList<>(List.of("| Consumer | p50 | p99 | Target |", "|---|---:|---:|---|"));
        quantiles.forEach((service, q) -> rows.add("| " + service + " | ≤ " + fixed(q[0] * 1000) + " ms | ≤ "
                + fixed(q[1] * 1000) + " ms | " + verdict(q[1] < FRESHNESS_P99_TARGET_S, "p99 < 1 s") + " |"));
        section("Freshness at " + count(rate) + " declarations/s over REST (" + count(accepted)
                + " declarations; occurredAt to applied, from the consumers' histogram buckets: upper bounds)",
                rows.toArray(String[]::new));
    }

    void queries(String label, List<QueryLoad.Latency> latencies) {
        List<String> rows = new ArrayList<>(List.of("| Service | Query | Requests | p50 | p99 | max | Target |",
                "|---|---|---:|---:|---:|---:|---|"));
        for (QueryLoad.Latency l : latencies) {
            rows.add("| " + l.service() + " | " + l.name() + " | " + count(l.count()) + " | " + fixed(l.p50Ms()) + " ms | "
                    + fixed(l.p99Ms()) + " ms | " + fixed(l.maxMs()) + " ms | "
                    + verdict(l.p99Ms() < QUERY_P99_TARGET_MS, "p99 < 20 ms") + " |");
        }
        section("Queries, " + label + " (a year of data: 2025 from the day-by-day run)", rows.toArray(String[]::new));
    }

    void resources(Map<String, ProcessStats.Reading> start, Map<String, ProcessStats.Reading> end, Duration elapsed) {
        List<String> rows = new ArrayList<>(List.of("| Process | RSS at end | Peak RSS | CPU seconds during the run |",
                "|---|---:|---:|---:|"));
        end.forEach((name, reading) -> {
            // A process started during the run (the Streams peer) used all its CPU within it.
            ProcessStats.Reading used = start.containsKey(name) ? reading.minusCpu(start.get(name)) : reading;
            rows.add("| " + name + " | " + count(used.rssMb()) + " MB | " + count(used.peakRssMb()) + " MB | "
                    + count(used.cpuSeconds()) + " s |");
        });
        section("Resources over the run (" + count(elapsed.toSeconds()) + " s of wall time, 2 cores = "
                + count(2 * elapsed.toSeconds()) + " CPU seconds available)", rows.toArray(String[]::new));
    }

    void failure(String failure) {
        failures.add(failure);
    }

    /** Prints the table and replaces the results part of BENCHMARKS.md (or creates the file). */
    void write() {
        StringBuilder text = new StringBuilder();
        text.append(START).append("\n\n## Latest run\n\n");
        text.append(Machine.describe(settings)).append("\n");
        if (!failures.isEmpty()) {
            text.append("**Failures:**\n\n");
            failures.forEach(f -> text.append("- ").append(f).append('\n'));
            text.append('\n');
        }
        sections.forEach(s -> text.append(s).append('\n'));
        text.append(END).append('\n');
        System.out.println();
        System.out.println(text);
        Path file = settings.reportFile();
        try {
            String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n" + START + "\n" + END + "\n";
            int from = existing.indexOf(START);
            int to = existing.indexOf(END);
            String updated = from < 0 || to < 0
                    ? existing + "\n" + text
                    : existing.substring(0, from) + text + existing.substring(to + END.length() + 1);
            Files.writeString(file, updated);
            System.out.println("Written to " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void section(String title, String... rows) {
        sections.add("### " + title + "\n\n" + String.join("\n", rows) + "\n");
    }

    private static String verdict(boolean met, String target) {
        return (met ? "met: " : "**missed**: ") + target;
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String fixed(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

}
