package dev.customs.rest.testing;

import static io.restassured.RestAssured.given;

/** Reads a service's Prometheus text, as a scraper would, for tests that wait on what it has done. */
public final class Metrics {

    private Metrics() {
    }

    /** The sum of a metric over all its label sets at {@code metricsUrl} (e.g. "/q/metrics"). */
    public static double sum(String metricsUrl, String name) {
        return given().get(metricsUrl).then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(Metrics::value)
                .sum();
    }

    /**
     * A sample line's value. With OpenTelemetry on the classpath a counter may carry an exemplar after " # " (the
     * trace it was last incremented in, OpenMetrics), whose own value and timestamp are not the sample's.
     */
    static double value(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }
}
