package dev.customs.statistics;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import dev.customs.rest.testing.ExactNumbers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "statistics"))
@ActAs(Roles.ANALYST)
class StatisticsApiTest {

    private static final BigDecimal ZERO = new BigDecimal("0.00");



    @Test
    void namesTheBadParameter() {
        given().queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get("/api/statistics/totals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2025-13-01").get("/api/statistics/regions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().queryParam("limit", 0).get("/api/statistics/partners")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 251).get("/api/statistics/partners")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("level", "heading").get("/api/statistics/commodities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("level"));
        given().queryParam("granularity", "week").get("/api/statistics/series")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("granularity"));
        // 601 months: more than one answer may hold.
        given().queryParam("from", "1950-01-01").queryParam("to", "2000-01-31").get("/api/statistics/series")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", "1950-01-01").queryParam("to", "1999-12-31").get("/api/statistics/series")
                .then().statusCode(200).body("size()", equalTo(600));
    }

    @Test
    void errorsStayProblemJsonWhenCsvIsAsked() {
        for (String limit : new String[]{"0", "251", "ten"}) {
            given().accept("text/csv").queryParam("limit", limit).get("/api/statistics/partners")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        given().accept("text/csv").queryParam("level", "chapter").queryParam("offset", "-5").get("/api/statistics/commodities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("offset"));
        given().accept("text/csv").queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get("/api/statistics/series")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().accept("text/csv").queryParam("granularity", "week").get("/api/statistics/series")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("granularity"));
        given().accept("text/csv").get("/api/statistics/nowhere")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        // An answer that has no CSV form is refused in problem+json too.
        given().accept("text/csv").get("/api/statistics/totals")
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void emptyRangeGivesZeros() {
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-12-31").get("/api/statistics/totals")
                .then().statusCode(200)
                .body("from", equalTo("1999-01-01"))
                .body("to", equalTo("1999-12-31"))
                .body("declarations", equalTo(0))
                .body("syntheticDeclarations", equalTo(0))
                .body("importCny", equalTo(ZERO))
                .body("exportCny", equalTo(ZERO))
                .body("totalCny", equalTo(ZERO))
                .body("balanceCny", equalTo(ZERO))
                .body("importUsd", equalTo(ZERO))
                .body("exportUsd", equalTo(ZERO))
                .body("totalUsd", equalTo(ZERO))
                .body("balanceUsd", equalTo(ZERO))
                .body("zoneShare", equalTo(new BigDecimal("0.0000")));
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-12-31").get("/api/statistics/partners")
                .then().statusCode(200).header("X-Total-Count", "0").header("Link", nullValue())
                .body("size()", equalTo(0));
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-12-31").get("/api/statistics/regions")
                .then().statusCode(200)
                .body("size()", equalTo(12))
                .body("declarations", everyItem(equalTo(0)))
                .body("totalCny", everyItem(equalTo(ZERO)));
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-12-31").queryParam("level", "chapter")
                .get("/api/statistics/commodities")
                .then().statusCode(200).body("size()", equalTo(0));
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-12-31").get("/api/statistics/trade-modes")
                .then().statusCode(200).body("size()", equalTo(0));
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-12-31").get("/api/statistics/series")
                .then().statusCode(200)
                .body("size()", equalTo(12))
                .body("[0].month", equalTo("1999-01"))
                .body("[11].month", equalTo("1999-12"))
                .body("totalCny", everyItem(equalTo(ZERO)))
                .body("yoyTotalCny", everyItem(nullValue()))
                .body("momTotalCny", everyItem(nullValue()));
    }

    @Test
    void documentsTheApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/statistics/series"))
                .body(containsString("growth on the same period a year earlier"));
        given().get("/q/health").then().statusCode(200);
    }
}
