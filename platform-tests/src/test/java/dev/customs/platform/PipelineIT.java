package dev.customs.platform;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.contract.testing.TestDeclarations;
import dev.customs.localstack.Platform;
import dev.customs.localstack.Tokens;
import dev.customs.rest.testing.ExactNumbers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static dev.customs.platform.TestPlatforms.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The three packaged services, as processes, against one real broker and one real database: what is
 * filed over REST and what an outside producer publishes straight to Kafka must add up, to the cent,
 * in the area totals and the national totals.
 */
@ExtendWith(ExactNumbers.class)
class PipelineIT {

    /** The month's USD rate in the reference data (CNY per USD, August 2025). */
    private static final BigDecimal USD_RATE_2025_08 = new BigDecimal("7.1400");
    private static final String[] ZONES = {"8013", "2369", "5349", null};
    private static final int REST_DECLARATIONS = 300;
    private static final int KAFKA_DECLARATIONS = 200;

    private static Platform platform;

    @RegisterExtension
    static final ServiceLogsOnFailure SERVICE_LOGS = new ServiceLogsOnFailure(() -> platform);

    /** Expected totals, summed here from the declarations the test sends. */
    private static final class Sums {
        long declarations;
        BigDecimal importCny = BigDecimal.ZERO;
        BigDecimal exportCny = BigDecimal.ZERO;
        BigDecimal importUsd = BigDecimal.ZERO;
        BigDecimal exportUsd = BigDecimal.ZERO;

        void add(Direction direction, BigDecimal cny, BigDecimal usd) {
            declarations++;
            if (direction == Direction.IMPORT) {
                importCny = importCny.add(cny);
                importUsd = importUsd.add(usd);
            } else {
                exportCny = exportCny.add(cny);
                exportUsd = exportUsd.add(usd);
            }
        }
    }

