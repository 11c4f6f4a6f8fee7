package dev.customs.statistics;

import dev.customs.contract.event.DeclarationState;
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

import static dev.customs.contract.event.Direction.EXPORT;
import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.event.ZoneFlow.SECOND_LINE;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Statistical regimes, the month plus year-to-date report and CSV, against sums worked out by hand.
 *
 * <p>National trade in 2016 and 2017 (these years are this class's alone):
 * <pre>
 * s3  EXPORT JP 0110 general     500.00 /  75.00  2016-01-10
 * s1  IMPORT US 0110 general    1000.00 / 150.00  2016-03-15
 * s2  EXPORT DE 0615 processing 2000.00 / 300.00  2016-03-20
 * s4  IMPORT US 0110 general     700.00 / 100.00  2016-12-31  (in neither year's January-March)
 * t3  EXPORT KZ 9710 e-commerce  800.00 / 117.00  2017-02-14
 * t1  IMPORT US 0110 general    1500.00 / 220.00  2017-03-05
 * t4  IMPORT VN 5034 bonded      300.00 /  44.00  2017-03-10  first line of area 8013
 * t2  EXPORT DE 0615 processing 1000.00 / 146.00  2017-03-25
 * </pre>
 * Not national: t5, second line out of area 8013, 999.99 on 2017-03-12.
 *
 * <p>March 2017: imports 1800.00, exports 1000.00, total 2800.00 against March 2016's 1000.00, 2000.00, 3000.00:
 * growth 0.8000, -0.5000, -200/3000 = -0.0667. January-March 2017: 1800.00, 1800.00, 3600.00 against
 * 1000.00, 2500.00, 3500.00: 0.8000, -700/2500 = -0.2800, 100/3500 = 0.0286.
 */
@QuarkusTest
@TestProfile(SeparateAppProfile.class)
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "statistics"))
@ActAs(Roles.ANALYST)
class MonthlyReportTest {

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            publish(kafka, 2016, EXPORT, 3, state(LocalDate.of(2016, 1, 10), EXPORT, null, null, "0110", "JP", "8471300000", "500.00", "75.00"));
            publish(kafka, 2016, IMPORT, 1, state(LocalDate.of(2016, 3, 15), IMPORT, null, null, "0110", "US", "8471300000", "1000.00", "150.00"));
            publish(kafka, 2016, EXPORT, 2, state(LocalDate.of(2016, 3, 20), EXPORT, null, null, "0615", "DE", "8517620000", "2000.00", "300.00"));
            publish(kafka, 2016, IMPORT, 4, state(LocalDate.of(2016, 12, 31), IMPORT, null, null, "0110", "US", "8471300000", "700.00", "100.00"));
            publish(kafka, 2017, EXPORT, 3, state(LocalDate.of(2017, 2, 14), EXPORT, null, null, "9710", "KZ", "6109100000", "800.00", "117.00"));
            publish(kafka, 2017, IMPORT, 1, state(LocalDate.of(2017, 3, 5), IMPORT, null, null, "0110", "US", "8471300000", "1500.00", "220.00"));
            publish(kafka, 2017, IMPORT, 4, state(LocalDate.of(2017, 3, 10), IMPORT, "8013", FIRST_LINE, "5034", "VN", "8542310000", "300.00", "44.00"));
            publish(kafka, 2017, EXPORT, 2, state(LocalDate.of(2017, 3, 25), EXPORT, null, null, "0615", "DE", "8517620000", "1000.00", "146.00"));
            publish(kafka, 2017, EXPORT, 5, state(LocalDate.of(2017, 3, 12), EXPORT, "8013", SECOND_LINE, "5100", "US", "8542310000", "999.99", "140.00"));
        }
        // Every national declaration counted: the second-line one changes no national figure, whenever it lands.
        await().atMost(Duration.ofSeconds(60)).until(() -> given().queryParam("from", "2016-01-01")
                .queryParam("to", "2017-12-31").get("/api/statistics/totals").then().statusCode(200)
                .extract().jsonPath().getInt("declarations") == 8);
        published = true;
    }

    private static void publish(RawPublisher kafka, int year, dev.customs.contract.event.Direction direction, long serial,
                                DeclarationState state) {
        kafka.publish(declared(declarationId("8013", year, direction, serial), state));
    }

    @Test
    void regimesGroupSupervisionModesWithZerosForRegimesWithoutTrade() {
        given().queryParam("from", "2017-01-01").queryParam("to", "2017-12-31").get("/api/statistics/regimes")
                .then().statusCode(200)
                .body("size()", equalTo(4))
                // GAC has no e-commerce trade mode: 9710 counts in general trade beside 0110.
                .body("[0].regime", equalTo("GENERAL_TRADE"))
                .body("[0].declarations", equalTo(2))
                .body("[0].importCny", equalTo(new BigDecimal("1500.00")))
                .body("[0].exportUsd", equalTo(new BigDecimal("117.00")))
                .body("[0].totalUsd", equalTo(new BigDecimal("337.00")))
                .body("[1].regime", equalTo("PROCESSING_TRADE"))
                .body("[1].exportCny", equalTo(new BigDecimal("1000.00")))
                .body("[2].regime", equalTo("BONDED_LOGISTICS"))
                .body("[2].importCny", equalTo(new BigDecimal("300.00")))
                .body("[3].regime", equalTo("OTHER"))
                .body("[3].declarations", equalTo(0))
                .body("[3].totalCny", equalTo(new BigDecimal("0.00")));
    }

    @Test
    void regimesAsCsv() {
        String csv = given().accept("text/csv").queryParam("from", "2017-01-01").queryParam("to", "2017-12-31")
                .get("/api/statistics/regimes")
                .then().statusCode(200).header("Content-Type", "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"regimes-2017-01-01-2017-12-31.csv\"")
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv).isEqualTo(
                "\uFEFFregime,declarations,importCny,exportCny,totalCny,importUsd,exportUsd,totalUsd\r\n"
                        + "GENERAL_TRADE,2,1500.00,800.00,2300.00,220.00,117.00,337.00\r\n"
                        + "PROCESSING_TRADE,1,0.00,1000.00,1000.00,0.00,146.00,146.00\r\n"
                        + "BONDED_LOGISTICS,1,300.00,0.00,300.00,44.00,0.00,44.00\r\n"
                        + "OTHER,0,0.00,0.00,0.00,0.00,0.00,0.00\r\n");
        // JSON stays the default.
        given().queryParam("from", "2017-01-01").get("/api/statistics/regimes")
                .then().statusCode(200).contentType("application/json");
    }

    @Test
    void monthAndYearToDateWithGrowthAcrossTheYearBoundary() {
        given().queryParam("month", "2017-03").get("/api/statistics/monthly-report").then().statusCode(200)
                .body("month", equalTo("2017-03"))
                .body("currentMonth.from", equalTo("2017-03-01"))
                .body("currentMonth.to", equalTo("2017-03-31"))
                .body("currentMonth.declarations", equalTo(3))
                .body("currentMonth.importCny", equalTo(new BigDecimal("1800.00")))
                .body("currentMonth.exportCny", equalTo(new BigDecimal("1000.00")))
                .body("currentMonth.totalCny", equalTo(new BigDecimal("2800.00")))
                .body("currentMonth.importUsd", equalTo(new BigDecimal("264.00")))
                .body("currentMonth.exportUsd", equalTo(new BigDecimal("146.00")))
                .body("currentMonth.totalUsd", equalTo(new BigDecimal("410.00")))
                .body("currentMonth.yoyImportCny", equalTo(new BigDecimal("0.8000")))
                .body("currentMonth.yoyExportCny", equalTo(new BigDecimal("-0.5000")))
                .body("currentMonth.yoyTotalCny", equalTo(new BigDecimal("-0.0667")))
                .body("yearToDate.from", equalTo("2017-01-01"))
                .body("yearToDate.to", equalTo("2017-03-31"))
                .body("yearToDate.declarations", equalTo(4))
                .body("yearToDate.importCny", equalTo(new BigDecimal("1800.00")))
                .body("yearToDate.exportCny", equalTo(new BigDecimal("1800.00")))
                .body("yearToDate.totalCny", equalTo(new BigDecimal("3600.00")))
                .body("yearToDate.importUsd", equalTo(new BigDecimal("264.00")))
                .body("yearToDate.exportUsd", equalTo(new BigDecimal("263.00")))
                .body("yearToDate.totalUsd", equalTo(new BigDecimal("527.00")))
                .body("yearToDate.yoyImportCny", equalTo(new BigDecimal("0.8000")))
                .body("yearToDate.yoyExportCny", equalTo(new BigDecimal("-0.2800")))
                .body("yearToDate.yoyTotalCny", equalTo(new BigDecimal("0.0286")));
    }

    @Test
    void growthIsNullWhereTheYearEarlierWasZero() {
        // January 2017 had no trade; January 2016 only s3's exports.
        given().queryParam("month", "2017-01").get("/api/statistics/monthly-report").then().statusCode(200)
                .body("currentMonth.totalCny", equalTo(new BigDecimal("0.00")))
                .body("currentMonth.yoyImportCny", nullValue())
                .body("currentMonth.yoyExportCny", equalTo(new BigDecimal("-1.0000")))
                .body("currentMonth.yoyTotalCny", equalTo(new BigDecimal("-1.0000")))
                .body("yearToDate.yoyTotalCny", equalTo(new BigDecimal("-1.0000")));
        // December 2016: s4 alone; the year to date holds all of 2016, and 2015 had nothing.
        given().queryParam("month", "2016-12").get("/api/statistics/monthly-report").then().statusCode(200)
                .body("currentMonth.importCny", equalTo(new BigDecimal("700.00")))
                .body("yearToDate.declarations", equalTo(4))
                .body("yearToDate.totalCny", equalTo(new BigDecimal("4200.00")))
                .body("yearToDate.yoyTotalCny", nullValue());
    }

    @Test
    void badMonthIsNamed() {
        for (String month : new String[]{"2017-13", "2017-3", "March", ""}) {
            given().queryParam("month", month).get("/api/statistics/monthly-report")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("month"));
        }
        given().get("/api/statistics/monthly-report")
                .then().statusCode(400).body("errors[0].field", equalTo("month"));
        given().queryParam("from", "2017-02-01").queryParam("to", "2017-01-01").get("/api/statistics/regimes")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
