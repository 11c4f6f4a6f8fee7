package dev.customs.statistics;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import dev.customs.rest.testing.OpenApiDocumentHostileRequests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every parameter of every GET operation in this service's OpenAPI document, sent hostile values (see
 * {@link OpenApiDocumentHostileRequests}): a 400 problem naming the parameter, never a 5xx. Generated from
 * the document, so a new endpoint cannot escape it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "statistics"))
@ActAs(Roles.ANALYST)
class HostileQueryParametersTest {

    @Test
    void everyParameterOfEveryGetAnswersHostileValuesWithA400NamingIt() {
        OpenApiDocumentHostileRequests.assertEveryGetRefusesHostileValues(getClass().getSimpleName(), List.of("GET /api/statistics/totals", "GET /api/statistics/partners",
                "GET /api/statistics/regions", "GET /api/statistics/commodities", "GET /api/statistics/trade-modes",
                "GET /api/statistics/series", "GET /api/statistics/regimes", "GET /api/statistics/gac-trade-modes", "GET /api/statistics/monthly-report"),
                List.of());
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
