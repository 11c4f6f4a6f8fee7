package dev.customs.zone;

import dev.customs.contract.event.DeclarationEvent;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

@QuarkusTest
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
@ActAs(Roles.ANALYST)
class ZoneIngestTest {

    /** This class's data lives in 2021 so other tests sharing the database cannot touch its sums. */
    private static final LocalDate DAY = LocalDate.of(2021, 3, 15);

    @Test
    void appliesNewestRevisionOnceAndDeadLettersBadRecords() {
        String a = declarationId("8013", 2021, IMPORT, 1);
        String b = declarationId("8013", 2021, EXPORT, 2);
        String c = declarationId("2369", 2021, EXPORT, 3);
        String d = declarationId("2200", 2021, IMPORT, 4);
        DeclarationState aV1 = state(DAY, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "1850000.00", "257500.00");
        // The amendment makes a synthetic; c, synthetic, is cancelled: each must move the synthetic count.
        DeclarationState aV2 = synthetic(state(DAY, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "1900000.10", "264400.01"));
        DeclarationState bV1 = state(DAY.plusDays(1), EXPORT, "8013", SECOND_LINE, "5100", "US", "8542310000", "333.33", "46.39");
        DeclarationState cV1 = synthetic(state(DAY, EXPORT, "2369", FIRST_LINE, "5034", "JP", "8517620000", "1000.00", "139.00"));
        DeclarationState dV1 = state(DAY, IMPORT, null, null, "0110", "AU", "2601110000", "5000000.00", "695000.00");
        DeclarationEvent aDeclared = declared(a, aV1);

        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            kafka.publish(aDeclared);
            kafka.publish(declared(b, bV1));
            kafka.publish(declared(c, cV1));
            kafka.publish(declared(d, dV1));
            kafka.publishRaw(a, "{not json");
            kafka.publish(amended(a, 2, aV2));
            kafka.publish(aDeclared);                     // the same event again
            kafka.publish(declared(a, aV1));              // a stale revision under a new event id
            kafka.publish(cancelled(c, 2, cV1));
            String unknownZone = declarationId("9999", 2021, IMPORT, 5);
            kafka.publish(declared(unknownZone, state(DAY, IMPORT, "9999", FIRST_LINE, "5034", "DE", "8471300000", "1.00", "0.14")));

            // Every record consumed, the late duplicate and stale revision included: only then do the
            // totals below prove that those changed nothing.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(Metrics.sum("/q/metrics", "customs_ingest_records_consumed_total")).isEqualTo(10));
            given().auth().oauth2(TestTokens.operator()).get("/api/ingest/status").then().statusCode(200)
                    .body("declarations", equalTo(4)).body("cancelled", equalTo(1));

            given().queryParam("from", "2021-01-01").queryParam("to", "2021-12-31")
                    .get("/api/zones/8013/totals")
                    .then().statusCode(200)
                    .body("declarations", equalTo(2))
                    .body("syntheticDeclarations", equalTo(1))
                    .body("importCny", equalTo(new BigDecimal("1900000.10")))
                    .body("exportCny", equalTo(new BigDecimal("333.33")))
                    .body("totalCny", equalTo(new BigDecimal("1900333.43")))
                    .body("importUsd", equalTo(new BigDecimal("264400.01")))
                    .body("exportUsd", equalTo(new BigDecimal("46.39")))
                    .body("totalUsd", equalTo(new BigDecimal("264446.40")))
                    .body("byFlow.size()", equalTo(2))
                    .body("byFlow[0].flow", equalTo("FIRST_LINE"))
                    .body("byFlow[0].direction", equalTo("IMPORT"))
                    .body("byFlow[0].valueCny", equalTo(new BigDecimal("1900000.10")))
                    .body("byFlow[1].flow", equalTo("SECOND_LINE"))
                    .body("byFlow[1].direction", equalTo("EXPORT"))
                    .body("byTradeMode.size()", equalTo(2))
                    .body("byTradeMode[0].tradeMode", equalTo("5034"))
                    .body("byTradeMode[0].importCny", equalTo(new BigDecimal("1900000.10")))
                    .body("byTradeMode[1].tradeMode", equalTo("5100"))
                    .body("byTradeMode[1].exportCny", equalTo(new BigDecimal("333.33")));

            // A range that cuts off the second day leaves only the first-line import.
            given().queryParam("from", "2021-03-15").queryParam("to", "2021-03-15")
                    .get("/api/zones/8013/totals")
                    .then().statusCode(200).body("declarations", equalTo(1)).body("syntheticDeclarations", equalTo(1))
                    .body("exportCny", equalTo(new BigDecimal("0.00")));

            // Only the real one, dated the next day.
            given().queryParam("from", "2021-03-16").queryParam("to", "2021-03-16")
                    .get("/api/zones/8013/totals")
                    .then().statusCode(200).body("declarations", equalTo(1)).body("syntheticDeclarations", equalTo(0));

            // Cancelled: nothing left in Kunshan.
            given().queryParam("from", "2021-01-01").queryParam("to", "2021-12-31")
                    .get("/api/zones/2369/totals")
                    .then().statusCode(200).body("declarations", equalTo(0)).body("syntheticDeclarations", equalTo(0))
                    .body("totalCny", equalTo(new BigDecimal("0.00")));

            given().queryParam("from", "2021-01-01").queryParam("to", "2021-12-31").queryParam("limit", 5)
                    .queryParam("flow", "ALL").get("/api/zones/ranking")
                    .then().statusCode(200)
                    .body("size()", equalTo(2))
                    .body("[0].zoneCode", equalTo("8013"))
                    .body("[0].value", equalTo(new BigDecimal("1900333.43")))
                    .body("[0].share", equalTo(new BigDecimal("1.0000")))
                    .body("[1].zoneCode", equalTo("2369"))
                    .body("[1].value", equalTo(new BigDecimal("0.00")));

            List<ConsumerRecord<String, byte[]>> dead = kafka.readAll("customs.declarations.dead-letter.zone-service", 2, Duration.ofSeconds(30))
                    .stream().filter(r -> r.key() != null && r.key().substring(4, 8).equals("2021")).toList();
            assertThat(dead).hasSize(2);
            assertThat(RawPublisher.header(dead.get(0), DeadLetterPublisher.KIND)).isEqualTo("invalid_json");
            assertThat(RawPublisher.header(dead.get(0), DeadLetterPublisher.REASON)).startsWith("not valid JSON");
            assertThat(RawPublisher.header(dead.get(0), DeadLetterPublisher.SOURCE_TOPIC)).isEqualTo("customs.declarations");
            assertThat(RawPublisher.header(dead.get(0), DeadLetterPublisher.SOURCE_OFFSET)).matches("\\d+");
            assertThat(RawPublisher.header(dead.get(1), DeadLetterPublisher.KIND)).isEqualTo("unknown_code");
            assertThat(RawPublisher.header(dead.get(1), DeadLetterPublisher.REASON))
                    .isEqualTo("declaration.zoneCode: unknown special customs supervision area '9999'");
        }
    }

}
