package dev.customs.statistics;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.ingest.DeadLetterPublisher;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import dev.customs.rest.testing.ExactNumbers;
import dev.customs.rest.testing.Metrics;
import dev.customs.rest.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import static dev.customs.contract.testing.TestDeclarations.DECLARANT;
import static dev.customs.contract.testing.TestDeclarations.amended;
import static dev.customs.contract.testing.TestDeclarations.cancelled;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static dev.customs.contract.testing.TestDeclarations.synthetic;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Publishes one set of events and checks every endpoint against sums worked out by hand.
 *
 * <p>What counts nationally in 2022 (the year is this class's alone, so other tests cannot touch its sums):
 * <pre>
 * a  IMPORT  JP  0110  ch 84          1200.50 / 168.07   2022-03-10  (amended from US 1000.00 / 140.00, synthetic)
 * b  EXPORT  DE  0110  ch 85          2500.00 / 350.00   2022-03-10  (published twice)
 * c  IMPORT  VN  5034  ch 85          3000.00 / 420.00   2022-03-20  first line of area 8013, synthetic
 * f  EXPORT  KZ  9710  ch 84 + ch 61   550.25 /  77.03   2022-06-15  items 400.00/56.00 and 150.25/21.03
 * </pre>
 * Not counted: d (US, second line out of area 8013, 777.77, synthetic) and e (US, 900.00, synthetic, cancelled).
 * So of the four, only c is synthetic: a's amendment made it real.
 * In 2023 only g: IMPORT DE 0110 ch 84, 9999.99 / 1400.00 on 2023-03-05, for year-on-year growth.
 */
@QuarkusTest
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "statistics"))
@ActAs(Roles.ANALYST)
class StatisticsIngestTest {

    private static final LocalDate MARCH_10 = LocalDate.of(2022, 3, 10);
    private static final LocalDate MARCH_20 = LocalDate.of(2022, 3, 20);
    private static final LocalDate JUNE_15 = LocalDate.of(2022, 6, 15);
    private static final LocalDate NEXT_MARCH_5 = LocalDate.of(2023, 3, 5);
    private static final String DEAD_LETTERS = "customs.declarations.dead-letter.statistics-service";

    private static boolean published;



    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        String a = declarationId("8013", 2022, IMPORT, 1);
        String b = declarationId("8013", 2022, EXPORT, 2);
        String c = declarationId("8013", 2022, IMPORT, 3);
        String d = declarationId("8013", 2022, EXPORT, 4);
        String e = declarationId("8013", 2022, EXPORT, 5);
        String f = declarationId("8013", 2022, EXPORT, 6);
        String g = declarationId("8013", 2023, IMPORT, 7);
        DeclarationState aV1 = synthetic(state(MARCH_10, IMPORT, null, null, "0110", "US", "8471300000", "1000.00", "140.00"));
        DeclarationState aV2 = state(MARCH_10, IMPORT, null, null, "0110", "JP", "8471300000", "1200.50", "168.07");
        DeclarationState eV1 = synthetic(state(MARCH_10, EXPORT, null, null, "0110", "US", "6109100000", "900.00", "126.00"));
        DeclarationEvent bDeclared = declared(b, state(MARCH_10, EXPORT, null, null, "0110", "DE", "8517620000", "2500.00", "350.00"));
        DeclarationState fTwoChapters = new DeclarationState(JUNE_15, EXPORT, null, null, "9710", "8013", DECLARANT,
                "KZ", "3", "CNY", List.of(
                        new DeclarationItem(1, "8471300000", new BigDecimal("5"), "台", new BigDecimal("400.00"), new BigDecimal("56.00")),
                        new DeclarationItem(2, "6109100000", new BigDecimal("300"), "件", new BigDecimal("150.25"), new BigDecimal("21.03"))),
                new BigDecimal("550.25"), new BigDecimal("77.03"), false);

        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            kafka.publish(declared(a, aV1));
            kafka.publish(bDeclared);
            kafka.publish(declared(c, synthetic(state(MARCH_20, IMPORT, "8013", FIRST_LINE, "5034", "VN", "8542310000", "3000.00", "420.00"))));
            kafka.publish(declared(d, synthetic(state(MARCH_20, EXPORT, "8013", SECOND_LINE, "5100", "US", "8542310000", "777.77", "108.88"))));
            kafka.publish(declared(e, eV1));
            kafka.publish(declared(f, fTwoChapters));
            kafka.publish(declared(g, state(NEXT_MARCH_5, IMPORT, null, null, "0110", "DE", "8471300000", "9999.99", "1400.00")));
            kafka.publish(amended(a, 2, aV2));
            kafka.publish(cancelled(e, 2, eV1));
            kafka.publish(bDeclared);                      // the same event again
            kafka.publish(declared(a, aV1));               // a stale revision under a new event id
            kafka.publishRaw(a, "{not json");

