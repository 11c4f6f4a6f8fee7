package dev.customs.zone;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import dev.customs.rest.testing.LinkHeader;
import dev.customs.rest.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
@ActAs(Roles.ANALYST)
class ZoneApiTest {

    @Test
    void listsAllAreasAndFilters() {
        given().get("/api/zones").then().statusCode(200).header("X-Total-Count", "174").body("size()", equalTo(174));
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
    void areasComeAPageAtATime() {
        List<String> all = given().get("/api/zones").then().statusCode(200).extract().jsonPath().getList("code");
        var second = given().queryParam("offset", 50).queryParam("limit", 50).get("/api/zones").then().statusCode(200)
                .header("X-Total-Count", "174")
                .extract();
        assertThat(second.jsonPath().getList("code", String.class)).isEqualTo(all.subList(50, 100));
        assertThat(LinkHeader.parse(second.header("Link"))).containsOnly(
                entry("next", Map.of("offset", "100", "limit", "50")),
                entry("prev", Map.of("offset", "0", "limit", "50")));

        // The last page links back only; a filter stays in the links.
        var jiangsu = given().queryParam("province", "Jiangsu").queryParam("limit", 20).get("/api/zones")
                .then().statusCode(200).extract();
        int inJiangsu = Integer.parseInt(jiangsu.header("X-Total-Count"));
        assertThat(inJiangsu).isGreaterThan(20);
        assertThat(LinkHeader.parse(jiangsu.header("Link"))).containsOnly(
                entry("next", Map.of("province", "Jiangsu", "offset", "20", "limit", "20")));
        var last = given().queryParam("province", "Jiangsu").queryParam("limit", 20).queryParam("offset", 20)
                .get("/api/zones").then().statusCode(200).body("size()", equalTo(inJiangsu - 20)).extract();
        assertThat(LinkHeader.parse(last.header("Link"))).containsOnly(
                entry("prev", Map.of("province", "Jiangsu", "offset", "0", "limit", "20")));

        // Past the end: an empty page, not an error; one page holding everything has no links.
        given().queryParam("offset", 174).get("/api/zones").then().statusCode(200)
                .header("X-Total-Count", "174").body("size()", equalTo(0));
        given().queryParam("limit", 174).get("/api/zones").then().statusCode(200).header("Link", nullValue());
    }

    @Test
    void aPageAsCsv() {
        List<String> all = given().get("/api/zones").then().statusCode(200).extract().jsonPath().getList("code");
        String csv = given().accept("text/csv").queryParam("offset", 1).queryParam("limit", 2).get("/api/zones")
                .then().statusCode(200).contentType("text/csv").header("X-Total-Count", "174")
                .header("Link", containsString("rel=\"next\""))
                .header("Content-Disposition", "attachment; filename=\"zones.csv\"")
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("\uFEFFcode,name,type,province,synthetic,customsOffice,source");
        assertThat(lines.get(1)).startsWith(all.get(1) + ",");
        assertThat(lines.get(2)).startsWith(all.get(2) + ",");
        // An empty page still knows its columns.
        given().accept("text/csv").queryParam("offset", 500).get("/api/zones")
                .then().statusCode(200).contentType("text/csv").body(equalTo("\uFEFFcode,name,type,province,synthetic,customsOffice,source\r\n"));
    }

    @Test
    void errorsStayProblemJsonWhenCsvIsAsked() {
        for (String limit : new String[]{"0", "201", "ten"}) {
            given().accept("text/csv").queryParam("limit", limit).get("/api/zones/ranking")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        given().accept("text/csv").queryParam("offset", -1).get("/api/zones")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("offset"));
        given().accept("text/csv").queryParam("by", "province").queryParam("from", "2025-02-01").queryParam("to", "2025-01-01")
                .get("/api/zones/rollup")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().accept("text/csv").get("/api/zones/0000/series")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("'0000'"));
        // An answer that has no CSV form is refused in problem+json too.
        given().accept("text/csv").get("/api/zones/8013/totals")
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void emptyRangeGivesZeros() {
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-12-31").get("/api/zones/8013/totals")
                .then().statusCode(200).body("declarations", equalTo(0)).body("byFlow.size()", equalTo(0));
    }

    @Test
    void anAreaAdministratorSeesItsOwnAreasFiguresAndTheRankingButNoOtherAreas() {
        String admin8013 = TestTokens.areaAdminOf("8013");
        given().auth().oauth2(admin8013).queryParam("from", "1999-01-01").queryParam("to", "1999-12-31")
                .get("/api/zones/8013/totals").then().statusCode(200).body("declarations", equalTo(0));
        given().auth().oauth2(admin8013).get("/api/zones/8013/series").then().statusCode(200);
        given().auth().oauth2(admin8013).get("/api/zones/ranking").then().statusCode(200);
        given().auth().oauth2(admin8013).get("/api/zones/0130/totals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("code")));
        given().auth().oauth2(admin8013).get("/api/zones/0130/series")
                .then().statusCode(403).body("errors.field", equalTo(List.of("code")));
        given().auth().oauth2(admin8013).queryParam("by", "province").get("/api/zones/rollup")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
