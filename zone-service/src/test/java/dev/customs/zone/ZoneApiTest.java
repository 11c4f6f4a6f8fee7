package dev.customs.zone;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
class ZoneApiTest {

    @Test
    void listsAllAreasAndFilters() {
        given().get("/api/zones").then().statusCode(200).body("size()", equalTo(174));
        given().queryParam("province", "Chongqing").get("/api/zones")
                .then().statusCode(200).body("province", everyItem(equalTo("Chongqing")));
        given().get("/api/zones/8013").then().statusCode(200).body("province", equalTo("Chongqing"));
    }

    @Test
    void namesTheBadParameter() {
        given().queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get("/api/zones/8013/totals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2025-13-01").get("/api/zones/8013/totals")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("metric", "bananas").get("/api/zones/ranking")
                .then().statusCode(400).body("errors[0].field", equalTo("metric"));
        given().queryParam("limit", 0).get("/api/zones/ranking")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("type", "FREE_PORT").get("/api/zones")
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().get("/api/zones/0000/totals").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void emptyRangeGivesZeros() {
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-12-31").get("/api/zones/8013/totals")
                .then().statusCode(200).body("declarations", equalTo(0)).body("byFlow.size()", equalTo(0));
    }
}
