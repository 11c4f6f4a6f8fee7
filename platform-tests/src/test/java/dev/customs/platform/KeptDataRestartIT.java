package dev.customs.platform;

import dev.customs.localstack.LocalPostgres;
import dev.customs.localstack.Platform;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * ./run-local.sh started again on the data directory it left: the cluster comes up locked with the superuser
 * password it kept, the services get new role passwords, and what was filed before is still there.
 */
class KeptDataRestartIT {

    @Test
    void aSecondStartOnTheSameDataDirectoryServesWhatTheFirstStored(@TempDir Path dataDir) {
        String id;
        LocalPostgres.Credentials first;
        try (Platform platform = TestPlatforms.start("restart", dataDir)) {
            first = platform.credentials(Platform.DECLARATION_SERVICE);
            id = given().contentType(ContentType.JSON).body(cnyImport())
                    .post(platform.url(Platform.DECLARATION_SERVICE) + "/api/declarations")
                    .then().statusCode(201).extract().path("declarationId");
        }
        try (Platform platform = TestPlatforms.start("restart", dataDir)) {
            LocalPostgres.Credentials second = platform.credentials(Platform.DECLARATION_SERVICE);
            assertThat(second.username()).isEqualTo("declaration_service");
            assertThat(second.password()).isNotEqualTo(first.password());
            given().get(platform.url(Platform.DECLARATION_SERVICE) + "/api/declarations/" + id)
                    .then().statusCode(200)
                    .body("declarationId", equalTo(id))
                    .body("revision", equalTo(1));
        }
    }

    private static Map<String, Object> cnyImport() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("declarationDate", "2025-08-26");
        body.put("direction", "IMPORT");
        body.put("zoneCode", "8013");
        body.put("zoneFlow", "FIRST_LINE");
        body.put("tradeMode", "5034");
        body.put("customsOffice", "8013");
        body.put("declarantCode", "91500000MA5U12346T");
        body.put("partnerCountry", "DE");
        body.put("transportMode", "3");
        body.put("currency", "CNY");
        body.put("items", List.of(Map.of("itemNo", 1, "hsCode", "8471300000", "quantity", 1, "unit", "台", "value", 1000)));
        return body;
    }
}
