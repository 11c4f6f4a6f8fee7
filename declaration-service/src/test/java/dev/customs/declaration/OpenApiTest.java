package dev.customs.declaration;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.testing.OpenApiDocument;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "declarations"))
class OpenApiTest {

    @Test
    void everyOperationHasASummaryAndEveryParameterADescriptionAndAnExample() {
        OpenApiDocument document = OpenApiDocument.parse(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());

        assertThat(document.operations()).contains("POST /api/declarations", "POST /api/declarations/batch",
                "PUT /api/declarations/{id}", "DELETE /api/declarations/{id}", "GET /api/declarations/{id}",
                "GET /api/declarations", "GET /api/declarations/summary", "GET /api/declarations/{id}/revisions",
                "GET /api/outbox/status", "GET /api/simulator",
                "POST /api/simulator/start", "POST /api/simulator/stop", "POST /api/simulator/backfill");
        assertThat(document.gaps()).isEmpty();
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }
}
