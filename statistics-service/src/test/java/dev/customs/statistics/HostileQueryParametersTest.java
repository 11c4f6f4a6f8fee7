package dev.customs.statistics;

import dev.customs.contract.testing.OpenApiDocument;
import dev.customs.contract.testing.OpenApiDocumentHostileRequests;
import dev.customs.contract.testing.OpenApiDocumentHostileRequests.Outcome;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every parameter of every GET operation in this service's OpenAPI document, sent hostile values (see
 * {@link OpenApiDocumentHostileRequests}): a 400 problem naming the parameter, never a 5xx. Generated from
 * the document, so a new endpoint cannot escape it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "statistics"))
class HostileQueryParametersTest {

    @Test
    void everyParameterOfEveryGetAnswersHostileValuesWithA400NamingIt() {
        OpenApiDocument document = OpenApiDocument.parse(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        assertThat(document.operations("GET")).extracting(OpenApiDocument.Operation::name).contains("GET /api/statistics/totals", "GET /api/statistics/partners",
                "GET /api/statistics/regions", "GET /api/statistics/commodities", "GET /api/statistics/trade-modes",
                "GET /api/statistics/series", "GET /api/statistics/regimes", "GET /api/statistics/monthly-report");
        // Free text gets only the values no parameter may take: a new one must be a date, a number, a choice
        // or a code in the document, or be added here on purpose.
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(OpenApiDocumentHostileRequests.freeText(document)).isEmpty();

        List<Outcome> outcomes = OpenApiDocumentHostileRequests.run(document);
        System.out.println(getClass().getSimpleName() + ": " + OpenApiDocumentHostileRequests.summary(outcomes));

        softly.assertThat(outcomes).hasSizeGreaterThan(100);
        softly.assertThat(outcomes).extracting(Outcome::status).allMatch(status -> status < 500);
        softly.assertThat(outcomes.stream().filter(o -> o.failure() != null).map(OpenApiDocumentHostileRequests::describe))
                .isEmpty();
        softly.assertAll();
    }

    @Test
    void theWidestSeriesIsRefusedAndDatesOutsideTheWindowNameTheirParameter() {
        given().queryParam("from", "1900-01-01").queryParam("to", "2999-12-31").get("/api/statistics/series")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().queryParam("to", "9999-12-31").get("/api/statistics/totals")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        given().queryParam("month", "9999-12").get("/api/statistics/monthly-report")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("month"));
        given().queryParam("from", "2025-01-01").queryParam("from", "2025-06-01").get("/api/statistics/totals")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }
}
