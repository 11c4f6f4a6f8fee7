package dev.customs.platform;

import dev.customs.localstack.LocalPostgres;
import dev.customs.localstack.Platform;
import dev.customs.localstack.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import static dev.customs.platform.TestPlatforms.as;
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
            id = as(Tokens.DECLARANT).contentType(ContentType.JSON)
                    .body(FaultToleranceIT.cnyImport(LocalDate.of(2025, 8, 26), new BigDecimal("1000.00")))
                    .post(platform.url(Platform.DECLARATION_SERVICE) + "/api/declarations")
                    .then().statusCode(201).extract().path("declarationId");
        }
        try (Platform platform = TestPlatforms.start("restart", dataDir)) {
            LocalPostgres.Credentials second = platform.credentials(Platform.DECLARATION_SERVICE);
            assertThat(second.username()).isEqualTo("declaration_service");
            assertThat(second.password()).isNotEqualTo(first.password());
            as(Tokens.DECLARANT).get(platform.url(Platform.DECLARATION_SERVICE) + "/api/declarations/" + id)
                    .then().statusCode(200)
                    .body("declarationId", equalTo(id))
                    .body("revision", equalTo(1));
        }
    }
}
