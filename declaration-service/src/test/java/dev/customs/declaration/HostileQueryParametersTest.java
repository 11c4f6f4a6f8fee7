package dev.customs.declaration;

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
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "declarations"))
@ActAs(Roles.DECLARANT)
class HostileQueryParametersTest {

    @Test
    void everyParameterOfEveryGetAnswersHostileValuesWithA400NamingIt() {
        OpenApiDocumentHostileRequests.assertEveryGetRefusesHostileValues(getClass().getSimpleName(), List.of("GET /api/declarations", "GET /api/declarations/{id}",
                "GET /api/declarations/summary", "GET /api/simulator"),
                List.of());
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
