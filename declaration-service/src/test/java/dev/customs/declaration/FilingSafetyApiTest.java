package dev.customs.declaration;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import dev.customs.rest.testing.ExactNumbers;
import dev.customs.rest.testing.Metrics;
import dev.customs.rest.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

/** What the landed code got wrong: 201s that did not count, 500s, double filings, a stuck outbox. */
@QuarkusTest
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "declarations"))
@ActAs(Roles.DECLARANT)
class FilingSafetyApiTest {

    @TestHTTPResource("/api/declarations")
    URI declarationsUrl;

    @TestHTTPResource("/q/metrics")
    URI metricsUrl;

    @Inject
    AgroalDataSource dataSource;

    /** The declaration of DeclarationApiTest with one item whose JSON is given verbatim. */
    private static String withItem(String itemJson) {
        Map<String, Object> body = DeclarationApiTest.declaration(null);
        body.put("items", List.of(Map.of("placeholder", 1)));
        return EventCodec.toJson(body).replace("{\"placeholder\":1}", itemJson);
    }

    @Test
    void numbersNoConsumerWouldCountAreRefusedCheaplyNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(withItem("{\"itemNo\":1,\"hsCode\":\"8471300000\",\"quantity\":1e1000,\"unit\":\"台\",\"value\":10}"))
                .post("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("items[0].quantity")));
        given().contentType(ContentType.JSON)
                .body(withItem("{\"itemNo\":1,\"hsCode\":\"8471300000\",\"quantity\":1.0000001,\"unit\":\"台\",\"value\":10}"))
                .post("/api/declarations")
                .then().statusCode(400).body("errors.field", equalTo(List.of("items[0].quantity")));
        for (String value : List.of("1e999999999", "1e10000000", "-1e999999999", "1e-999999999")) {
            long started = System.nanoTime();
            given().contentType(ContentType.JSON)
                    .body(withItem("{\"itemNo\":1,\"hsCode\":\"8471300000\",\"quantity\":1,\"unit\":\"台\",\"value\":" + value + "}"))
                    .post("/api/declarations")
                    .then().statusCode(400).contentType("application/problem+json")
                    // A negative one breaks two rules of the same field, each named.
                    .body("errors.field", everyItem(equalTo("items[0].value")));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(value).isLessThan(Duration.ofSeconds(2));
        }
        given().contentType(ContentType.JSON)
                .body(withItem("{\"itemNo\":1e999999999,\"hsCode\":\"8471300000\",\"quantity\":1,\"unit\":\"台\",\"value\":10}"))
                .post("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json");
        // An amendment is checked the same way.
        String id = given().contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null))
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        given().contentType(ContentType.JSON)
                .body(withItem("{\"itemNo\":1,\"hsCode\":\"8471300000\",\"quantity\":1,\"unit\":\"台\",\"value\":1e999999999}"))
                .put("/api/declarations/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("items[0].value")));
        // Beyond what a BigDecimal's scale holds: still a 400, never a 500.
        given().contentType(ContentType.JSON)
                .body(withItem("{\"itemNo\":1,\"hsCode\":\"8471300000\",\"quantity\":1,\"unit\":\"台\",\"value\":1e99999999999}"))
                .post("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * The property of AcceptedMeansCountedPropertyTest through the real endpoint, with fewer tries: every
     * answer is 201 or a 4xx naming fields, and every declaration created reaches the topic as an event the
     * consumers' rules accept.
     */
    @Test
    void hostileRequestsAreAnsweredByNameAndWhatIsCreatedCounts() throws Exception {
        // Numbers as a client would write them (1E+999999999 stays short), not as the event codec writes them.
        com.fasterxml.jackson.databind.ObjectMapper client = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        List<dev.customs.declaration.api.DeclarationRequest> samples =
                dev.customs.declaration.declarations.AcceptedMeansCountedPropertyTest.requests(today)
                        .sampleStream().limit(60).toList();
        Set<String> created = new HashSet<>();
        for (dev.customs.declaration.api.DeclarationRequest request : samples) {
            // Sent by a declarant of the request's own enterprise, when it names a well-formed one: what is under
            // test is the content, not the scope (a malformed code is refused by name before any scope check).
            String code = request.declarantCode();
            String enterprise = code != null && code.matches("[0-9A-Z]{18}") ? code : TestTokens.DECLARANT_USCC;
            io.restassured.response.Response response = given().auth().oauth2(TestTokens.declarantFor(enterprise))
                    .contentType(ContentType.JSON).body(client.writeValueAsBytes(request)).post("/api/declarations");
            int status = response.statusCode();
            if (status == 201) {
                created.add(response.path("declarationId"));
            } else {
                assertThat(status).as(response.asString()).isBetween(400, 499);
                assertThat(response.contentType()).startsWith("application/problem+json");
                if (status == 400) {
                    assertThat(response.jsonPath().getList("errors.field", String.class)).isNotEmpty()
                            .allSatisfy(field -> assertThat(field).isNotBlank());
                }
            }
        }
        assertThat(created).isNotEmpty();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Metrics.sum(metricsUrl.toString(), "customs_outbox_backlog") == 0);
        dev.customs.contract.event.DeclarationRules rules =
                new dev.customs.contract.event.DeclarationRules(dev.customs.contract.reference.ReferenceData.standard());
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            List<DeclarationEvent> events = kafka.readAll(DeclarationEvent.TOPIC, Integer.MAX_VALUE, Duration.ofSeconds(3))
                    .stream().filter(r -> created.contains(r.key())).map(r -> EventCodec.parse(r.value())).toList();
            assertThat(events).hasSize(created.size());
            assertThat(events).allSatisfy(event -> assertThat(rules.check(event)).isEmpty());
        }
    }

    @Test
    void aTotalOverTheConsumersLimitIsRefusedAsItems() {
        // Each item below the per-item limit (10^15 CNY); twelve of them, 1.08 * 10^16, above the per-declaration one.
        Map<String, Object> body = DeclarationApiTest.declaration(null);
        body.put("currency", "CNY");
        body.put("items", java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(n -> Map.of("itemNo", n, "hsCode", "8471300000", "quantity", 1, "unit", "台",
                        "value", new BigDecimal("900000000000000.00")))
                .toList());
        given().contentType(ContentType.JSON).body(body).post("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("items")))
                .body("errors[0].message", equalTo("together, converted to CNY, must be below 10000000000000000"));
    }

    @Test
    void aDeclarationWhoseEventKafkaWouldRefuseIsRefusedAtFiling() {
        Map<String, Object> body = DeclarationApiTest.declaration(null);
        String longUnit = "件".repeat(400);
        body.put("items", IntStream.rangeClosed(1, 1000)
                .mapToObj(i -> Map.of("itemNo", i, "hsCode", "8471300000", "quantity", 1, "unit", longUnit, "value", 10))
                .toList());
        given().contentType(ContentType.JSON).body(body).post("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", everyItem(startsWith("items")));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyFilesOnce() {
        String key = "retry-" + System.nanoTime();
        Map<String, Object> body = DeclarationApiTest.declaration(null);
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/declarations").then().statusCode(200).body("declarationId", equalTo(id)).body("revision", equalTo(1));
        Map<String, Object> other = DeclarationApiTest.declaration(null);
        other.put("partnerCountry", "FR");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(other)
                .post("/api/declarations").then().statusCode(409).contentType("application/problem+json");
        // Without the key the same body is a new declaration, as before.
        String another = given().contentType(ContentType.JSON).body(body)
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        assertThat(another).isNotEqualTo(id);

        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256)).body(body)
                .post("/api/declarations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("Idempotency-Key")));
    }

    @Test
    void concurrentRetriesWithOneKeyFileOnce() throws Exception {
        String key = "concurrent-" + System.nanoTime();
        String body = EventCodec.toJson(DeclarationApiTest.declaration(null));
        int senders = 8;
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest post = HttpRequest.newBuilder(declarationsUrl).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.declarant())
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Integer> statuses = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.send(post, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                ids.add((String) EventCodec.fromJson(response.body(), Map.class).get("declarationId"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200, 200, 200, 200, 200, 200);
        assertThat(ids).hasSize(1);
    }

    @Test
    void aSerialThatWrapsOntoAFiledNumberDrawsAnother() throws Exception {
        String first = given().contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null))
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        long serial = Long.parseLong(first.substring(9));
        // The sequence a billion further on: the nine-digit serial comes round to the one just filed.
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT setval('declaration_serial', " + (1_000_000_000L + serial - 1) + ")");
        }
        Set<String> ids = new HashSet<>(List.of(first));
        for (int i = 0; i < 3; i++) {
            String id = given().contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null))
                    .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
            assertThat(ids.add(id)).as(id).isTrue();
        }
        given().get("/api/declarations/" + first).then().statusCode(200).body("revision", equalTo(1));
    }

    @Test
    void aRowKafkaRefusesIsParkedAndTheRestFlow() throws Exception {
        String poison = "999920261000000001";
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO outbox (declaration_id, payload, occurred_at) VALUES (?, ?, ?)")) {
            insert.setString(1, poison);
            insert.setBytes(2, new byte[2 * 1024 * 1024]);
            insert.setObject(3, OffsetDateTime.now());
            insert.executeUpdate();
        }
        String id = given().contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null))
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Metrics.sum(metricsUrl.toString(), "customs_outbox_backlog") == 0);
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            assertThat(kafka.readAll(DeclarationEvent.TOPIC, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .filter(r -> id.equals(r.key())).map(r -> EventCodec.parse(r.value())).toList()).hasSize(1);
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT failure FROM outbox_parked WHERE declaration_id = '" + poison + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("RecordTooLargeException");
        }
        assertThat(Metrics.sum(metricsUrl.toString(), "customs_outbox_parked_total")).isGreaterThanOrEqualTo(1);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.backlog", equalTo(0))
                .body("checks.find { it.name == 'outbox' }.data.brokerReachable", equalTo(true))
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Database")));
    }
}
