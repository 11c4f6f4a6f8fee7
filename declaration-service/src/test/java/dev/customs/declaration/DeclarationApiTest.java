package dev.customs.declaration;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.EventType;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import dev.customs.rest.testing.ExactNumbers;
import dev.customs.rest.testing.Metrics;
import dev.customs.rest.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "declarations"))
@ActAs(Roles.DECLARANT)
class DeclarationApiTest {

    @TestHTTPResource("/api/declarations")
    URI declarationsUrl;

    @TestHTTPResource("/q/metrics")
    URI metricsUrl;



    /** A valid first-line import into Xiyong, in EUR, dated in August 2025 (EUR 8.3181, USD 7.1400). */
    static Map<String, Object> declaration(String id) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (id != null) {
            body.put("declarationId", id);
        }
        body.put("declarationDate", "2025-08-26");
        body.put("direction", "IMPORT");
        body.put("zoneCode", "8013");
        body.put("zoneFlow", "FIRST_LINE");
        body.put("tradeMode", "5034");
        body.put("customsOffice", "8013");
        body.put("declarantCode", "91500000MA5U12346T");
        body.put("partnerCountry", "DE");
        body.put("transportMode", "3");
        body.put("transactionTerms", "CIF");
        body.put("currency", "EUR");
        body.put("items", List.of(
                Map.of("itemNo", 1, "hsCode", "8471300000", "quantity", 1200, "unit", "台", "value", new BigDecimal("1000.00")),
                Map.of("itemNo", 2, "hsCode", "8542310000", "quantity", 50, "unit", "个", "value", new BigDecimal("1234.56"))));
        return body;
    }

    @Test
    void filesConvertsStoresAndPublishes() {
        String id = given().contentType(ContentType.JSON).body(declaration(null))
                .post("/api/declarations")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/declarations/801320251\\d{9}"))
                .body("revision", equalTo(1))
                .body("status", equalTo("DECLARED"))
                .body("items[0].value", equalTo(new BigDecimal("1000.00")))
                .body("items[0].valueCny", equalTo(new BigDecimal("8318.10")))
                .body("items[0].valueUsd", equalTo(new BigDecimal("1165.00")))
                .body("items[1].valueCny", equalTo(new BigDecimal("10269.19")))
                .body("items[1].valueUsd", equalTo(new BigDecimal("1438.26")))
                .body("totalValueCny", equalTo(new BigDecimal("18587.29")))
                .body("totalValueUsd", equalTo(new BigDecimal("2603.26")))
                .extract().path("declarationId");

        given().get("/api/declarations/" + id).then().statusCode(200).body("transactionTerms", equalTo("CIF"));

        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<DeclarationEvent> events = kafka.readAll(DeclarationEvent.TOPIC, 1, Duration.ofSeconds(5)).stream()
                        .filter(r -> id.equals(r.key())).map(r -> EventCodec.parse(r.value())).toList();
                assertThat(events).hasSize(1);
                DeclarationEvent event = events.get(0);
                assertThat(event.eventType()).isEqualTo(EventType.DECLARED);
                assertThat(event.revision()).isEqualTo(1);
                assertThat(event.declaration().totalValueCny()).isEqualByComparingTo("18587.29");
                assertThat(event.declaration().items().get(1).valueUsd()).isEqualByComparingTo("1438.26");
            });
        }
    }

    @Test
    void sameDeclarationAgainIsOkOtherContentConflicts() {
        String id = "801320251000000777";
        given().contentType(ContentType.JSON).body(declaration(id)).post("/api/declarations").then().statusCode(201);
        given().contentType(ContentType.JSON).body(declaration(id)).post("/api/declarations")
                .then().statusCode(200).body("revision", equalTo(1));
        Map<String, Object> changed = declaration(id);
        changed.put("partnerCountry", "FR");
        given().contentType(ContentType.JSON).body(changed).post("/api/declarations")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        Map<String, Object> bad = declaration(null);
        bad.put("zoneCode", null);                        // zone flow without zone
        bad.put("tradeMode", "5100");                     // only second line
        bad.put("partnerCountry", "XX");
        bad.put("declarationDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString());
        bad.put("currency", "EUR");
        bad.put("items", List.of(
                Map.of("itemNo", 1, "hsCode", "7700000000", "quantity", 1, "unit", "kg", "value", 10),
                Map.of("itemNo", 2, "hsCode", "84713", "quantity", 0, "unit", "千克", "value", -5)));
        given().contentType(ContentType.JSON).body(bad).post("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("declarationDate", "items[0].hsCode", "items[0].unit",
                        "items[1].hsCode", "items[1].quantity", "items[1].value", "partnerCountry", "zoneFlow"))
                .body("errors.find { it.field == 'zoneFlow' }.message", equalTo("must be null when zoneCode is null"))
                .body("errors.find { it.field == 'items[0].hsCode' }.message", equalTo("HS chapter 77 does not exist or is reserved"));

        Map<String, Object> wrongFlow = declaration(null);
        wrongFlow.put("tradeMode", "5100");
        given().contentType(ContentType.JSON).body(wrongFlow).post("/api/declarations")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("tradeMode"))
                .body("errors[0].message", equalTo("supervision mode 5100 is not allowed for FIRST_LINE flow"));

        Map<String, Object> tiny = declaration(null);
        tiny.put("currency", "JPY");
        tiny.put("items", List.of(Map.of("itemNo", 1, "hsCode", "8471300000", "quantity", 1, "unit", "台", "value", new BigDecimal("0.01"))));
        given().contentType(ContentType.JSON).body(tiny).post("/api/declarations")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].value"))
                .body("errors[0].message", equalTo("is worth less than 0.01 in CNY or USD at 2025-08's rate"));

        // Each value is below the contract's per-item limit once converted to CNY (EUR 8.3181: 8.3e14 < 10^15);
        // thirteen of them sum to 1.08e16, above the per-declaration limit (10^16), so the consumers would
        // dead-letter the event: refused here, by name.
        Map<String, Object> huge = declaration(null);
        BigDecimal large = new BigDecimal("100000000000000.00");
        huge.put("items", java.util.stream.IntStream.rangeClosed(1, 13)
                .mapToObj(n -> Map.of("itemNo", n, "hsCode", "8471300000", "quantity", 1, "unit", "台", "value", large))
                .toList());
        given().contentType(ContentType.JSON).body(huge).post("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("items")))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("together, converted to CNY, "));

        given().contentType(ContentType.JSON).body("{\"direction\": \"SIDEWAYS\"}").post("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("direction"));
        given().contentType(ContentType.JSON).body("{not json").post("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void tooManyItemsIs400AndTooLargeABodyIs413() {
        Map<String, Object> many = declaration(null);
        many.put("items", java.util.stream.IntStream.rangeClosed(1, 1001)
                .mapToObj(i -> Map.of("itemNo", i, "hsCode", "8471300000", "quantity", 1, "unit", "台", "value", 1))
                .toList());
        given().contentType(ContentType.JSON).body(many).post("/api/declarations")
                .then().statusCode(400).body("errors.field", hasItem("items"));

        String huge = "{\"unit\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        // As a well-behaved client sends a large body: the server can refuse it before it is sent.
        given().contentType(ContentType.JSON).header("Expect", "100-continue").body(huge).post("/api/declarations")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aClientsNumberCarriesTheDirectionDigit() {
        // Digit 9 is 0: an export's number, for an import.
        given().contentType(ContentType.JSON).body(declaration("801320250000000780")).post("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("declarationId")))
                .body("errors[0].message", equalTo("digit 9 must be 1 for IMPORT (1 import, 0 export)"));
    }

    @Test
    void anAmendmentKeepsDirectionDeclarantOfficeAndYear() {
        String id = given().contentType(ContentType.JSON).body(declaration(null)).post("/api/declarations")
                .then().statusCode(201).extract().path("declarationId");
        Map<String, Object> otherWay = declaration(null);
        otherWay.put("direction", "EXPORT");
        otherWay.put("declarationDate", "2024-08-26");
        given().contentType(ContentType.JSON).body(otherWay).put("/api/declarations/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("an amendment cannot change [direction, declarationDate]; cancel and re-file instead"))
                .body("errors.field", equalTo(List.of("direction", "declarationDate")))
                .body("errors[0].message", equalTo("cannot change on amendment; cancel and re-file instead (was IMPORT)"));
        Map<String, Object> otherOffice = declaration(null);
        otherOffice.put("customsOffice", "8010");
        given().contentType(ContentType.JSON).body(otherOffice).put("/api/declarations/" + id)
                .then().statusCode(409).body("errors.field", equalTo(List.of("customsOffice")));
        Map<String, Object> sameYear = declaration(null);
        sameYear.put("declarationDate", "2025-01-02");
        given().contentType(ContentType.JSON).body(sameYear).put("/api/declarations/" + id)
                .then().statusCode(200).body("revision", equalTo(2));
    }

    @Test
    void aNumberTwiceInOneBatchIsFiledOnceAndJudgedOnContent() {
        String id = "801320251000000778";
        Map<String, Object> changed = declaration(id);
        changed.put("partnerCountry", "FR");
        given().contentType(ContentType.JSON).body(List.of(declaration(id), declaration(id), changed))
                .post("/api/declarations/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("outcomes.status", equalTo(List.of(201, 200, 409)))
                .body("outcomes[1].revision", equalTo(1))
                .body("outcomes[2].detail", equalTo("declaration " + id + " was filed with other content"));
        given().get("/api/declarations/" + id).then().statusCode(200).body("partnerCountry", equalTo("DE"));
        assertThat(eventsOf(id)).extracting(DeclarationEvent::eventType).containsExactly(EventType.DECLARED);
    }

    @Test
    void theSameNumberSentConcurrentlyIsCreatedOnceAndOkForEveryOther() throws Exception {
        String id = "801320251000000779";
        String body = EventCodec.toJson(declaration(id));
        int senders = 8;
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest post = HttpRequest.newBuilder(declarationsUrl).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.declarant())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(30, TimeUnit.SECONDS));
            }
            assertThat(answered).containsExactlyInAnyOrder(201, 200, 200, 200, 200, 200, 200, 200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsOf(id)).extracting(DeclarationEvent::revision).containsExactly(1L);
    }

    @Test
    void everyEventSaysWhoFiledItsRevision() {
        String filer = TestTokens.token().roles(Roles.DECLARANT).subject("filer-9")
                .claim("uscc", List.of(TestTokens.DECLARANT_USCC)).sign();
        String amender = TestTokens.token().roles(Roles.DECLARANT).subject("filer-10")
                .claim("uscc", List.of(TestTokens.DECLARANT_USCC)).sign();
        String id = given().auth().oauth2(filer).contentType(ContentType.JSON).body(declaration(null))
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        Map<String, Object> amended = declaration(id);
        amended.put("partnerCountry", "FR");
        given().auth().oauth2(amender).contentType(ContentType.JSON).body(amended).put("/api/declarations/" + id)
                .then().statusCode(200);

        List<DeclarationEvent> events = eventsOf(id);
        assertThat(events).extracting(e -> e.filedBy().subject()).containsExactly("filer-9", "filer-10");
        assertThat(events).extracting(e -> e.filedBy().client()).containsOnly(TestTokens.CLIENT);
        assertThat(events).extracting(e -> e.declaration().synthetic()).containsOnly(false);
    }

    @Test
    void theSimulatorFilesAsItselfAndItsDeclarationsAreSynthetic() {
        String operator = TestTokens.operator();
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("from", "2024-03-05", "to", "2024-03-05", "declarationsPerDay", 3, "seed", 11))
                .post("/api/simulator/backfill").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !given().auth().oauth2(operator).get("/api/simulator")
                .then().statusCode(200).extract().<Boolean>path("running"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Metrics.sum(metricsUrl.toString(), "customs_outbox_backlog") == 0);
        List<DeclarationEvent> simulated;
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            simulated = kafka.readAll(DeclarationEvent.TOPIC, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .map(r -> EventCodec.parse(r.value()))
                    .filter(e -> e.declaration().declarationDate().equals(java.time.LocalDate.of(2024, 3, 5))).toList();
        }
        assertThat(simulated).extracting(e -> e.declaration().declarationDate().toString()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(simulated).allSatisfy(e -> {
            assertThat(e.declaration().synthetic()).isTrue();
            assertThat(e.filedBy().subject()).isEqualTo("customs-simulator");
            assertThat(e.filedBy().client()).isEqualTo("declaration-service");
        });
    }

    /** Every event of one declaration on the topic, read once the outbox holds nothing more to relay. */
    private List<DeclarationEvent> eventsOf(String id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Metrics.sum(metricsUrl.toString(), "customs_outbox_backlog") == 0);
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            return kafka.readAll(DeclarationEvent.TOPIC, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .filter(r -> id.equals(r.key())).map(r -> EventCodec.parse(r.value())).toList();
        }
    }

    @Test
    void batchAnswersPerItem() {
        Map<String, Object> bad = declaration(null);
        bad.put("zoneCode", "9999");
        given().contentType(ContentType.JSON).body(List.of(declaration(null), bad, declaration(null)))
                .post("/api/declarations/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("outcomes.status", equalTo(List.of(201, 400, 201)))
                .body("outcomes[1].errors[0].field", equalTo("zoneCode"))
                .body("outcomes[1].revision", nullValue());
        given().contentType(ContentType.JSON).body(List.of()).post("/api/declarations/batch")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void amendThenCancelThenNoMore() {
        String id = given().contentType(ContentType.JSON).body(declaration(null)).post("/api/declarations")
                .then().statusCode(201).extract().path("declarationId");
        Map<String, Object> amended = declaration(null);
        amended.put("items", List.of(Map.of("itemNo", 1, "hsCode", "8471300000", "quantity", 1, "unit", "台", "value", 1000)));
        given().contentType(ContentType.JSON).body(amended).put("/api/declarations/" + id)
                .then().statusCode(200).body("revision", equalTo(2)).body("status", equalTo("AMENDED"))
                .body("totalValueCny", equalTo(new BigDecimal("8318.10")));
        given().delete("/api/declarations/" + id)
                .then().statusCode(200).body("revision", equalTo(3)).body("status", equalTo("CANCELLED"));
        given().contentType(ContentType.JSON).body(amended).put("/api/declarations/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        given().delete("/api/declarations/" + id).then().statusCode(409);
        given().delete("/api/declarations/801320259999999999").then().statusCode(404);

        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<DeclarationEvent> events = kafka.readAll(DeclarationEvent.TOPIC, 3, Duration.ofSeconds(5)).stream()
                        .filter(r -> id.equals(r.key())).map(r -> EventCodec.parse(r.value())).toList();
                assertThat(events).extracting(DeclarationEvent::eventType)
                        .containsExactly(EventType.DECLARED, EventType.AMENDED, EventType.CANCELLED);
                assertThat(events).extracting(DeclarationEvent::revision).containsExactly(1L, 2L, 3L);
                // The cancellation carries the state it withdraws.
                assertThat(events.get(2).declaration().totalValueCny()).isEqualByComparingTo("8318.10");
            });
        }
    }

    @Test
    void summaryIsTheGroundTruth() {
        Map<String, Object> usd = declaration(null);
        usd.put("declarationDate", "2024-02-10");
        usd.put("direction", "EXPORT");
        usd.put("zoneCode", null);
        usd.put("zoneFlow", null);
        usd.put("tradeMode", "0110");
        usd.put("customsOffice", "2200");
        usd.put("currency", "USD");
        usd.put("items", List.of(Map.of("itemNo", 1, "hsCode", "8507600000", "quantity", 10, "unit", "个", "value", 500000)));
        Map<String, Object> secondLine = declaration(null);
        secondLine.put("declarationDate", "2024-02-11");
        secondLine.put("zoneFlow", "SECOND_LINE");
        secondLine.put("tradeMode", "5000");
        // A move that crosses no border carries its area's transport code: Y for a comprehensive bonded zone.
        secondLine.put("transportMode", "Y");
        secondLine.put("currency", "JPY");
        secondLine.put("items", List.of(Map.of("itemNo", 1, "hsCode", "8471300000", "quantity", 1, "unit", "台", "value", 1000000)));
        given().contentType(ContentType.JSON).body(List.of(usd, secondLine)).post("/api/declarations/batch")
                .then().statusCode(200).body("accepted", equalTo(2));

        given().queryParam("from", "2024-02-01").queryParam("to", "2024-02-29").auth().oauth2(TestTokens.analyst()).get("/api/declarations/summary")
                .then().statusCode(200)
                .body("declarations", equalTo(2))
                .body("exportCny", equalTo(new BigDecimal("3551500.00")))
                .body("importCny", equalTo(new BigDecimal("47512.00")))
                .body("importUsd", equalTo(new BigDecimal("6689.00")))
                .body("national.declarations", equalTo(1))
                .body("national.importCny", equalTo(new BigDecimal("0.00")))
                .body("national.exportUsd", equalTo(new BigDecimal("500000.00")));
        given().queryParam("from", "2024-03-01").queryParam("to", "2024-02-01").auth().oauth2(TestTokens.analyst()).get("/api/declarations/summary")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("zoneCode", "8013").queryParam("from", "2024-02-01").queryParam("to", "2024-02-29")
                .queryParam("size", 10).get("/api/declarations")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items.tradeMode", hasItem("5000"));
    }
}
