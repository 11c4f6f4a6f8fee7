package dev.customs.zone;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import dev.customs.rest.testing.ExactNumbers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static dev.customs.contract.event.Direction.EXPORT;
import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.event.ZoneFlow.SECOND_LINE;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Monthly series, rollups, concentration and CSV against sums worked out by hand.
 *
 * <p>Area trade in 2016 and 2017 (these years are this class's alone):
 * <pre>
 * z1  8013 Chongqing CBZ  IMPORT first line  1000.00 / 150.00  2016-03-10
 * z7  8013 Chongqing CBZ  EXPORT first line   300.00 /  44.00  2016-04-15
 * z4  8008 Chongqing EPZ  EXPORT first line  2000.00 / 292.00  2017-03-05
 * z2  8013 Chongqing CBZ  IMPORT first line  1500.00 / 220.00  2017-03-10
 * z3  8013 Chongqing CBZ  EXPORT second line  500.00 /  73.00  2017-03-20
 * z5  2369 Jiangsu   CBZ  IMPORT first line   400.00 /  58.00  2017-03-25
 * z6  5349 Guangdong BPA  EXPORT first line   100.00 /  14.60  2017-04-02
 * </pre>
 * March 2017: 8013 2000.00, 8008 2000.00, 2369 400.00; all areas 4400.00.
 */
@QuarkusTest
@TestProfile(SeparateAppProfile.class)
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
@ActAs(Roles.ANALYST)
class ZoneAnalysisTest {

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            publish(kafka, 2016, IMPORT, 1, state(LocalDate.of(2016, 3, 10), IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "1000.00", "150.00"));
            publish(kafka, 2016, EXPORT, 7, state(LocalDate.of(2016, 4, 15), EXPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "300.00", "44.00"));
            publish(kafka, 2017, EXPORT, 4, state(LocalDate.of(2017, 3, 5), EXPORT, "8008", FIRST_LINE, "5034", "US", "8471300000", "2000.00", "292.00"));
            publish(kafka, 2017, IMPORT, 2, state(LocalDate.of(2017, 3, 10), IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "1500.00", "220.00"));
            publish(kafka, 2017, EXPORT, 3, state(LocalDate.of(2017, 3, 20), EXPORT, "8013", SECOND_LINE, "5100", "US", "8542310000", "500.00", "73.00"));
            publish(kafka, 2017, IMPORT, 5, state(LocalDate.of(2017, 3, 25), IMPORT, "2369", FIRST_LINE, "5034", "JP", "8517620000", "400.00", "58.00"));
            publish(kafka, 2017, EXPORT, 6, state(LocalDate.of(2017, 4, 2), EXPORT, "5349", FIRST_LINE, "5034", "VN", "8517620000", "100.00", "14.60"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<Integer> counts = given().queryParam("from", "2016-01-01").queryParam("to", "2017-12-31")
                    .queryParam("metric", "declarations").queryParam("limit", 200).queryParam("flow", "ALL").get("/api/zones/ranking")
                    .then().statusCode(200).extract().jsonPath().getList("declarations", Integer.class);
            return counts.stream().mapToInt(Integer::intValue).sum() == 7;
        });
        published = true;
    }

    private static void publish(RawPublisher kafka, int year, Direction direction, long serial, DeclarationState state) {
        kafka.publish(declared(declarationId(state.zoneCode(), year, direction, serial), state));
    }

    @Test
    void monthlySeriesWithGrowthOnTheYearBefore() {
        given().queryParam("from", "2017-03-01").queryParam("to", "2017-04-30").get("/api/zones/8013/series")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].month", equalTo("2017-03"))
                .body("[0].declarations", equalTo(2))
                .body("[0].importCny", equalTo(new BigDecimal("1500.00")))
                .body("[0].exportCny", equalTo(new BigDecimal("500.00")))
                .body("[0].totalCny", equalTo(new BigDecimal("2000.00")))
                .body("[0].importUsd", equalTo(new BigDecimal("220.00")))
                .body("[0].exportUsd", equalTo(new BigDecimal("73.00")))
                .body("[0].totalUsd", equalTo(new BigDecimal("293.00")))
                .body("[0].yoyTotalCny", equalTo(new BigDecimal("1.0000")))   // 2000.00 on 1000.00
                .body("[1].month", equalTo("2017-04"))
                .body("[1].totalCny", equalTo(new BigDecimal("0.00")))
                .body("[1].yoyTotalCny", equalTo(new BigDecimal("-1.0000")));  // 0 on 300.00
    }

    @Test
    void aRangeCuttingAMonthInHalfComparesTheSameDays() {
        // From 15 March: z2 (10 March) is out, and so is z1 (10 March 2016) from the base, which is then zero.
        given().queryParam("granularity", "month").queryParam("from", "2017-03-15").queryParam("to", "2017-03-31")
                .get("/api/zones/8013/series")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].declarations", equalTo(1))
                .body("[0].importCny", equalTo(new BigDecimal("0.00")))
                .body("[0].exportCny", equalTo(new BigDecimal("500.00")))
                .body("[0].yoyTotalCny", nullValue());
        // By type from 15 March to 15 April: z3 and z5 (comprehensive bonded zones, 900.00), z6 (bonded port area, 100.00).
        given().queryParam("by", "type").queryParam("from", "2017-03-15").queryParam("to", "2017-04-15")
                .queryParam("flow", "ALL").get("/api/zones/rollup")
                .then().statusCode(200)
                .body("size()", equalTo(6))
                .body("[0].key", equalTo("COMPREHENSIVE_BONDED_ZONE"))
                .body("[0].declarations", equalTo(2))
                .body("[0].importCny", equalTo(new BigDecimal("400.00")))
                .body("[0].exportCny", equalTo(new BigDecimal("500.00")))
                .body("[0].totalCny", equalTo(new BigDecimal("900.00")))
                .body("[0].totalUsd", equalTo(new BigDecimal("131.00")))
                .body("[0].share", equalTo(new BigDecimal("0.9000")))
                .body("[1].key", equalTo("BONDED_PORT_AREA"))
                .body("[1].exportUsd", equalTo(new BigDecimal("14.60")))
                .body("[1].share", equalTo(new BigDecimal("0.1000")))
                .body("find { it.key == 'EXPORT_PROCESSING_ZONE' }.totalCny", equalTo(new BigDecimal("0.00")))
                .body("find { it.key == 'EXPORT_PROCESSING_ZONE' }.share", equalTo(new BigDecimal("0.0000")));
    }

    @Test
    void rollupByProvince() {
        given().queryParam("by", "province").queryParam("from", "2017-03-01").queryParam("to", "2017-03-31")
                .queryParam("flow", "ALL").get("/api/zones/rollup")
                .then().statusCode(200)
                .body("[0].key", equalTo("Chongqing"))
                .body("[0].declarations", equalTo(3))
                .body("[0].importCny", equalTo(new BigDecimal("1500.00")))
                .body("[0].exportCny", equalTo(new BigDecimal("2500.00")))
                .body("[0].totalCny", equalTo(new BigDecimal("4000.00")))
                .body("[0].importUsd", equalTo(new BigDecimal("220.00")))
                .body("[0].exportUsd", equalTo(new BigDecimal("365.00")))
                .body("[0].totalUsd", equalTo(new BigDecimal("585.00")))
                .body("[0].share", equalTo(new BigDecimal("0.9091")))      // 4000 / 4400
                .body("[1].key", equalTo("Jiangsu"))
                .body("[1].totalCny", equalTo(new BigDecimal("400.00")))
                .body("[1].share", equalTo(new BigDecimal("0.0909")))      // 400 / 4400
                .body("find { it.key == 'Guangdong' }.declarations", equalTo(0))
                .body("find { it.key == 'Guangdong' }.share", equalTo(new BigDecimal("0.0000")));
    }

    @Test
    void concentrationOfTheTopAreas() {
        // March-April 2017: 8013 2000.00, 8008 2000.00, 2369 400.00, 5349 100.00; 4500.00 in all.
        given().queryParam("from", "2017-03-01").queryParam("to", "2017-04-30").queryParam("top", 1)
                .queryParam("flow", "ALL").get("/api/zones/concentration").then().statusCode(200)
                .body("top", equalTo(1))
                .body("areas", equalTo(4))
                .body("topTotalCny", equalTo(new BigDecimal("2000.00")))
                .body("allTotalCny", equalTo(new BigDecimal("4500.00")))
                .body("share", equalTo(new BigDecimal("0.4444")));
        given().queryParam("from", "2017-03-01").queryParam("to", "2017-04-30").queryParam("top", 2)
                .queryParam("flow", "ALL").get("/api/zones/concentration").then().statusCode(200)
                .body("share", equalTo(new BigDecimal("0.8889")));
        given().queryParam("from", "2017-03-01").queryParam("to", "2017-04-30")
                .queryParam("flow", "ALL").get("/api/zones/concentration").then().statusCode(200)
                .body("top", equalTo(30))
                .body("share", equalTo(new BigDecimal("1.0000")));
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-12-31")
                .queryParam("flow", "ALL").get("/api/zones/concentration").then().statusCode(200)
                .body("areas", equalTo(0))
                .body("share", equalTo(new BigDecimal("0.0000")));
    }

    @Test
    void rankingAsCsv() {
        String csv = given().accept("text/csv").queryParam("from", "2017-03-01").queryParam("to", "2017-03-31")
                .queryParam("limit", 3).queryParam("flow", "ALL").get("/api/zones/ranking")
                .then().statusCode(200).header("Content-Type", "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"ranking-2017-03-01-2017-03-31.csv\"")
                .extract().asString();
        assertThat(csv).isEqualTo(
                "\uFEFFrank,zoneCode,name,value,share,declarations,importCny,exportCny,totalCny,importUsd,exportUsd,totalUsd\r\n"
                        + "1,8008,Chongqing Export Processing Zone,2000.00,0.4545,1,0.00,2000.00,2000.00,0.00,292.00,292.00\r\n"
                        + "2,8013,Chongqing Xiyong Comprehensive Bonded Zone,2000.00,0.4545,2,1500.00,500.00,2000.00,220.00,73.00,293.00\r\n"
                        + "3,2369,Kunshan Comprehensive Bonded Zone,400.00,0.0909,1,400.00,0.00,400.00,58.00,0.00,58.00\r\n");
        given().accept("text/csv").queryParam("province", "Chongqing").get("/api/zones")
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"zones.csv\"");
        given().queryParam("from", "2017-03-01").queryParam("flow", "ALL").get("/api/zones/ranking")
                .then().statusCode(200).contentType("application/json");
    }

    @Test
    void badParametersAreNamed() {
        given().queryParam("granularity", "week").get("/api/zones/8013/series")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("granularity"));
        given().queryParam("by", "city").queryParam("flow", "ALL").get("/api/zones/rollup")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("by"));
        given().queryParam("flow", "ALL").get("/api/zones/rollup").then().statusCode(400).body("errors[0].field", equalTo("by"));
        given().queryParam("top", 0).queryParam("flow", "ALL").get("/api/zones/concentration")
                .then().statusCode(400).body("errors[0].field", equalTo("top"));
        given().queryParam("top", 201).queryParam("flow", "ALL").get("/api/zones/concentration")
                .then().statusCode(400).body("errors[0].field", equalTo("top"));
        given().queryParam("from", "2017-02-01").queryParam("to", "2017-01-01").get("/api/zones/8013/series")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().get("/api/zones/0000/series").then().statusCode(404);
    }
}
