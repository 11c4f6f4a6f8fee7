package dev.customs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Closed-loop HTTP load from wrk (Debian's package) on loopback: a fixed body POSTed over a number of
 * keep-alive connections; the Lua {@code done} hook prints exact counts and latency percentiles.
 */
final class WrkLoad {

    record Result(long requests, long non2xx, long socketErrors, double seconds, double p50Ms, double p99Ms, double maxMs) {
        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private static final String SCRIPT = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Authorization"] = "%s"
            wrk.body = io.open("%s", "rb"):read("*a")
            done = function(summary, latency, requests)
              io.write(string.format("RESULT requests=%%d non2xx=%%d socket=%%d duration_us=%%d p50_us=%%d p99_us=%%d max_us=%%d\\n",
                summary.requests, summary.errors.status,
                summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
                summary.duration, latency:percentile(50), latency:percentile(99), latency.max))
            end
            """;

    private final Path workDir;
    private final Supplier<String> authorization;

    /**
     * @param authorization the Authorization header, asked once per run: wrk sends one fixed header, so a run
     *                      must be shorter than a fresh token's remaining life (Tokens.MIN_VALIDITY)
     */
    WrkLoad(Path workDir, Supplier<String> authorization) {
        this.workDir = workDir;
        this.authorization = authorization;
    }

    static void requireInstalled() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install wrk (./benchmark.sh does this)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Result post(String name, String url, String body, int threads, int connections, Duration duration) {
        try {
            Files.createDirectories(workDir);
            Path bodyFile = workDir.resolve(name + ".json");
            Files.writeString(bodyFile, body);
            Path script = workDir.resolve(name + ".lua");
            Files.writeString(script, SCRIPT.formatted(authorization.get(), bodyFile.toAbsolutePath()));
            Path log = workDir.resolve(name + ".log");
            Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                    "--timeout", "10s", "-s", script.toString(), url)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed; see " + log);
            }
            List<String> lines = Files.readAllLines(log);
            String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no result from wrk; see " + log));
            Map<String, Long> values = new HashMap<>();
            for (String pair : result.substring("RESULT ".length()).trim().split(" ")) {
                String[] kv = pair.split("=");
                values.put(kv[0], Long.parseLong(kv[1]));
            }
            return new Result(values.get("requests"), values.get("non2xx"), values.get("socket"),
                    values.get("duration_us") / 1e6, values.get("p50_us") / 1e3, values.get("p99_us") / 1e3,
                    values.get("max_us") / 1e3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
