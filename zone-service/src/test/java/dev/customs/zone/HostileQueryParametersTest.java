package dev.customs.zone;

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
import static org.hamcrest.Matchers.hasItem;

/**
 * Every parameter of every GET operation in this service's OpenAPI document, sent hostile values (see
 * {@link OpenApiDocumentHostileRequests}): a 400 problem naming the parameter, never a 5xx. Generated from
 * the document, so a new endpoint cannot escape it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
@ActAs(Roles.ANALYST)
class HostileQueryParametersTest {

    @Test
    void everyParameterOfEveryGetAnswersHostileValuesWithA400NamingIt() {
        OpenApiDocumentHostileRequests.assertEveryGetRefusesHostileValues(getClass().getSimpleName(), List.of("GET /api/zones", "GET /api/zones/{code}", "GET /api/zones/{code}/totals",
                "GET /api/zones/ranking", "GET /api/zones/{code}/series", "GET /api/zones/rollup", "GET /api/zones/concentration",
                "GET /api/zones/{code}/partners", "GET /api/zones/{code}/commodities"),
                List.of("GET /api/zones query province"));
    }

    @Test
    void aZoneCodeIsFourDigitsAndOneNoOneHasIsA404() {
        given().urlEncodingEnabled(false).get("/api/zones/%00/totals").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("code"));
        given().urlEncodingEnabled(false).get("/api/zones/%E2%82%AC").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        given().get("/api/zones/0000").then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/api/zones?province=%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("province"));
        // Decoded values are what the checks see: an encoded space is just a space.
        given().urlEncodingEnabled(false).get("/api/zones?province=Inner%20Mongolia").then().statusCode(200)
                .body("province", hasItem("Inner Mongolia"));
        given().urlEncodingEnabled(false).get("/api/zones?province=Inner%FFMongolia").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("province"));
        given().queryParam("top", "abc").get("/api/zones/concentration").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("top"));
    }
}
