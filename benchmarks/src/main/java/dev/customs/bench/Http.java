package dev.customs.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The few HTTP calls the benchmark makes itself: JSON answers to check, and Prometheus text to read. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static JsonNode getJson(String url, String authorization) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", authorization).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One reading of a service's Prometheus text; read several metrics from it rather than scraping again. */
    record Scrape(List<String> lines) {

        /**
         * The sum of a metric over all its label sets, or over those starting with the given labels when
         * {@code name} is written {@code metric{label="value",...}} (labels in the order Micrometer writes them).
         */
        double sum(String name) {
            double sum = 0;
            String labelPrefix = name.endsWith("}") ? name.substring(0, name.length() - 1) : null;
            for (String line : lines) {
                if (labelPrefix != null ? line.startsWith(labelPrefix)
                        : line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    sum += sampleValue(line);
                }
            }
            return sum;
        }

        /** A histogram's cumulative bucket counts by upper bound in seconds ({@code le}), +Inf included. */
        TreeMap<Double, Double> buckets(String histogram) {
            TreeMap<Double, Double> counts = new TreeMap<>();
            String prefix = histogram + "_bucket{";
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    int le = line.indexOf("le=\"") + 4;
                    String bound = line.substring(le, line.indexOf('"', le));
                    double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
                    counts.merge(upper, sampleValue(line), Double::sum);
                }
            }
            return counts;
        }
    }

    static Scrape scrape(String serviceUrl) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics"))
                .timeout(TIMEOUT).GET().build());
        return new Scrape(response.body().lines().toList());
    }

    static double metric(String serviceUrl, String name) {
        return scrape(serviceUrl).sum(name);
    }

    /** The bucket bound under which {@code quantile} of the observations between two scrapes fell. */
    static double quantile(Map<Double, Double> before, TreeMap<Double, Double> after, double quantile) {
        double total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= quantile * total) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** A sample line's value, without the exemplar (" # {trace_id=...} value timestamp") OpenMetrics may append. */
    static double sampleValue(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }
}
