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
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
