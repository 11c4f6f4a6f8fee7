package dev.customs.zone;

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
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
class OpenApiTest {

    @Test
    void everyOperationHasASummaryAndEveryParameterADescriptionAndAnExample() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiDocument document = OpenApiDocument.parse(json);

        assertThat(document.operations()).contains("GET /api/zones", "GET /api/zones/{code}", "GET /api/zones/{code}/totals",
                "GET /api/zones/ranking", "GET /api/zones/{code}/series", "GET /api/zones/rollup",
                "GET /api/zones/concentration", "GET /api/zones/{code}/partners", "GET /api/zones/{code}/commodities",
                "GET /api/ingest/status", "GET /api/ingest/dead-letters");
        assertThat(document.gaps()).isEmpty();

        JsonPath doc = JsonPath.from(json);
        // The date range's parameters come from one @BeanParam; they must still be documented as dates.
        String range = "paths.'/api/zones/{code}/totals'.get.parameters";
        assertThat(doc.getList(range + ".name", String.class)).contains("from", "to");
        assertThat(doc.getList(range + ".findAll { it.name == 'from' || it.name == 'to' }.schema.format", String.class))
                .containsExactly("date", "date");
        for (String paged : new String[]{"/api/zones", "/api/zones/ranking"}) {
            String ok = "paths.'" + paged + "'.get.responses.'200'";
            assertThat(doc.getMap(ok + ".headers")).as(paged).containsKeys("X-Total-Count", "Link");
            assertThat(doc.getString(ok + ".content.'application/json'.schema.type")).as(paged).isEqualTo("array");
        }
        assertThat(doc.getString("paths.'/api/zones/{code}/series'.get.summary")).contains("momTotalCny");
        assertThat(doc.getString("components.schemas.ZoneTotalsView.properties.syntheticDeclarations.description"))
                .startsWith("How many of the declarations are synthetic");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }
}
