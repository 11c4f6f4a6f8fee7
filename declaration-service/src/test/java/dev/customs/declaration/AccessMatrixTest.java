package dev.customs.declaration;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.testing.AccessMatrix;
import dev.customs.rest.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Every operation in the OpenAPI document answers only the roles access-matrix.csv allows (see AccessMatrix).
 * In an application of its own (its own database and broker), since the allowed calls file declarations and run
 * the simulator.
 */
@QuarkusTest
@TestProfile(AccessMatrixTest.OwnApp.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "declarations"))
class AccessMatrixTest {

    public static class OwnApp implements QuarkusTestProfile {
    }

    @Test
    void everyOperationAnswersOnlyTheRolesTheMatrixAllows() {
        AccessMatrix.load().assertEnforced(AccessMatrixTest::succeeding);
    }

    /** What each operation needs to succeed: a body, a declaration of the token's enterprise, a stopped simulator. */
    private static RequestSpecification succeeding(String operation, RequestSpecification request) {
        return switch (operation) {
            case "POST /api/declarations" -> request.contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null));
            case "POST /api/declarations/batch" ->
                    request.contentType(ContentType.JSON).body(List.of(DeclarationApiTest.declaration(null)));
            case "PUT /api/declarations/{id}" -> {
                Map<String, Object> amended = DeclarationApiTest.declaration(null);
                amended.put("partnerCountry", "FR");
                yield request.pathParam("id", filed()).contentType(ContentType.JSON).body(amended);
            }
            case "DELETE /api/declarations/{id}", "GET /api/declarations/{id}", "GET /api/declarations/{id}/revisions" ->
                    request.pathParam("id", filed());
            case "POST /api/simulator/start" -> {
                stopSimulator();
                yield request.contentType(ContentType.JSON).body(Map.of("ratePerSecond", 1, "seed", 42));
            }
            case "POST /api/simulator/backfill" -> {
                stopSimulator();
                yield request.contentType(ContentType.JSON).body(Map.of("from", "2024-01-02", "to", "2024-01-02",
                        "declarationsPerDay", 1, "seed", 7));
            }
            case "PUT /api/exchange-rates/{month}" ->
                    request.contentType(ContentType.JSON).body(Map.of("USD", new BigDecimal("7.1000")));
            default -> request;
        };
    }

    /** A declaration of the test kits' enterprise, filed by its declarant. */
    private static String filed() {
        return given().auth().oauth2(TestTokens.declarant()).contentType(ContentType.JSON)
                .body(DeclarationApiTest.declaration(null)).post("/api/declarations")
                .then().statusCode(201).extract().path("declarationId");
    }

    private static void stopSimulator() {
        given().auth().oauth2(TestTokens.operator()).post("/api/simulator/stop").then().statusCode(200);
    }
}
