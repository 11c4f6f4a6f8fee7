package dev.customs.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.localstack.Platform;
import dev.customs.localstack.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static dev.customs.platform.TestPlatforms.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The packaged services against the real Keycloak of the local stack: the demo users' tokens open what their
 * roles allow and nothing else, a filing records the Keycloak user and client that made it, and a caller
 * without a token is refused by every service.
 */
class SecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Platform platform;

    @RegisterExtension
    static final ServiceLogsOnFailure SERVICE_LOGS = new ServiceLogsOnFailure(() -> platform);

    @BeforeAll
    static void startPlatform() {
        platform = TestPlatforms.start("security", null);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void withoutATokenEveryServiceAnswers401AsProblemJson() {
        for (String url : List.of(declarations() + "/api/declarations", zones() + "/api/zones",
                statistics() + "/api/statistics/totals")) {
            given().get(url).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer")).body("status", equalTo(401));
        }
        given().get(zones() + "/q/health/ready").then().statusCode(200);
    }

    @Test
    void theDeclarantFilesForItsEnterpriseAndTheFilingNamesItsKeycloakUser() throws IOException {
        JsonNode claims = claims(platform.tokens().token(Tokens.DECLARANT));
        String id = as(Tokens.DECLARANT).contentType(ContentType.JSON)
                .body(PipelineIT.restDeclaration(LocalDate.of(2025, 6, 10), Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE,
                        new BigDecimal("1000.00")))
                .post(declarations() + "/api/declarations")
                .then().statusCode(201)
                .body("filedBy.subject", equalTo(claims.path("sub").asText()))
                .body("filedBy.client", equalTo(Tokens.CLIENT_ID))
                .body("synthetic", equalTo(false))
                .extract().path("declarationId");
        as(Tokens.DECLARANT).get(declarations() + "/api/declarations/" + id).then().statusCode(200);

        // Another enterprise's declaration, filed in its name, is refused naming the field.
        var foreign = PipelineIT.restDeclaration(LocalDate.of(2025, 6, 10), Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE,
                new BigDecimal("1000.00"));
        foreign.put("declarantCode", "91110000MA00000001");
        as(Tokens.DECLARANT).contentType(ContentType.JSON).body(foreign).post(declarations() + "/api/declarations")
                .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("declarantCode"));
    }

    @Test
    void eachDemoUserReachesWhatItsRoleAllowsAndNothingElse() {
        as(Tokens.ANALYST).contentType(ContentType.JSON)
                .body(PipelineIT.restDeclaration(LocalDate.of(2025, 6, 11), Direction.EXPORT, null, null, BigDecimal.TEN))
                .post(declarations() + "/api/declarations").then().statusCode(403).contentType("application/problem+json");
        as(Tokens.ANALYST).get(statistics() + "/api/statistics/totals").then().statusCode(200);
        as(Tokens.ANALYST).get(zones() + "/api/ingest/status").then().statusCode(403);

        as(Tokens.DECLARANT).get(statistics() + "/api/statistics/totals").then().statusCode(403);
        as(Tokens.DECLARANT).get(zones() + "/api/zones/8013").then().statusCode(200);

        as(Tokens.AREA_ADMIN).get(zones() + "/api/zones/8013/totals").then().statusCode(200);
        as(Tokens.AREA_ADMIN).get(zones() + "/api/zones/ranking").then().statusCode(200);
        as(Tokens.AREA_ADMIN).get(zones() + "/api/zones/0130/totals")
                .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        for (String breakdown : List.of("partners", "commodities")) {
            as(Tokens.AREA_ADMIN).get(zones() + "/api/zones/8013/" + breakdown).then().statusCode(200);
            as(Tokens.AREA_ADMIN).get(zones() + "/api/zones/0130/" + breakdown)
                    .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("code"));
            as(Tokens.ANALYST).get(zones() + "/api/zones/0130/" + breakdown).then().statusCode(200);
            as(Tokens.DECLARANT).get(zones() + "/api/zones/8013/" + breakdown).then().statusCode(403);
        }
        as(Tokens.AREA_ADMIN).get(statistics() + "/api/statistics/totals").then().statusCode(403);

        as(Tokens.OPERATOR).get(declarations() + "/api/simulator").then().statusCode(200);
        as(Tokens.OPERATOR).get(statistics() + "/api/ingest/status").then().statusCode(200);
        as(Tokens.OPERATOR).get(zones() + "/api/zones/8013/totals").then().statusCode(403);
    }

    @Test
    void aTokenWhoseSignatureWasTamperedWithIsRefused() {
        String token = platform.tokens().token(Tokens.ANALYST);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().header("Authorization", "Bearer " + forged).get(statistics() + "/api/statistics/totals")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static JsonNode claims(String token) throws IOException {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static String declarations() {
        return platform.url(Platform.DECLARATION_SERVICE);
    }

    private static String zones() {
        return platform.url(Platform.ZONE_SERVICE);
    }

    private static String statistics() {
        return platform.url(Platform.STATISTICS_SERVICE);
    }
}
