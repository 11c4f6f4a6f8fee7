package dev.customs.platform;

import dev.customs.localstack.Platform;
import dev.customs.localstack.Tokens;
import dev.customs.rest.testing.ExactNumbers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.customs.platform.TestPlatforms.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A simulated year, backfilled through the real pipeline, read back through the REST APIs: the published
 * ratios of docs/simulator-calibration.md must come out, within the tolerances stated there.
 */
@ExtendWith(ExactNumbers.class)
class CalibrationIT {

    private static final String FROM = "2024-01-01";
    private static final String TO = "2024-12-31";
    private static final int PER_DAY = 100;
    private static final int DAYS = 366;
    /** Regional groups proper; BELT_AND_ROAD and RCEP are umbrellas that contain ASEAN. */
    private static final Set<String> REGIONS = Set.of("ASEAN", "EU", "LATIN_AMERICA", "AFRICA", "CENTRAL_ASIA",
            "MIDDLE_EAST", "NORTH_AMERICA", "OCEANIA");

    private static Platform platform;

    @RegisterExtension
    static final ServiceLogsOnFailure SERVICE_LOGS = new ServiceLogsOnFailure(() -> platform);

    @BeforeAll
    static void startPlatform() {
        platform = TestPlatforms.start("calibration", null);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aBackfilledYearReproducesThePublishedRatios() {
        String declarations = platform.url(Platform.DECLARATION_SERVICE);
        as(Tokens.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("from", FROM, "to", TO, "declarationsPerDay", PER_DAY, "seed", 7))
                .post(declarations + "/api/simulator/backfill").then().statusCode(202);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                as(Tokens.OPERATOR).get(declarations + "/api/simulator").then().body("running", equalTo(false)).body("daysDone", equalTo(DAYS)));
        JsonPath simulator = as(Tokens.OPERATOR).get(declarations + "/api/simulator").then().extract().jsonPath();
        long sent = simulator.getLong("sent");
        assertThat(sent).isEqualTo((long) PER_DAY * DAYS);
        assertThat(simulator.getLong("rejected")).isZero();
        assertThat(simulator.getLong("errors")).isZero();
        assertThat((double) simulator.getLong("amended") / sent).isCloseTo(0.02, within(0.005));
        assertThat((double) simulator.getLong("cancelled") / sent).isCloseTo(0.005, within(0.002));

        // Both consumers have everything once their count of current declarations equals the ground truth.
        long current = as(Tokens.ANALYST).queryParam("from", FROM).queryParam("to", TO).get(declarations + "/api/declarations/summary")
                .then().extract().jsonPath().getLong("declarations");
        assertThat(current).isEqualTo(sent - simulator.getLong("cancelled"));
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            as(Tokens.OPERATOR).get(platform.url(Platform.ZONE_SERVICE) + "/api/ingest/status").then().body("declarations", equalTo((int) sent));
            as(Tokens.OPERATOR).get(platform.url(Platform.STATISTICS_SERVICE) + "/api/ingest/status").then().body("declarations", equalTo((int) sent));
        });

        String statistics = platform.url(Platform.STATISTICS_SERVICE);
        JsonPath totals = read(statistics + "/api/statistics/totals");
        BigDecimal national = totals.getObject("totalCny", BigDecimal.class);
        assertThat(ratio(totals.getObject("exportCny", BigDecimal.class), national)).as("exports / trade").isCloseTo(0.58, within(0.03));
        assertThat(totals.getDouble("zoneShare")).as("areas' first-line trade / trade").isCloseTo(0.20, within(0.03));

        List<Map<String, Object>> top30 = read(platform.url(Platform.ZONE_SERVICE) + "/api/zones/ranking?limit=30").getList("$");
        double top30Share = top30.stream().mapToDouble(z -> ((BigDecimal) z.get("share")).doubleValue()).sum();
        assertThat(top30Share).as("top 30 areas / area trade").isCloseTo(0.74, within(0.05));

        List<Map<String, Object>> regions = read(statistics + "/api/statistics/regions").getList("$");
        BigDecimal beltAndRoad = regions.stream().filter(r -> r.get("code").equals("BELT_AND_ROAD"))
                .map(r -> (BigDecimal) r.get("totalCny")).findFirst().orElseThrow();
        assertThat(ratio(beltAndRoad, national)).as("Belt and Road / trade").isGreaterThan(0.5);
        String largest = regions.stream().filter(r -> REGIONS.contains((String) r.get("code")))
                .max((a, b) -> ((BigDecimal) a.get("totalCny")).compareTo((BigDecimal) b.get("totalCny")))
                .map(r -> (String) r.get("code")).orElseThrow();
        assertThat(largest).as("largest regional partner").isEqualTo("ASEAN");

        List<Map<String, Object>> chapters = read(statistics + "/api/statistics/commodities?level=chapter").getList("$");
        BigDecimal electromechanical = chapters.stream().filter(c -> Set.of("84", "85").contains((String) c.get("code")))
                .map(c -> (BigDecimal) c.get("exportCny")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(ratio(electromechanical, totals.getObject("exportCny", BigDecimal.class)))
                .as("HS 84-85 / exports").isCloseTo(0.60, within(0.04));
    }

    private static JsonPath read(String url) {
        String separator = url.contains("?") ? "&" : "?";
        return as(Tokens.ANALYST).get(url + separator + "from=" + FROM + "&to=" + TO).then().statusCode(200).extract().jsonPath();
    }

    private static double ratio(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, MathContext.DECIMAL64).doubleValue();
    }
}
