package dev.customs.statistics;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.testing.OpenApiDocument;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "statistics"))
class OpenApiTest {

    @Test
    void everyOperationHasASummaryAndEveryParameterADescriptionAndAnExample() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiDocument document = OpenApiDocument.parse(json);

        assertThat(document.operations()).contains("GET /api/statistics/totals", "GET /api/statistics/partners",
                "GET /api/statistics/regions", "GET /api/statistics/commodities", "GET /api/statistics/trade-modes",
                "GET /api/statistics/series", "GET /api/statistics/regimes", "GET /api/statistics/gac-trade-modes", "GET /api/statistics/monthly-report",
                "GET /api/ingest/status", "GET /api/ingest/dead-letters");
        assertThat(document.gaps()).isEmpty();

        JsonPath doc = JsonPath.from(json);
        // The date range's parameters come from one @BeanParam; they must still be documented as dates.
        String range = "paths.'/api/statistics/totals'.get.parameters";
        assertThat(doc.getList(range + ".name", String.class)).contains("from", "to");
        assertThat(doc.getList(range + ".findAll { it.name == 'from' || it.name == 'to' }.schema.format", String.class))
                .containsExactly("date", "date");
        for (String paged : new String[]{"/api/statistics/partners", "/api/statistics/commodities"}) {
            String ok = "paths.'" + paged + "'.get.responses.'200'";
            assertThat(doc.getMap(ok + ".headers")).as(paged).containsKeys("X-Total-Count", "Link");
            assertThat(doc.getString(ok + ".content.'application/json'.schema.type")).as(paged).isEqualTo("array");
        }
        assertThat(doc.getString("paths.'/api/statistics/series'.get.summary")).contains("momTotalCny");
        assertThat(doc.getString("components.schemas.TotalsView.properties.syntheticDeclarations.description"))
                .startsWith("How many of the declarations are synthetic");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }
}
