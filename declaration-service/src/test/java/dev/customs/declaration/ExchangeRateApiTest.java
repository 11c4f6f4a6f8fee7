package dev.customs.declaration;

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
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A year past the published rates: declarations keep being filed, provisionally, until the month is loaded. */
@QuarkusTest
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "declarations"))
@ActAs(Roles.DECLARANT)
class ExchangeRateApiTest {

    private static final String OPERATOR = TestTokens.token().roles(Roles.OPERATOR).subject("operator-7").sign();

    @Inject
    TestClock clock;

    @TestHTTPResource("/q/metrics")
    URI metricsUrl;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static Map<String, Object> euroDeclaration(String date) {
        Map<String, Object> body = DeclarationApiTest.declaration(null);
        body.put("declarationDate", date);
        body.put("items", List.of(Map.of("itemNo", 1, "hsCode", "8471300000", "quantity", 1, "unit", "台",
                "value", new BigDecimal("1000.00"))));
        return body;
    }

    @Test
    void beyondTheTableTheLatestRateIsCarriedForwardUntilTheMonthIsLoaded() {
        clock.set(Instant.parse("2027-04-15T04:00:00Z"));
        // 2026-12 is the table's last month: EUR and USD of 2026-12 are carried forward to 2027-04.
        BigDecimal eurDecember = given().queryParam("from", "2026-12").queryParam("to", "2026-12").get("/api/exchange-rates")
                .then().statusCode(200).body("lastPublishedMonth", equalTo("2026-12"))
                .extract().jsonPath().getObject("rates.find { it.currency == 'EUR' }.cnyPerUnit", BigDecimal.class);
        String provisional = given().contentType(ContentType.JSON).body(euroDeclaration("2027-04-10"))
                .post("/api/declarations")
                .then().statusCode(201)
                .body("provisionalRate", equalTo(true))
                .body("rateMonth", equalTo("2026-12"))
                .body("items[0].valueCny", equalTo(new BigDecimal("1000.00").multiply(eurDecember)
                        .setScale(2, java.math.RoundingMode.HALF_EVEN)))
                .extract().path("declarationId");
        assertThat(Metrics.sum(metricsUrl.toString(), "customs_declarations_provisional_rate_total")).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.sum(metricsUrl.toString(), "customs_exchange_rates_months_carried_forward")).isEqualTo(4);

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("USD", new BigDecimal("7.2000"), "EUR", new BigDecimal("8.0")))
                .put("/api/exchange-rates/2027-04")
                .then().statusCode(200).body("month", equalTo("2027-04"));
        given().queryParam("from", "2027-04").queryParam("to", "2027-04").get("/api/exchange-rates")
                .then().statusCode(200).body("rates.currency", containsInAnyOrder("EUR", "USD"))
                .body("rates.source", hasItem("operator operator-7"));

        given().contentType(ContentType.JSON).body(euroDeclaration("2027-04-11")).post("/api/declarations")
                .then().statusCode(201)
                .body("provisionalRate", equalTo(false))
                .body("rateMonth", equalTo("2027-04"))
                .body("items[0].valueCny", equalTo(new BigDecimal("8000.00")))
                .body("items[0].valueUsd", equalTo(new BigDecimal("1111.11")));
        // What was filed provisionally stays as filed, and says so.
        given().get("/api/declarations/" + provisional).then().statusCode(200)
                .body("provisionalRate", equalTo(true)).body("rateMonth", equalTo("2026-12"));
    }

    @Test
    void loadedRatesAreChecked() {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("XXX", 1, "USD", -1, "EUR", new BigDecimal("7.1234567"), "CNY", 1))
                .put("/api/exchange-rates/2026-11")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("XXX", "USD", "EUR", "CNY"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("USD", 7))
                .put("/api/exchange-rates/1999-01")
                .then().statusCode(400).body("errors.field", equalTo(List.of("month")));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("USD", 7))
                .put("/api/exchange-rates/2027-13")
                .then().statusCode(400).body("errors.field", equalTo(List.of("month")));
        given().queryParam("from", "2026-13").get("/api/exchange-rates")
                .then().statusCode(400).body("errors.field", equalTo(List.of("from")));
    }
}