            // The ledger's counters move only after a batch is committed, so once every valid event is
            // counted as applied or skipped, the totals are final (the duplicate and the stale one included).
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Metrics.sum("/q/metrics", "customs_ingest_events_applied_total") >= 9 && Metrics.sum("/q/metrics", "customs_ingest_events_skipped_total") >= 2);

            List<ConsumerRecord<String, byte[]>> dead = kafka.readAll(DEAD_LETTERS, 1, Duration.ofSeconds(30));
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).key()).isEqualTo(a);
            assertThat(RawPublisher.header(dead.get(0), DeadLetterPublisher.KIND)).isEqualTo("invalid_json");
        }
        published = true;
    }

    @Test
    void ledgerKnowsEveryDeclaration() {
        given().auth().oauth2(TestTokens.operator()).get("/api/ingest/status").then().statusCode(200)
                .body("declarations", equalTo(7))
                .body("active", equalTo(6))
                .body("cancelled", equalTo(1));
    }

    @Test
    void nationalTotalsLeaveOutSecondLineAndCancelled() {
        year2022().get("/api/statistics/totals").then().statusCode(200)
                .body("from", equalTo("2022-01-01"))
                .body("to", equalTo("2022-12-31"))
                .body("declarations", equalTo(4))
                .body("syntheticDeclarations", equalTo(1))
                .body("importCny", equalTo(new BigDecimal("4200.50")))
                .body("exportCny", equalTo(new BigDecimal("3050.25")))
                .body("totalCny", equalTo(new BigDecimal("7250.75")))
                .body("balanceCny", equalTo(new BigDecimal("-1150.25")))
                .body("importUsd", equalTo(new BigDecimal("588.07")))
                .body("exportUsd", equalTo(new BigDecimal("427.03")))
                .body("totalUsd", equalTo(new BigDecimal("1015.10")))
                .body("balanceUsd", equalTo(new BigDecimal("-161.04")))
                // 3000.00 / 7250.75 = 0.41375...
                .body("zoneShare", equalTo(new BigDecimal("0.4138")));

        // Only the first-line import falls in the second half of March.
        given().queryParam("from", "2022-03-15").queryParam("to", "2022-03-31").get("/api/statistics/totals")
                .then().statusCode(200)
                .body("declarations", equalTo(1))
                .body("syntheticDeclarations", equalTo(1))
                .body("importCny", equalTo(new BigDecimal("3000.00")))
                .body("exportCny", equalTo(new BigDecimal("0.00")))
                .body("balanceCny", equalTo(new BigDecimal("-3000.00")))
                .body("zoneShare", equalTo(new BigDecimal("1.0000")));

        // a, amended from synthetic to real, and b; e, synthetic, was cancelled.
        given().queryParam("from", "2022-03-10").queryParam("to", "2022-03-10").get("/api/statistics/totals")
                .then().statusCode(200)
                .body("declarations", equalTo(2))
                .body("syntheticDeclarations", equalTo(0));
    }

    @Test
    void partnersRankedByTotalWithShares() {
        year2022().get("/api/statistics/partners").then().statusCode(200)
                .body("size()", equalTo(4))
                .body("partnerCountry", not(hasItem("US")))
                .body("[0].partnerCountry", equalTo("VN"))
                .body("[0].name", equalTo("Vietnam"))
                .body("[0].totalCny", equalTo(new BigDecimal("3000.00")))
                .body("[0].share", equalTo(new BigDecimal("0.4138")))
                .body("[1].partnerCountry", equalTo("DE"))
                .body("[1].declarations", equalTo(1))
                .body("[1].exportCny", equalTo(new BigDecimal("2500.00")))
                .body("[1].importCny", equalTo(new BigDecimal("0.00")))
                .body("[1].share", equalTo(new BigDecimal("0.3448")))
                .body("[2].partnerCountry", equalTo("JP"))
                .body("[2].importCny", equalTo(new BigDecimal("1200.50")))
                .body("[2].importUsd", equalTo(new BigDecimal("168.07")))
                // 1200.50 / 7250.75 = 0.16556...
                .body("[2].share", equalTo(new BigDecimal("0.1656")))
                .body("[3].partnerCountry", equalTo("KZ"))
                .body("[3].exportCny", equalTo(new BigDecimal("550.25")))
                .body("[3].exportUsd", equalTo(new BigDecimal("77.03")))
                // 550.25 / 7250.75 = 0.07588...
                .body("[3].share", equalTo(new BigDecimal("0.0759")));

        year2022().queryParam("limit", 2).get("/api/statistics/partners").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].partnerCountry", equalTo("VN"))
                .body("[1].partnerCountry", equalTo("DE"));
    }

    @Test
    void regionsOverlapAndKeepEmptyGroups() {
        year2022().get("/api/statistics/regions").then().statusCode(200)
                .body("size()", equalTo(12))
                .body("find { it.code == 'ASIA' }.continent", equalTo(true))
                .body("find { it.code == 'ASIA' }.declarations", equalTo(3))
                .body("find { it.code == 'ASIA' }.importCny", equalTo(new BigDecimal("4200.50")))
                .body("find { it.code == 'ASIA' }.exportCny", equalTo(new BigDecimal("550.25")))
                .body("find { it.code == 'EUROPE' }.continent", equalTo(true))
                .body("find { it.code == 'EUROPE' }.exportCny", equalTo(new BigDecimal("2500.00")))
                .body("find { it.code == 'EU' }.continent", equalTo(false))
                .body("find { it.code == 'EU' }.name", equalTo("European Union"))
                .body("find { it.code == 'EU' }.declarations", equalTo(1))
                .body("find { it.code == 'EU' }.exportCny", equalTo(new BigDecimal("2500.00")))
                .body("find { it.code == 'EU' }.importCny", equalTo(new BigDecimal("0.00")))
                .body("find { it.code == 'ASEAN' }.declarations", equalTo(1))
                .body("find { it.code == 'ASEAN' }.importCny", equalTo(new BigDecimal("3000.00")))
                .body("find { it.code == 'ASEAN' }.exportCny", equalTo(new BigDecimal("0.00")))
                .body("find { it.code == 'RCEP' }.declarations", equalTo(2))
                .body("find { it.code == 'RCEP' }.importCny", equalTo(new BigDecimal("4200.50")))
                .body("find { it.code == 'RCEP' }.importUsd", equalTo(new BigDecimal("588.07")))
                .body("find { it.code == 'BELT_AND_ROAD' }.declarations", equalTo(2))
                .body("find { it.code == 'BELT_AND_ROAD' }.importCny", equalTo(new BigDecimal("3000.00")))
                .body("find { it.code == 'BELT_AND_ROAD' }.exportCny", equalTo(new BigDecimal("550.25")))
                .body("find { it.code == 'BELT_AND_ROAD' }.totalCny", equalTo(new BigDecimal("3550.25")))
                .body("find { it.code == 'BELT_AND_ROAD' }.totalUsd", equalTo(new BigDecimal("497.03")))
                .body("find { it.code == 'CENTRAL_ASIA' }.exportCny", equalTo(new BigDecimal("550.25")))
                .body("find { it.code == 'NORTH_AMERICA' }.declarations", equalTo(0))
                .body("find { it.code == 'NORTH_AMERICA' }.totalCny", equalTo(new BigDecimal("0.00")))
                .body("find { it.code == 'AFRICA' }.totalCny", equalTo(new BigDecimal("0.00")));
    }

    @Test
    void commoditiesByChapterAndSection() {
        year2022().queryParam("level", "chapter").get("/api/statistics/commodities").then().statusCode(200)
                .body("size()", equalTo(3))
                .body("[0].code", equalTo("61"))
                .body("[0].title", equalTo("Articles of apparel and clothing accessories, knitted or crocheted"))
                .body("[0].items", equalTo(1))
                .body("[0].importCny", equalTo(new BigDecimal("0.00")))
                .body("[0].exportCny", equalTo(new BigDecimal("150.25")))
                .body("[0].totalUsd", equalTo(new BigDecimal("21.03")))
                .body("[1].code", equalTo("84"))
                .body("[1].items", equalTo(2))
                .body("[1].importCny", equalTo(new BigDecimal("1200.50")))
                .body("[1].exportCny", equalTo(new BigDecimal("400.00")))
                .body("[1].totalCny", equalTo(new BigDecimal("1600.50")))
                .body("[1].importUsd", equalTo(new BigDecimal("168.07")))
                .body("[1].exportUsd", equalTo(new BigDecimal("56.00")))
                .body("[1].totalUsd", equalTo(new BigDecimal("224.07")))
                .body("[2].code", equalTo("85"))
                .body("[2].items", equalTo(2))
                .body("[2].importCny", equalTo(new BigDecimal("3000.00")))
                .body("[2].exportCny", equalTo(new BigDecimal("2500.00")))
                .body("[2].totalCny", equalTo(new BigDecimal("5500.00")))
                .body("[2].totalUsd", equalTo(new BigDecimal("770.00")));

        year2022().queryParam("level", "section").get("/api/statistics/commodities").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].code", equalTo("XI"))
                .body("[0].title", equalTo("Textiles and textile articles"))
                .body("[0].items", equalTo(1))
                .body("[0].exportCny", equalTo(new BigDecimal("150.25")))
                .body("[1].code", equalTo("XVI"))
                .body("[1].items", equalTo(4))
                .body("[1].importCny", equalTo(new BigDecimal("4200.50")))
                .body("[1].exportCny", equalTo(new BigDecimal("2900.00")))
                .body("[1].totalCny", equalTo(new BigDecimal("7100.50")))
                .body("[1].importUsd", equalTo(new BigDecimal("588.07")))
                .body("[1].exportUsd", equalTo(new BigDecimal("406.00")))
                .body("[1].totalUsd", equalTo(new BigDecimal("994.07")));
    }

    @Test
    void tradeModesWithRegime() {
        year2022().get("/api/statistics/trade-modes").then().statusCode(200)
                .body("size()", equalTo(3))
                .body("[0].tradeMode", equalTo("0110"))
                .body("[0].name", equalTo("General trade"))
                .body("[0].regime", equalTo("GENERAL_TRADE"))
                .body("[0].declarations", equalTo(2))
                .body("[0].importCny", equalTo(new BigDecimal("1200.50")))
                .body("[0].exportCny", equalTo(new BigDecimal("2500.00")))
                .body("[0].totalCny", equalTo(new BigDecimal("3700.50")))
                .body("[0].totalUsd", equalTo(new BigDecimal("518.07")))
                .body("[1].tradeMode", equalTo("5034"))
                .body("[1].gacTradeMode", equalTo("34"))
                .body("[1].regime", equalTo("BONDED_LOGISTICS"))
                .body("[1].importCny", equalTo(new BigDecimal("3000.00")))
                .body("[2].tradeMode", equalTo("9710"))
                .body("[2].gacTradeMode", equalTo("10"))
                .body("[2].gacTradeModeName", equalTo("General trade"))
                .body("[2].regime", equalTo("GENERAL_TRADE"))
                .body("[2].exportCny", equalTo(new BigDecimal("550.25")));
    }

    @Test
    void monthlySeriesWithYearOnYearGrowth() {
        given().queryParam("from", "2022-01-01").queryParam("to", "2023-12-31").get("/api/statistics/series")
                .then().statusCode(200)
                .body("size()", equalTo(24))
                .body("[0].month", equalTo("2022-01"))
                .body("[0].totalCny", equalTo(new BigDecimal("0.00")))
                .body("[0].yoyTotalCny", nullValue())
                .body("[2].month", equalTo("2022-03"))
                .body("[2].declarations", equalTo(3))
                .body("[2].importCny", equalTo(new BigDecimal("4200.50")))
                .body("[2].exportCny", equalTo(new BigDecimal("2500.00")))
                .body("[2].totalCny", equalTo(new BigDecimal("6700.50")))
                .body("[2].totalUsd", equalTo(new BigDecimal("938.07")))
                .body("[2].yoyTotalCny", nullValue())
                .body("[5].month", equalTo("2022-06"))
                .body("[5].exportCny", equalTo(new BigDecimal("550.25")))
                .body("[14].month", equalTo("2023-03"))
                .body("[14].declarations", equalTo(1))
                .body("[14].importCny", equalTo(new BigDecimal("9999.99")))
                .body("[14].totalUsd", equalTo(new BigDecimal("1400.00")))
                // 9999.99 / 6700.50 - 1 = 0.49242...
                .body("[14].yoyTotalCny", equalTo(new BigDecimal("0.4924")))
                .body("[17].month", equalTo("2023-06"))
                .body("[17].totalCny", equalTo(new BigDecimal("0.00")))
                .body("[17].yoyTotalCny", equalTo(new BigDecimal("-1.0000")))
                .body("[23].month", equalTo("2023-12"));

        // Unbounded: from the first month with data to the last.
        given().get("/api/statistics/series").then().statusCode(200)
                .body("size()", equalTo(13))
                .body("[0].month", equalTo("2022-03"))
                .body("[12].month", equalTo("2023-03"))
                .body("[12].yoyTotalCny", equalTo(new BigDecimal("0.4924")));
    }

    private static RequestSpecification year2022() {
        return given().queryParam("from", "2022-01-01").queryParam("to", "2022-12-31");
    }
}
