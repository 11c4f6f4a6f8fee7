package dev.customs.declaration;

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
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "declarations"))
class HostileQueryParametersTest {

    @Test
    void everyParameterOfEveryGetAnswersHostileValuesWithA400NamingIt() {
        OpenApiDocument document = OpenApiDocument.parse(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        assertThat(document.operations("GET")).extracting(OpenApiDocument.Operation::name).contains("GET /api/declarations", "GET /api/declarations/{id}",
                "GET /api/declarations/summary", "GET /api/simulator");
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
    void amendingOrCancellingAMalformedNumberIsA400NamingId() {
        given().delete("/api/declarations/abc")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().contentType("application/json").body("{}").put("/api/declarations/1234567890123456789")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().delete("/api/declarations/000000000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPageWhoseOffsetWouldOverflowIsA400NamingPage() {
        given().queryParam("page", "2147483647").queryParam("size", "500").get("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        given().queryParam("page", "abc").get("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        given().queryParam("size", "1.5").get("/api/declarations")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().queryParam("page", "4294967").queryParam("size", "500").get("/api/declarations")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aDeclarationNumberThatIsNot18DigitsIsA400NeverTheDatabase() {
        given().urlEncodingEnabled(false).get("/api/declarations/%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().get("/api/declarations/abc").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().get("/api/declarations/000000000000000000").then().statusCode(404).contentType("application/problem+json");
    }
}
