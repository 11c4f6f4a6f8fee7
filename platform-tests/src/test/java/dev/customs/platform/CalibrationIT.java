package dev.customs.platform;

import dev.customs.localstack.Platform;
import dev.customs.localstack.Tokens;
import dev.customs.rest.testing.ExactNumbers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

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
 * Two simulated years, 2024 and 2025, backfilled through the real pipeline and read back through the REST APIs as
 * an analyst would: GAC's published figures must come out within the tolerances stated here and in
 * docs/simulator-calibration.md ("Calibration against the published figures"), and every breakdown that partitions
 * national trade must add up to the national totals to the cent.
 *
 * <p>A tolerance is about three times what a year of {@value #PER_DAY} declarations a day can measure: shares of
 * trade to about half a point, growth between two years to about a point (imports, a smaller sample, to one and a
 * half). The run is deterministic (seed 7), so a figure outside its tolerance is a calibration error, not noise.
 */
@ExtendWith(ExactNumbers.class)
class CalibrationIT {

    private static final String FROM = "2024-01-01";
    private static final String TO = "2025-12-31";
    private static final String YEAR_2024 = "from=2024-01-01&to=2024-12-31";
    private static final String YEAR_2025 = "from=2025-01-01&to=2025-12-31";
    private static final int PER_DAY = 150;
    private static final int DAYS = 366 + 365;
    private static final Set<String> CONTINENTS = Set.of("ASIA", "EUROPE", "AFRICA", "LATIN_AMERICA", "NORTH_AMERICA",
            "OCEANIA");

    private static Platform platform;

    @RegisterExtension
    static final ServiceLogsOnFailure SERVICE_LOGS = new ServiceLogsOnFailure(() -> platform);

    @BeforeAll
    static void startPlatformAndBackfillTwoYears() {
        platform = TestPlatforms.start("calibration", null);
        String declarations = platform.url(Platform.DECLARATION_SERVICE);
        as(Tokens.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("from", FROM, "to", TO, "declarationsPerDay", PER_DAY, "seed", 7))
                .post(declarations + "/api/simulator/backfill").then().statusCode(202);
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                as(Tokens.OPERATOR).get(declarations + "/api/simulator").then().body("running", equalTo(false)).body("daysDone", equalTo(DAYS)));
        JsonPath simulator = as(Tokens.OPERATOR).get(declarations + "/api/simulator").then().extract().jsonPath();
        long sent = simulator.getLong("sent");
        assertThat(sent).isEqualTo((long) PER_DAY * DAYS);
        assertThat(simulator.getLong("rejected")).isZero();
        assertThat(simulator.getLong("errors")).isZero();
        assertThat((double) simulator.getLong("amended") / sent).isCloseTo(0.02, within(0.005));
        assertThat((double) simulator.getLong("cancelled") / sent).isCloseTo(0.005, within(0.002));

        // Both consumers have everything once each has applied every declaration the simulator filed.
        long current = as(Tokens.ANALYST).queryParam("from", FROM).queryParam("to", TO).get(declarations + "/api/declarations/summary")
                .then().extract().jsonPath().getLong("declarations");
        assertThat(current).isEqualTo(sent - simulator.getLong("cancelled"));
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            as(Tokens.OPERATOR).get(platform.url(Platform.ZONE_SERVICE) + "/api/ingest/status").then().body("declarations", equalTo((int) sent));
            as(Tokens.OPERATOR).get(platform.url(Platform.STATISTICS_SERVICE) + "/api/ingest/status").then().body("declarations", equalTo((int) sent));
        });
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void exportsAndTheAreasHoldTheirShares() {
        JsonPath totals = statistics("/totals", YEAR_2024);
        assertThat(ratio(totals, "exportCny", "totalCny")).as("exports / trade (58.0%)").isCloseTo(0.580, within(0.015));
        assertThat(totals.getDouble("zoneShare")).as("areas' first line / trade (about a fifth)").isCloseTo(0.19, within(0.015));
        assertThat(totals.getDouble("zoneExportShare")).as("areas / exports (16.4%)").isCloseTo(0.164, within(0.015));
        assertThat(totals.getDouble("zoneImportShare")).as("areas / imports (22.6%)").isCloseTo(0.226, within(0.02));

        List<Map<String, Object>> top30 = rows(platform.url(Platform.ZONE_SERVICE) + "/api/zones/ranking?limit=30&" + YEAR_2024);
        double top30Share = top30.stream().mapToDouble(z -> ((BigDecimal) z.get("share")).doubleValue()).sum();
        assertThat(top30Share).as("top 30 areas / areas' first-line trade (74%)").isCloseTo(0.74, within(0.05));
    }

    @Test
    void generalAndProcessingTradeHoldTheirShares() {
        BigDecimal national = total(statistics("/totals", YEAR_2024));
        Map<String, BigDecimal> byRegime = byCode(rows(statisticsUrl("/regimes", YEAR_2024)), "regime", "totalCny");
        assertThat(ratio(byRegime.get("GENERAL_TRADE"), national)).as("general trade (64%)").isCloseTo(0.64, within(0.03));
        assertThat(ratio(byRegime.get("PROCESSING_TRADE"), national)).as("processing trade (18%)").isCloseTo(0.18, within(0.03));
        assertThat(sum(byRegime)).as("the roll-up partitions national trade").isEqualTo(national);
    }

    @Test
    void partnersAndRegionsHoldTheirShares() {
        BigDecimal national = total(statistics("/totals", YEAR_2024));
        Map<String, BigDecimal> regions = byCode(rows(statisticsUrl("/regions", YEAR_2024)), "code", "totalCny");
        assertThat(ratio(regions.get("BELT_AND_ROAD"), national)).as("Belt and Road (50.3%)").isCloseTo(0.503, within(0.015));
        assertThat(ratio(regions.get("ASEAN"), national)).as("ASEAN (15.9%)").isCloseTo(0.159, within(0.015));
        assertThat(ratio(regions.get("EU"), national)).as("EU (12.9%)").isCloseTo(0.129, within(0.012));
        BigDecimal continents = regions.entrySet().stream().filter(e -> CONTINENTS.contains(e.getKey()))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(continents).as("the continents partition national trade").isEqualTo(national);

        Map<String, BigDecimal> partners = byCode(rows(statisticsUrl("/partners", YEAR_2024 + "&limit=200")), "partnerCountry", "totalCny");
        assertThat(ratio(partners.get("US"), national)).as("US (11.2%)").isCloseTo(0.112, within(0.012));
        assertThat(ratio(partners.get("KR"), national)).as("Korea (5.3%)").isCloseTo(0.053, within(0.007));
        assertThat(sum(partners)).as("the partners partition national trade").isEqualTo(national);
    }

    @Test
    void electromechanicalProductsHoldTheirShareOfExports() {
        JsonPath totals = statistics("/totals", YEAR_2024);
        Map<String, BigDecimal> groups = byCode(rows(statisticsUrl("/product-groups", YEAR_2024)), "code", "exportCny");
        assertThat(ratio(groups.get("ELECTROMECHANICAL"), totals.getObject("exportCny", BigDecimal.class)))
                .as("electromechanical products / exports (59.4%)").isCloseTo(0.594, within(0.02));
    }

    @Test
    void enterprisesAndRegionsAtHomeHoldTheirShares() {
        BigDecimal national = total(statistics("/totals", YEAR_2024));
        Map<String, BigDecimal> types = byCode(rows(statisticsUrl("/enterprise-types", YEAR_2024)), "code", "totalCny");
        assertThat(ratio(types.get("PRIVATE"), national)).as("private enterprises (55.5%)").isCloseTo(0.555, within(0.02));
        assertThat(sum(types)).as("enterprise types partition national trade").isEqualTo(national);
        Map<String, BigDecimal> regions = byCode(rows(statisticsUrl("/domestic-regions", YEAR_2024)), "code", "totalCny");
        assertThat(ratio(regions.get("EAST"), national)).as("eastern region (79.7%)").isCloseTo(0.797, within(0.02));
        assertThat(sum(regions)).as("domestic regions partition national trade").isEqualTo(national);
        assertThat(sum(byCode(rows(statisticsUrl("/customs-districts", YEAR_2024)), "code", "totalCny")))
                .as("customs districts partition national trade").isEqualTo(national);
        assertThat(sum(byCode(rows(statisticsUrl("/transport-modes", YEAR_2024)), "code", "totalCny")))
                .as("transport modes partition national trade").isEqualTo(national);
    }

    /** 2025 (SCIO, 14 Jan 2026): trade +3.8%, exports +6.1%, imports +0.5%; the US 8.8%; private enterprises 57.3%. */
    @Test
    void twentyTwentyFiveFollowsItsOwnFigures() {
        JsonPath before = statistics("/totals", YEAR_2024);
        JsonPath after = statistics("/totals", YEAR_2025);
        assertThat(growth(after, before, "totalCny")).as("trade growth (3.8%)").isCloseTo(0.038, within(0.025));
        assertThat(growth(after, before, "exportCny")).as("export growth (6.1%)").isCloseTo(0.061, within(0.03));
        assertThat(growth(after, before, "importCny")).as("import growth (0.5%)").isCloseTo(0.005, within(0.04));

        BigDecimal national = total(after);
        Map<String, BigDecimal> partners = byCode(rows(statisticsUrl("/partners", YEAR_2025 + "&limit=200")), "partnerCountry", "totalCny");
        assertThat(ratio(partners.get("US"), national)).as("US in 2025 (8.8%)").isCloseTo(0.088, within(0.012));
        Map<String, BigDecimal> types = byCode(rows(statisticsUrl("/enterprise-types", YEAR_2025)), "code", "totalCny");
        assertThat(ratio(types.get("PRIVATE"), national)).as("private enterprises in 2025 (57.3%)").isCloseTo(0.573, within(0.02));
    }

    private static String statisticsUrl(String path, String query) {
        return platform.url(Platform.STATISTICS_SERVICE) + "/api/statistics" + path + "?" + query;
    }

    private static JsonPath statistics(String path, String query) {
        return as(Tokens.ANALYST).get(statisticsUrl(path, query)).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> rows(String url) {
        return as(Tokens.ANALYST).get(url).then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, BigDecimal> byCode(List<Map<String, Object>> rows, String key, String value) {
        return rows.stream().collect(java.util.stream.Collectors.toMap(r -> String.valueOf(r.get(key)),
                r -> (BigDecimal) r.get(value), (a, b) -> {
                    throw new AssertionError("a key appears twice: " + a + ", " + b);
                }, java.util.TreeMap::new));
    }

    private static BigDecimal sum(Map<String, BigDecimal> values) {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal total(JsonPath totals) {
        return totals.getObject("totalCny", BigDecimal.class);
    }

    private static double ratio(JsonPath totals, String part, String whole) {
        return ratio(totals.getObject(part, BigDecimal.class), totals.getObject(whole, BigDecimal.class));
    }

    private static double growth(JsonPath after, JsonPath before, String field) {
        return ratio(after.getObject(field, BigDecimal.class), before.getObject(field, BigDecimal.class)) - 1;
    }

    private static double ratio(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, MathContext.DECIMAL64).doubleValue();
    }
}
