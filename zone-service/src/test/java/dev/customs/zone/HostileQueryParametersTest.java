package dev.customs.zone;

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
import static org.hamcrest.Matchers.hasItem;

/**
 * Every parameter of every GET operation in this service's OpenAPI document, sent hostile values (see
 * {@link OpenApiDocumentHostileRequests}): a 400 problem naming the parameter, never a 5xx. Generated from
 * the document, so a new endpoint cannot escape it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
class HostileQueryParametersTest {

    @Test
    void everyParameterOfEveryGetAnswersHostileValuesWithA400NamingIt() {
        OpenApiDocument document = OpenApiDocument.parse(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        assertThat(document.operations("GET")).extracting(OpenApiDocument.Operation::name).contains("GET /api/zones", "GET /api/zones/{code}", "GET /api/zones/{code}/totals",
                "GET /api/zones/ranking", "GET /api/zones/{code}/series", "GET /api/zones/rollup", "GET /api/zones/concentration");
        // Free text gets only the values no parameter may take: a new one must be a date, a number, a choice
        // or a code in the document, or be added here on purpose.
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(OpenApiDocumentHostileRequests.freeText(document)).containsExactlyInAnyOrder("GET /api/zones query province");

        List<Outcome> outcomes = OpenApiDocumentHostileRequests.run(document);
        System.out.println(getClass().getSimpleName() + ": " + OpenApiDocumentHostileRequests.summary(outcomes));

        softly.assertThat(outcomes).hasSizeGreaterThan(100);
        softly.assertThat(outcomes).extracting(Outcome::status).allMatch(status -> status < 500);
        softly.assertThat(outcomes.stream().filter(o -> o.failure() != null).map(OpenApiDocumentHostileRequests::describe))
                .isEmpty();
        softly.assertAll();
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
