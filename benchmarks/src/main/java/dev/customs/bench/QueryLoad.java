package dev.customs.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Analysts' queries, each endpoint in turn, from one client thread per service with a short pause between
 * requests (people read answers; they don't hammer), timing each answer end to end on loopback.
 */
final class QueryLoad {

    record Query(String service, String name, String url) {
    }

    record Latency(String service, String name, long count, double p50Ms, double p99Ms, double maxMs) {
    }

    private static final Duration THINK = Duration.ofMillis(10);
    /** Unrecorded rounds first: the first answers of an endpoint pay for class loading and JIT, not for the query. */
    private static final int WARM_UP_ROUNDS = 5;

    private QueryLoad() {
    }

    /** @param authorization the Authorization header, asked for each request (a run may outlive a token) */
    static List<Latency> run(List<Query> queries, Duration duration, Supplier<String> authorization) {
        Map<Query, Histogram> histograms = new LinkedHashMap<>();
        queries.forEach(q -> histograms.put(q, new Histogram(TimeUnit.SECONDS.toNanos(30), 3)));
        Map<String, List<Query>> byService = new LinkedHashMap<>();
        queries.forEach(q -> byService.computeIfAbsent(q.service(), s -> new ArrayList<>()).add(q));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong failures = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (List<Query> own : byService.values()) {
            Thread worker = new Thread(() -> {
                for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                    own.forEach(query -> Http.send(HttpRequest.newBuilder(URI.create(query.url()))
                            .header("Authorization", authorization.get()).timeout(Duration.ofSeconds(30)).GET().build()));
                }
                int i = 0;
                while (!stop.get()) {
                    Query query = own.get(i++ % own.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(query.url()))
                            .header("Authorization", authorization.get()).timeout(Duration.ofSeconds(30)).GET().build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = Http.send(request);
                    long nanos = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        failures.incrementAndGet();
                        System.err.println("query " + query.url() + " answered " + response.statusCode() + ": " + response.body());
                    }
                    synchronized (histograms.get(query)) {
                        histograms.get(query).recordValue(nanos);
                    }
                    Benchmark.sleep(THINK);
                }
            }, "query-" + own.get(0).service());
            worker.start();
            workers.add(worker);
        }
        Benchmark.sleep(duration);
        stop.set(true);
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " queries failed");
        }
        List<Latency> out = new ArrayList<>();
        histograms.forEach((q, h) -> out.add(new Latency(q.service(), q.name(), h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6)));
        return out;
    }
}