    @BeforeAll
    static void startPlatform() {
        platform = TestPlatforms.start("pipeline", null);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void restAndKafkaDeclarationsAddUpEverywhere() {
        Map<String, Sums> byZone = new TreeMap<>();
        Sums national = new Sums();
        Sums zoneFirstLine = new Sums();
        Sums restNational = new Sums();

        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < REST_DECLARATIONS; i++) {
            String zone = ZONES[i % ZONES.length];
            ZoneFlow flow = zone == null ? null : (i % 3 == 0 ? ZoneFlow.SECOND_LINE : ZoneFlow.FIRST_LINE);
            Direction direction = i % 2 == 0 ? Direction.IMPORT : Direction.EXPORT;
            BigDecimal value = new BigDecimal(1_000 + 37 * i).add(new BigDecimal(i % 100).movePointLeft(2));
            BigDecimal usd = value.divide(USD_RATE_2025_08, 2, RoundingMode.HALF_EVEN);
            batch.add(restDeclaration(LocalDate.of(2025, 8, 1 + i % 28), direction, zone, flow, value));
            record(byZone, national, zoneFirstLine, zone, flow, direction, value, usd);
            if (flow != ZoneFlow.SECOND_LINE) {
                restNational.add(direction, value, usd);
            }
            if (batch.size() == 100) {
                as(Tokens.DECLARANT).contentType(ContentType.JSON).body(batch).post(platform.url(Platform.DECLARATION_SERVICE) + "/api/declarations/batch")
                        .then().statusCode(200).body("accepted", equalTo(100));
                batch.clear();
            }
        }

        try (RawPublisher kafka = new RawPublisher(platform.kafka()::clientProperties)) {
            for (int i = 0; i < KAFKA_DECLARATIONS; i++) {
                String zone = ZONES[(i + 1) % ZONES.length];
                ZoneFlow flow = zone == null ? null : (i % 4 == 0 ? ZoneFlow.INTRA_ZONE : ZoneFlow.FIRST_LINE);
                Direction direction = i % 3 == 0 ? Direction.IMPORT : Direction.EXPORT;
                String mode = zone == null ? "0110" : (flow == ZoneFlow.INTRA_ZONE ? "1200" : "5034");
                BigDecimal cny = new BigDecimal(50_000 + 11 * i).add(new BigDecimal(i % 97).movePointLeft(2));
                BigDecimal usd = new BigDecimal(7_000 + i).add(new BigDecimal(i % 89).movePointLeft(2));
                DeclarationState state = state(LocalDate.of(2025, 9, 1 + i % 30), direction, zone, flow, mode, "SG",
                        "8542310000", cny.toPlainString(), usd.toPlainString());
                kafka.publish(declared(declarationId("5300", 2025, direction, 800_000 + i), state));
                record(byZone, national, zoneFirstLine, zone, flow, direction, cny, usd);
            }
        }

        int all = REST_DECLARATIONS + KAFKA_DECLARATIONS;
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            as(Tokens.OPERATOR).get(platform.url(Platform.ZONE_SERVICE) + "/api/ingest/status").then().body("declarations", equalTo(all));
            as(Tokens.OPERATOR).get(platform.url(Platform.STATISTICS_SERVICE) + "/api/ingest/status").then().body("declarations", equalTo(all));
        });

        byZone.forEach((zone, expected) ->
                as(Tokens.ANALYST).get(platform.url(Platform.ZONE_SERVICE) + "/api/zones/" + zone + "/totals")
                        .then().statusCode(200)
                        .body("declarations", equalTo((int) expected.declarations))
                        .body("importCny", equalTo(expected.importCny))
                        .body("exportCny", equalTo(expected.exportCny))
                        .body("totalCny", equalTo(expected.importCny.add(expected.exportCny)))
                        .body("importUsd", equalTo(expected.importUsd))
                        .body("exportUsd", equalTo(expected.exportUsd)));

        // Area concentration counts first-line trade by default, the same first-line trade the zone share counts.
        as(Tokens.ANALYST).queryParam("top", 200).get(platform.url(Platform.ZONE_SERVICE) + "/api/zones/concentration")
                .then().statusCode(200)
                .body("allTotalCny", equalTo(zoneFirstLine.importCny.add(zoneFirstLine.exportCny)));

        BigDecimal nationalTotal = national.importCny.add(national.exportCny);
        as(Tokens.ANALYST).get(platform.url(Platform.STATISTICS_SERVICE) + "/api/statistics/totals")
                .then().statusCode(200)
                .body("declarations", equalTo((int) national.declarations))
                .body("importCny", equalTo(national.importCny))
                .body("exportCny", equalTo(national.exportCny))
                .body("totalCny", equalTo(nationalTotal))
                .body("balanceCny", equalTo(national.exportCny.subtract(national.importCny)))
                .body("importUsd", equalTo(national.importUsd))
                .body("exportUsd", equalTo(national.exportUsd))
                .body("zoneShare", equalTo(zoneFirstLine.importCny.add(zoneFirstLine.exportCny)
                        .divide(nationalTotal, 4, RoundingMode.HALF_EVEN)));

        // declaration-service's own ground truth agrees for what came through REST (August).
        as(Tokens.ANALYST).queryParam("from", "2025-08-01").queryParam("to", "2025-08-31")
                .get(platform.url(Platform.DECLARATION_SERVICE) + "/api/declarations/summary")
                .then().statusCode(200)
                .body("declarations", equalTo(REST_DECLARATIONS))
                .body("national.declarations", equalTo((int) restNational.declarations))
                .body("national.importCny", equalTo(restNational.importCny))
                .body("national.exportUsd", equalTo(restNational.exportUsd));
        as(Tokens.ANALYST).queryParam("from", "2025-08-01").queryParam("to", "2025-08-31")
                .get(platform.url(Platform.STATISTICS_SERVICE) + "/api/statistics/totals")
                .then().statusCode(200)
                .body("importCny", equalTo(restNational.importCny))
                .body("exportUsd", equalTo(restNational.exportUsd));
    }

    private static void record(Map<String, Sums> byZone, Sums national, Sums zoneFirstLine, String zone, ZoneFlow flow,
                               Direction direction, BigDecimal cny, BigDecimal usd) {
        if (zone != null) {
            byZone.computeIfAbsent(zone, z -> new Sums()).add(direction, cny, usd);
        }
        if (flow == null || flow == ZoneFlow.FIRST_LINE) {
            national.add(direction, cny, usd);
        }
        if (flow == ZoneFlow.FIRST_LINE) {
            zoneFirstLine.add(direction, cny, usd);
        }
    }

    static Map<String, Object> restDeclaration(LocalDate date, Direction direction, String zone, ZoneFlow flow,
                                                       BigDecimal value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("declarationDate", date.toString());
        body.put("direction", direction.name());
        body.put("zoneCode", zone);
        body.put("zoneFlow", flow == null ? null : flow.name());
        body.put("tradeMode", zone == null ? "0110" : (flow == ZoneFlow.SECOND_LINE ? "5000" : "5034"));
        body.put("customsOffice", zone == null ? "2200" : zone);
        body.put("declarantCode", "91310000MA1FL0AB34");
        body.put("partnerCountry", direction == Direction.IMPORT ? "DE" : "VN");
        // Waterway across the border; moves that cross none carry the area's own transport code.
        body.put("transportMode", zone == null || flow == ZoneFlow.FIRST_LINE ? "2"
                : TestDeclarations.transportMode(zone, flow, direction));
        body.put("currency", "CNY");
        body.put("items", List.of(Map.of("itemNo", 1, "hsCode", "8471300000", "quantity", 5, "unit", "台", "value", value)));
        return body;
    }
}
