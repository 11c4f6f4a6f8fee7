package dev.customs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where and how a run was taken: date, machine, Java, commit and the exact command. */
final class Machine {

    private Machine() {
    }

    static String describe(Benchmark.Settings settings) {
        return "| | |\n|---|---|\n"
                + "| Date | " + ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " |\n"
                + "| Machine | " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + String.format(Locale.ROOT, "%.1f", memTotalGib()) + " GiB memory, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "; broker, database, services and load generators all on it |\n"
                + "| Java | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " |\n"
                + "| Commit | " + git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain", "--", ".", ":!BENCHMARKS.md").isBlank() ? "" : " (with uncommitted changes)") + " |\n"
                + "| Command | `" + command(settings) + "` |\n";
    }

    private static String command(Benchmark.Settings s) {
        return "COLD_EVENTS=" + s.coldEvents() + " EVENTS=" + s.events() + " MIX_DECLARATIONS=" + s.mixDeclarations() + " REST_SECONDS=" + s.restDuration().toSeconds()
                + " BATCH_SIZE=" + s.batchSize() + " FRESHNESS_RATE=" + s.freshnessRate() + " FRESHNESS_SECONDS="
                + s.freshnessDuration().toSeconds() + " BASELINE_SECONDS=" + s.baselineDuration().toSeconds()
                + " QUERY_SECONDS=" + s.queryDuration().toSeconds() + " SEED=" + s.seed()
                + (String.join(",", s.phases()).equals(Benchmark.Settings.ALL_PHASES) ? "" : " PHASES=" + String.join(",", s.phases()))
                + " ./benchmark.sh";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static double memTotalGib() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0) / 1024.0 / 1024.0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String git(String... args) {
        try {
            List<String> command = new ArrayList<>();
            command.add("git");
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
