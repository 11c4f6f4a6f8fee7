package dev.customs.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Declarations at a fixed rate through {@code POST /api/declarations/batch}: one batch every tick, sent
 * without waiting for the previous answer, so a slow answer delays nothing else (open loop).
 */
final class FixedRateIngest {

    record Result(long sent, long accepted, long failedRequests) {
    }

    private FixedRateIngest() {
    }

    /**
     * @param authorization the Authorization header, asked for each request (a run may outlive a token)
     * @param batches       bodies to cycle through, each holding {@code perBatch} declarations
     */
    static Result run(String declarationServiceUrl, Supplier<String> authorization, List<String> batches, int perBatch,
                      int perSecond, Duration duration) {
        long tickMicros = 1_000_000L * perBatch / perSecond;
        long ticks = duration.toNanos() / 1000 / tickMicros;
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong tick = new AtomicLong();
        ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
        URI uri = URI.create(declarationServiceUrl + "/api/declarations/batch");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.scheduleAtFixedRate(() -> {
                long n = tick.getAndIncrement();
                if (n >= ticks) {
                    return;
                }
                HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .header("Authorization", authorization.get())
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(batches.get((int) (n % batches.size())))).build();
                inFlight.add(Http.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    if (error != null || response.statusCode() != 200) {
                        failed.incrementAndGet();
                    } else {
                        accepted.addAndGet(acceptedOf(response.body()));
                    }
                }));
            }, 0, tickMicros, TimeUnit.MICROSECONDS);
            while (tick.get() < ticks) {
                Thread.sleep(50);
            }
            inFlight.forEach(f -> f.handle((r, e) -> null).join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            timer.shutdownNow();
        }
        return new Result(ticks * perBatch, accepted.get(), failed.get());
    }

    private static long acceptedOf(String body) {
        try {
            return Http.JSON.readTree(body).path("accepted").asLong();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
